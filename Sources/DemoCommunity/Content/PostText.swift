// Plain text taken from cooked HTML: topic excerpts and the words a quote repeats.

extension PostBody {
    /// The text of cooked HTML without tags, quotes of other posts, or runs of whitespace, the
    /// way Discourse's excerpts read (entities decoded, `<img>` emoji reduced to their `:code:`).
    /// Works on UTF-8 bytes: it runs for every generated post that gets quoted.
    static func plainText(ofCooked cooked: String) -> String {
        let bytes = Array(cooked.utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "<") else {
                let isSpace = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
                if !isSpace || (text.last.map { $0 != UInt8(ascii: " ") } ?? false) {
                    text.append(isSpace ? UInt8(ascii: " ") : byte)
                }
                index += 1
                continue
            }
            guard let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")) else { break }
            let tag = bytes[(index + 1)..<close]
            if tag.starts(with: Self.quoteTag), let end = Self.find(Self.asideEnd, in: bytes, from: close) {
                index = end + Self.asideEnd.count
                continue
            }
            if tag.starts(with: Array("img".utf8)), Self.find(Self.emojiClass, in: Array(tag), from: 0) != nil,
                let title = attribute("title", in: String(decoding: tag, as: UTF8.self))
            {
                text += Array(title.utf8)
            }
            let breaks = ["br", "/p", "/li", "/h", "/td", "/th"].contains { tag.starts(with: Array($0.utf8)) }
            if breaks, text.last.map({ $0 != UInt8(ascii: " ") }) ?? false { text.append(UInt8(ascii: " ")) }
            index = close + 1
        }
        while text.last == UInt8(ascii: " ") { text.removeLast() }
        let plain = String(decoding: text, as: UTF8.self)
        guard plain.contains("&") else { return plain }
        return plain.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    private static let quoteTag = Array("aside class=\"quote".utf8)
    private static let asideEnd = Array("</aside>".utf8)
    private static let emojiClass = Array("class=\"emoji\"".utf8)

    /// The index where `needle` starts in `haystack` at or after `start`.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// An excerpt as Discourse sends it for pinned topics and feeds: plain text, cut at a word.
    static func excerpt(ofCooked cooked: String, limit: Int = 200) -> String {
        let text = plainText(ofCooked: cooked)
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return String(atWord) + "…"
    }

    /// The first sentence of a post, for quoting it (at most `limit` characters, cut at a word).
    static func firstSentence(ofCooked cooked: String, limit: Int = 120) -> String {
        let text = plainText(ofCooked: cooked)
        // A sentence ends at a full stop followed by a space or the end ("9.99" does not end one).
        var end: String.Index?
        var index = text.startIndex
        while index < text.endIndex, end == nil {
            let next = text.index(after: index)
            switch text[index] {
            case "。", "？", "！": end = index
            case ".", "?", "!": if next == text.endIndex || text[next] == " " { end = index }
            default: break
            }
            index = next
        }
        let sentence = end.map { String(text[...$0]) } ?? text
        guard sentence.count > limit else { return sentence }
        let cut = sentence.prefix(limit)
        return String(cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut)
    }

    private static func attribute(_ name: String, in tag: String) -> String? {
        guard let start = tag.range(of: "\(name)=\"") else { return nil }
        let value = tag[start.upperBound...]
        return value.firstIndex(of: "\"").map { String(value[..<$0]) }
    }
}
