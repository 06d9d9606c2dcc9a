import CCmarkGFM

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The composer preview: markdown → HTML with cmark-gfm (tables, strikethrough, autolinks,
/// task lists) → the same renderer as posts, so a reply looks the same before and after
/// posting.
public enum MarkdownPreview {
    /// Registers the GFM extensions once (cmark-gfm keeps them in a global registry).
    private static let registered: Void = { cmark_gfm_core_extensions_ensure_registered() }()

    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// Markdown → HTML. Raw HTML is kept: the renderer handles any HTML safely, and
    /// Discourse allows some (`<kbd>`, `<details>`).
    public static func html(_ markdown: String) -> String {
        _ = registered
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        var source = QuoteMarkup.html(markdown)
        source.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return }
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(html) }
        return String(cString: html)
    }

    /// Renders `markdown` as the post it will become, wrapped to `width`.
    public static func render(_ markdown: String, width: Int, options: RenderOptions = RenderOptions())
        -> RenderedDocument
    {
        var options = options
        options.cookShortcodes = true
        return CookedRenderer(options: options).render(html(markdown), width: width)
    }
}
