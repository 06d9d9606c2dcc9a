// Placeholder: ForaCore starts small; see ARCHITECTURE.md for what lives here.
enum ForaCoreModule {}
