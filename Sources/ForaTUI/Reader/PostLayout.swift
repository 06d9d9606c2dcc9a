import ForaCore
import ForaRender
import Foundation

/// Anything that renders cooked HTML to styled lines: the real `CookedRenderer`, or a fake
/// in tests that need quotes and links before the renderer is finished.
public protocol PostRendering: Sendable {
    func render(_ cooked: String, width: Int) -> RenderedDocument
}

extension CookedRenderer: PostRendering {}

/// A run of text in one style.
public struct StyledSegment: Equatable, Sendable {
    public var text: String
    public var style: TextStyle
    public init(_ text: String, _ style: TextStyle = .normal) {
        self.text = text
        self.style = style
    }
}

/// One screen row of the reader.
public struct ReaderLine: Equatable, Sendable {
    public var segments: [StyledSegment]
    public init(_ segments: [StyledSegment]) { self.segments = segments }
    public var plainText: String { segments.map(\.text).joined() }
}

/// A post as rows: the header line, the body indented by two columns, and a blank separator.
public enum PostLayout {
    public static let bodyIndent = 2

    public static func lines(
        for post: ReaderPost, width: Int, foldQuotes: Bool, renderer: any PostRendering
    ) -> (lines: [ReaderLine], links: [String]) {
        if post.postType == SmallAction.postType {
            // "#7 moderator closed the topic 2h ago": one line, as the site shows it.
            let text = SmallAction.line(code: post.actionCode, username: post.username, createdAt: post.createdAt)
            return (
                [ReaderLine([StyledSegment("#\(post.number) ", .dim), StyledSegment(text, .dim)]), ReaderLine([])], []
            )
        }
        let document = renderer.render(post.cooked, width: max(1, width - bodyIndent))
        var lines = [header(for: post)]
        let indent = StyledSegment(String(repeating: " ", count: bodyIndent))
        var index = 0
        while index < document.lines.count {
            let line = document.lines[index]
            if foldQuotes, isQuote(line) {
                var end = index
                while end < document.lines.count, isQuote(document.lines[end]) { end += 1 }
                let count = end - index
                lines.append(
                    ReaderLine([
                        indent, StyledSegment("▸ quote, \(count) line\(count == 1 ? "" : "s") folded", .role(.muted)),
                    ]))
                index = end
                continue
            }
            lines.append(ReaderLine([indent] + line.runs.map { StyledSegment($0.text, .role($0.role)) }))
            index += 1
        }
        lines.append(ReaderLine([]))
        return (lines, document.links)
    }

    /// Quote folding hook: a line is part of a quote when the renderer marks its first run so.
    static func isQuote(_ line: StyledLine) -> Bool {
        line.runs.first { !$0.text.allSatisfy(\.isWhitespace) }?.role == .quote
    }

    static func header(for post: ReaderPost) -> ReaderLine {
        var segments = [StyledSegment("#\(post.number) ", .dim), StyledSegment(post.username, .ui(.author))]
        if let badge = post.badge {
            segments.append(StyledSegment(" "))
            segments.append(StyledSegment(" \(badge.rawValue) ", .ui(.staffBadge)))
        } else if let level = post.trustLevel {
            segments.append(StyledSegment(" TL\(level)", .dim))
        }
        if let title = post.userTitle, !title.isEmpty { segments.append(StyledSegment(" (\(title))", .dim)) }
        // Marks before the facts, so they survive narrow panes; words, not colour alone.
        if post.isSolution { segments.append(StyledSegment(" ✓ Solution", .role(.solution))) }
        if post.moderation.deleted { segments.append(StyledSegment(" [deleted]", .ui(.newMarker))) }
        if post.moderation.hidden { segments.append(StyledSegment(" [hidden]", .ui(.newMarker))) }
        if post.wiki { segments.append(StyledSegment(" [wiki]", .dim)) }
        if !post.isRead { segments.append(StyledSegment(" ● new", .ui(.newMarker))) }
        var facts: [String] = []
        if let date = post.createdAt.flatMap(ForaDate.parse) { facts.append(Self.format(date)) }
        if let replyTo = post.replyToPostNumber { facts.append("↩ #\(replyTo)") }
        if post.likes > 0 { facts.append("♥ \(post.likes)") }
        if !facts.isEmpty { segments.append(StyledSegment(" · " + facts.joined(separator: " · "), .dim)) }
        return ReaderLine(segments)
    }

    /// "2026-03-04 14:05" in UTC: unambiguous and locale-free.
    static func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
    }

    /// A post that is not loaded yet: a header placeholder and a separator.
    static func placeholder(position: Int, failed: Bool) -> [ReaderLine] {
        let text = failed ? "post \(position + 1): could not load (r retries)" : "post \(position + 1): loading…"
        return [ReaderLine([StyledSegment(text, .dim)]), ReaderLine([])]
    }
}
