// The inline part of cooking: links, emphasis, strike-through, @mentions and :emoji: in text
// that is already HTML-escaped, with Discourse's markup for each.
import DemoCommunity
import Foundation

struct InlineMarkup {
    var user: (String) -> DemoUser?

    private static let link = regex(#"\[([^\]]+)\]\((https?://[^\s)]+|/[^\s)]*)\)"#)
    private static let bareURL = regex(#"(?<![">=])\bhttps?://[^\s<]+[^\s<.,;:!?)]"#)
    private static let strong = regex(#"\*\*(\S(?:.*?\S)?)\*\*|__(\S(?:.*?\S)?)__"#)
    private static let strike = regex(#"~~(\S(?:.*?\S)?)~~"#)
    private static let emphasis = regex(#"(?<![\w*])\*(\S(?:.*?\S)?)\*(?![\w*])|(?<![\w/])_(\S(?:.*?\S)?)_(?!\w)"#)
    private static let mention = regex(#"(?<![\w@/.])@([A-Za-z0-9_][A-Za-z0-9_.-]*[A-Za-z0-9_]|[A-Za-z0-9_])"#)
    private static let emoji = regex(#"(?<![\w:/]):([a-z][a-z0-9_+-]*):(?![\w])"#)

    /// The patterns are constants of this file: one that does not compile is a programming
    /// error the cooking tests catch (its markup then stays plain text), never a crash.
    private static func regex(_ pattern: String) -> NSRegularExpression? {
        try? NSRegularExpression(pattern: pattern)
    }

    func apply(_ escaped: String) -> String {
        var text = escaped
        text = Self.replace(Self.emoji, in: text) { groups in
            let name = groups[1]
            return
                "<img src=\"/images/emoji/twitter/\(name).png?v=12\" title=\":\(name):\" class=\"emoji\" alt=\":\(name):\" loading=\"lazy\" width=\"20\" height=\"20\">"
        }
        text = Self.replace(Self.link, in: text) { groups in "<a href=\"\(groups[2])\">\(groups[1])</a>" }
        text = Self.replace(Self.bareURL, in: text) { groups in "<a href=\"\(groups[0])\">\(groups[0])</a>" }
        text = Self.replace(Self.strong, in: text) { groups in
            "<strong>\(groups[1].isEmpty ? groups[2] : groups[1])</strong>"
        }
        text = Self.replace(Self.strike, in: text) { groups in "<s>\(groups[1])</s>" }
        text = Self.replace(Self.emphasis, in: text) { groups in "<em>\(groups[1].isEmpty ? groups[2] : groups[1])</em>"
        }
        text = Self.replace(Self.mention, in: text) { groups in
            guard let found = user(groups[1]) else { return groups[0] }
            return "<a class=\"mention\" href=\"/u/\(found.username.lowercased())\">@\(found.username)</a>"
        }
        return text
    }

    /// Replaces every match of `regex`; the closure gets the whole match and each group
    /// ("" for a group that did not take part).
    static func replace(_ regex: NSRegularExpression?, in text: String, with make: ([String]) -> String) -> String {
        guard let regex else { return text }
        let source = text as NSString
        var out = ""
        var cursor = 0
        for match in regex.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            out += source.substring(with: NSRange(location: cursor, length: match.range.location - cursor))
            let groups = (0..<match.numberOfRanges).map { index -> String in
                let range = match.range(at: index)
                return range.location == NSNotFound ? "" : source.substring(with: range)
            }
            out += make(groups)
            cursor = match.range.location + match.range.length
        }
        out += source.substring(from: cursor)
        return out
    }
}
