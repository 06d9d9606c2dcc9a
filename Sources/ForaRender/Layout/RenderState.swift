/// What one rendering accumulates while it walks the document: the numbered URL list, the
/// images, and how deeply lists are nested. One per `render` call; never shared.
final class RenderState {
    let options: RenderOptions
    private(set) var links: [String] = []
    private(set) var images: [RenderedImage] = []
    private var numbers: [String: Int] = [:]
    /// Inline spoilers' text in reading order (see `RenderedDocument.inlineSpoilers`).
    var inlineSpoilers: [String] = []
    var listDepth = 0
    /// How many block elements enclose the one being laid out (see `BlockRenderer.maxDepth`).
    var blockDepth = 0

    init(options: RenderOptions) { self.options = options }

    /// The 1-based number of `url` in the link list; the same URL keeps one number.
    func number(for url: String) -> Int {
        let clean = TerminalSafety.sanitize(Self.resolve(url, against: options.baseURL))
        if let existing = numbers[clean] { return existing }
        links.append(clean)
        numbers[clean] = links.count
        return links.count
    }

    /// `url` made absolute against `base` when it is site-relative ("/t/x") or
    /// scheme-relative ("//host/x"); anything else is returned as it is.
    static func resolve(_ url: String, against base: String?) -> String {
        guard let base, let schemeEnd = base.range(of: "://") else { return url }
        if url.hasPrefix("//") { return base[..<schemeEnd.lowerBound] + ":" + url }
        guard url.hasPrefix("/") else { return url }
        let host = base[schemeEnd.upperBound...].prefix { $0 != "/" }
        return base[..<schemeEnd.upperBound] + host + url
    }

    /// The width left for content after a prefix of `minus` columns (at least 1; the final
    /// clip in `CookedRenderer` trims what a too-narrow pane cannot hold).
    func inner(_ width: Int, minus: Int) -> Int { max(1, width - minus) }

    /// Numbers an image in the shared link list and records it.
    func image(url: String, alt: String) -> Int {
        let number = number(for: url)
        images.append(RenderedImage(url: links[number - 1], alt: alt, link: number))
        return number
    }
}
