// Placeholder: ForaRender starts small; see ARCHITECTURE.md for what lives here.
enum ForaRenderModule {}
