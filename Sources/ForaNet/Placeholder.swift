// Placeholder: ForaNet starts small; see ARCHITECTURE.md for what lives here.
enum ForaNetModule {}
