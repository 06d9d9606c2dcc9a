import ForaCore
import Foundation

/// One post a site search found: where it is, and its snippet with the matched words marked.
public struct SearchHit: Equatable, Sendable {
    public var topicID: Int
    public var title: String
    public var postNumber: Int
    public var username: String
    public var snippet: String
    /// Character ranges of `snippet` to highlight.
    public var highlights: [Range<Int>]

    /// The hits of a search result in the site's order; topics found only by title (no post
    /// hit) lead to their first post.
    public static func hits(from result: SearchResult, query: String) -> [SearchHit] {
        var hits = result.posts.map { post -> SearchHit in
            let title = result.topic(for: post)?.title ?? "topic \(post.topicID)"
            let (snippet, highlights) = SearchSnippet.parse(post.blurb, query: query)
            return SearchHit(
                topicID: post.topicID, title: SearchSnippet.plain(title), postNumber: post.postNumber,
                username: post.username, snippet: snippet, highlights: highlights)
        }
        let found = Set(hits.map(\.topicID))
        for topic in result.topics where !found.contains(topic.id) {
            hits.append(
                SearchHit(
                    topicID: topic.id, title: SearchSnippet.plain(topic.title), postNumber: 1, username: "",
                    snippet: "",
                    highlights: []))
        }
        return hits
    }
}

/// Turns a search blurb into one line of text and the ranges to highlight. Servers mark the
/// matches with `<span class="search-highlight">` (newer ones) or send plain text; without marks
/// the query's words are found in the text (case-insensitively), filters such as `@user`,
/// `#category` or `status:solved` left out.
public enum SearchSnippet {
    public static func parse(_ blurb: String, query: String) -> (String, [Range<Int>]) {
        var text: [Character] = []
        var highlights: [Range<Int>] = []
        var highlightStart: Int?
        var index = blurb.startIndex
        while index < blurb.endIndex {
            let character = blurb[index]
            if character == "<", let close = blurb[index...].firstIndex(of: ">") {
                let tag = blurb[blurb.index(after: index)..<close].lowercased()
                if tag.hasPrefix("span"), tag.contains("highlight") {
                    highlightStart = text.count
                } else if tag.hasPrefix("/span"), let start = highlightStart {
                    if text.count > start { highlights.append(start..<text.count) }
                    highlightStart = nil
                }
                index = blurb.index(after: close)
                continue
            }
            if character == "&", let semicolon = blurb[index...].prefix(8).firstIndex(of: ";"),
                let decoded = entity(String(blurb[blurb.index(after: index)..<semicolon]))
            {
                text.append(decoded)
                index = blurb.index(after: semicolon)
                continue
            }
            text.append(character.isWhitespace || character.isNewline ? " " : character)
            index = blurb.index(after: index)
        }
        // Collapse runs of spaces, moving the highlight ranges with the text.
        var collapsed: [Character] = []
        var map: [Int] = []
        for character in text {
            map.append(collapsed.count)
            if character == " ", collapsed.last == " " || collapsed.isEmpty { continue }
            collapsed.append(character)
        }
        map.append(collapsed.count)
        var ranges = highlights.map { map[$0.lowerBound]..<map[$0.upperBound] }.filter { !$0.isEmpty }
        let line = String(collapsed).trimmingTrailingSpaces()
        if ranges.isEmpty { ranges = matches(of: words(in: query), in: Array(line)) }
        return (line, ranges)
    }

    /// Text without tags or entities (titles can carry highlight markup too).
    public static func plain(_ text: String) -> String { parse(text, query: "").0 }

    /// The searched words, without Discourse's filters.
    static func words(in query: String) -> [String] {
        query.split(separator: " ").map(String.init).filter {
            !$0.contains(":") && !$0.hasPrefix("@") && !$0.hasPrefix("#") && $0.count > 1
        }.map { $0.trimmingCharacters(in: .init(charactersIn: "\"")) }.filter { !$0.isEmpty }
    }

    static func matches(of words: [String], in text: [Character]) -> [Range<Int>] {
        let lowered = text.map { $0.lowercased() }
        var ranges: [Range<Int>] = []
        for word in words {
            let needle = word.map { $0.lowercased() }
            guard !needle.isEmpty, needle.count <= lowered.count else { continue }
            var start = 0
            while start + needle.count <= lowered.count {
                if Array(lowered[start..<start + needle.count]) == needle {
                    ranges.append(start..<start + needle.count)
                    start += needle.count
                } else {
                    start += 1
                }
            }
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    private static func entity(_ name: String) -> Character? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "#39", "apos": return "'"
        case "nbsp": return " "
        default:
            if name.hasPrefix("#x"), let value = UInt32(name.dropFirst(2), radix: 16),
                let scalar = Unicode.Scalar(value)
            {
                return Character(scalar)
            }
            if name.hasPrefix("#"), let value = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(value) {
                return Character(scalar)
            }
            return nil
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
