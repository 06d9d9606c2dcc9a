/// SCAFFOLD (issue 5 replaces it): the public face of the renderer that `fora read`, the TUI
/// reader and the composer preview call. The names are the contract; the body is not done.
public enum TextRole: String, Sendable, CaseIterable {
    case text, strong, emphasis, strikethrough, code, link, quote, mention, hashtag, heading, muted, solution
}

public struct StyledRun: Equatable, Sendable {
    public var text: String
    public var role: TextRole
    public init(_ text: String, role: TextRole = .text) {
        self.text = text
        self.role = role
    }
}

public struct StyledLine: Equatable, Sendable {
    public var runs: [StyledRun]
    public init(_ runs: [StyledRun] = []) { self.runs = runs }
    public var plainText: String { runs.map(\.text).joined() }
}

/// A rendered post: its wrapped lines and the numbered links listed after it.
public struct RenderedDocument: Equatable, Sendable {
    public var lines: [StyledLine]
    public var links: [String]
    public init(lines: [StyledLine], links: [String]) {
        self.lines = lines
        self.links = links
    }
    public var plainText: String { lines.map(\.plainText).joined(separator: "\n") }
}

public struct CookedRenderer: Sendable {
    public init() {}

    /// Renders Discourse "cooked" HTML wrapped to `width` display columns.
    public func render(_ cooked: String, width: Int) -> RenderedDocument {
        RenderedDocument(lines: [StyledLine([StyledRun(cooked)])], links: [])
    }
}
