// Placeholder: ForaTUI starts small; see ARCHITECTURE.md for what lives here.
enum ForaTUIModule {}
