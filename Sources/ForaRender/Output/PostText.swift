/// A post as words for scripts (`fora read --json`): every word a reader could see on the web,
/// including what the web shows collapsed or blurred (details blocks, spoilers), which is listed
/// in `folded` so a script can tell it apart; plus the link targets and images.
public struct PostText: Equatable, Sendable {
    /// A block the web shows collapsed (`<details>`) or blurred (a spoiler). `firstLine` and
    /// `lastLine` are 1-based, inclusive, into `PostText.text` split at "\n".
    public struct Folded: Equatable, Sendable {
        public enum Kind: String, Sendable { case details, spoiler }
        public var kind: Kind
        /// A details block's summary (what the web shows while it is closed); nil for spoilers.
        public var summary: String?
        /// The folded words themselves.
        public var text: String
        public var firstLine: Int
        public var lastLine: Int
    }

    /// The rendered lines, every fold open, joined with "\n".
    public var text: String
    public var folded: [Folded]
    /// Link and image targets, numbered from 1 as `[n]` in `text`.
    public var links: [String]
    public var images: [RenderedImage]
}

extension CookedRenderer {
    /// `cooked` as a `PostText`: rendered with every details block open and every spoiler
    /// revealed, at `width` columns, the folded parts marked.
    public func postText(_ cooked: String, width: Int) -> PostText {
        var open = options
        open.revealSpoilers = true
        open.expandDetails = true
        open.visualOrder = false
        let document = CookedRenderer(options: open).render(cooked, width: width)
        let lines = document.lines.map(\.plainText)
        var folded: [PostText.Folded] = []
        for fold in document.folds where fold.kind != .quote {
            let lower = min(max(0, fold.body.lowerBound), lines.count)
            let upper = min(max(lower, fold.body.upperBound), lines.count)
            let header = lines.indices.contains(fold.header) ? lines[fold.header] : ""
            folded.append(
                PostText.Folded(
                    kind: fold.kind == .details ? .details : .spoiler,
                    summary: fold.kind == .details ? Self.withoutMarker(header) : nil,
                    text: Self.unindented(lines[lower..<upper]), firstLine: fold.header + 1,
                    lastLine: max(fold.header + 1, upper)))
        }
        folded += Self.locate(document.inlineSpoilers, in: lines)
        folded.sort { ($0.firstLine, $0.lastLine) < ($1.firstLine, $1.lastLine) }
        return PostText(
            text: lines.joined(separator: "\n"), folded: folded, links: document.links, images: document.images)
    }

    /// The summary line without the "▼ " marker the layout puts in front of it.
    private static func withoutMarker(_ line: String) -> String {
        var text = Substring(line)
        for marker in ["▼", "▶"] where text.hasPrefix(marker) { text = text.dropFirst(marker.count) }
        return String(text.drop { $0 == " " })
    }

    /// Body lines with the two-column indent of an open details block taken off.
    private static func unindented(_ lines: ArraySlice<String>) -> String {
        lines.map { $0.hasPrefix("  ") ? String($0.dropFirst(2)) : $0 }.joined(separator: "\n")
            .trimmingCharacters(in: " \n")
    }

    /// The lines holding each inline spoiler, found in reading order: the first line (at or
    /// after the previous spoiler's) holding its first word, to the line holding its last.
    private static func locate(_ spoilers: [String], in lines: [String]) -> [PostText.Folded] {
        var cursor = 0
        return spoilers.map { spoiler in
            let words = spoiler.split(separator: " ")
            guard let firstWord = words.first, let lastWord = words.last else {
                return PostText.Folded(
                    kind: .spoiler, summary: nil, text: spoiler, firstLine: cursor + 1, lastLine: cursor + 1)
            }
            let first = (cursor..<lines.count).first { lines[$0].contains(firstWord) } ?? cursor
            let last = (first..<lines.count).first { lines[$0].contains(lastWord) } ?? first
            cursor = first
            return PostText.Folded(
                kind: .spoiler, summary: nil, text: spoiler, firstLine: first + 1, lastLine: last + 1)
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
