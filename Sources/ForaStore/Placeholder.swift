// Placeholder: ForaStore starts small; see ARCHITECTURE.md for what lives here.
enum ForaStoreModule {}
