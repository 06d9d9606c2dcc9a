/// Semantic roles of rendered text. Themes map each role to a colour and attributes; the
/// renderer never decides colours itself, so one rendered document serves every theme.
public enum TextRole: String, Sendable, CaseIterable {
    case text, strong, emphasis, strikethrough, code, link, quote, mention, hashtag, heading, muted, solution
    /// `<kbd>` keys, drawn as `[Ctrl]`.
    case keyboard
    /// Image placeholders `[image: alt]`.
    case image
    /// A spoiler's placeholder (or its text once revealed).
    case spoiler
    /// Math kept as its TeX source.
    case math
}

/// A piece of text drawn in one role. `link` is the 1-based number of the link it belongs to
/// (an index into `RenderedDocument.links`), so a writer can emit an OSC 8 hyperlink.
public struct StyledRun: Equatable, Sendable {
    public var text: String
    public var role: TextRole
    public var link: Int?
    public init(_ text: String, role: TextRole = .text, link: Int? = nil) {
        self.text = text
        self.role = role
        self.link = link
    }
}

/// One terminal line, never wider than the width it was rendered for.
public struct StyledLine: Equatable, Sendable {
    public var runs: [StyledRun]
    public init(_ runs: [StyledRun] = []) { self.runs = runs }
    public var plainText: String { runs.map(\.text).joined() }
    public var isEmpty: Bool { runs.allSatisfy { $0.text.isEmpty } }
}

/// An image in a post, in the order they appear; `link` is its number in the document's URL
/// list, so "open 3" works the same for links and images.
public struct RenderedImage: Equatable, Sendable {
    public var url: String
    public var alt: String
    public var link: Int
    public init(url: String, alt: String, link: Int) {
        self.url = url
        self.alt = alt
        self.link = link
    }
}

/// Where a quoted post comes from (`aside.quote` data attributes).
public struct QuoteSource: Equatable, Sendable {
    public var username: String
    public var post: Int?
    public var topic: Int?
    public init(username: String, post: Int?, topic: Int?) {
        self.username = username
        self.post = post
        self.topic = topic
    }
}

/// A part of the document the reader can fold: a Discourse quote, a `<details>` block or a
/// spoiler. `header` is the line that stays visible; `body` the lines a fold hides. A
/// collapsed region (details, hidden spoiler) has an empty body: render again with the
/// matching `RenderOptions` flag to open it.
public struct FoldRegion: Equatable, Sendable {
    public enum Kind: String, Sendable { case quote, details, spoiler }
    public var kind: Kind
    public var header: Int
    public var body: Range<Int>
    public var isCollapsed: Bool
    public var quote: QuoteSource?
    public init(kind: Kind, header: Int, body: Range<Int>, isCollapsed: Bool, quote: QuoteSource? = nil) {
        self.kind = kind
        self.header = header
        self.body = body
        self.isCollapsed = isCollapsed
        self.quote = quote
    }

    func shifted(by offset: Int) -> FoldRegion {
        var copy = self
        copy.header += offset
        copy.body = (body.lowerBound + offset)..<(body.upperBound + offset)
        return copy
    }
}

/// A rendered post: its wrapped lines and the numbered links listed after it.
public struct RenderedDocument: Equatable, Sendable {
    public var lines: [StyledLine]
    /// The URLs of links and images, numbered from 1 in the text as `[n]`.
    public var links: [String]
    public var images: [RenderedImage]
    public var folds: [FoldRegion]
    /// The text of each inline spoiler (`span.spoiler`), in reading order, whether it was
    /// revealed or drawn as a placeholder: the web blurs these until clicked.
    public var inlineSpoilers: [String]
    public init(
        lines: [StyledLine], links: [String], images: [RenderedImage] = [], folds: [FoldRegion] = [],
        inlineSpoilers: [String] = []
    ) {
        self.lines = lines
        self.links = links
        self.images = images
        self.folds = folds
        self.inlineSpoilers = inlineSpoilers
    }

    /// How many blocks this rendering keeps folded away (collapsed details and spoilers):
    /// what `fora read` mentions so a reader knows to ask for `--reveal`.
    public var hiddenCount: Int {
        let blocks = folds.filter { $0.isCollapsed && $0.kind != .quote }.count
        let inline = lines.reduce(0) { count, line in
            count + line.runs.filter { $0.role == .spoiler && $0.text == InlineCollector.spoilerPlaceholder }.count
        }
        return blocks + inline
    }
    public var plainText: String { lines.map(\.plainText).joined(separator: "\n") }

    /// The numbered URL list shown after a post: `[1] https://…`, one per line.
    public var linkListLines: [StyledLine] {
        links.enumerated().map { index, url in
            StyledLine([StyledRun("[\(index + 1)] ", role: .muted), StyledRun(url, role: .link, link: index + 1)])
        }
    }
}

/// Choices that change what a rendering shows; part of the render cache key.
public struct RenderOptions: Hashable, Sendable {
    /// Show spoiler text instead of a placeholder.
    public var revealSpoilers: Bool
    /// Show the body of `<details>` blocks instead of only their summary.
    public var expandDetails: Bool
    /// Poll vote counts, which cooked HTML does not carry: poll name → option id → votes
    /// (from the post's `polls` JSON).
    public var pollVotes: [String: [String: Int]]
    /// Turn `:alias:` and `@name` in plain text into emoji and mentions, as Discourse's
    /// cooker would: for the composer preview of raw markdown.
    public var cookShortcodes: Bool
    /// The site's address ("https://meta.discourse.org"): site-relative links and images
    /// (`/t/…`, `//cdn…/x.png`) are listed as full URLs, so "open 3" works.
    public var baseURL: String?
    /// Lines in display order (right-to-left runs reordered for a terminal, which draws left to
    /// right); off for text handed to scripts, which want the logical order.
    public var visualOrder = true
    public init(
        revealSpoilers: Bool = false, expandDetails: Bool = false, pollVotes: [String: [String: Int]] = [:],
        cookShortcodes: Bool = false, baseURL: String? = nil
    ) {
        self.revealSpoilers = revealSpoilers
        self.expandDetails = expandDetails
        self.pollVotes = pollVotes
        self.cookShortcodes = cookShortcodes
        self.baseURL = baseURL
    }
}
