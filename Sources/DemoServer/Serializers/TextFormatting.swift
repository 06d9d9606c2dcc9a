// Small text transformations Discourse applies when it serialises: HTML-escaped "fancy"
// titles, plain-text excerpts cut from cooked HTML, and the links a post contains.
import Foundation

enum TextFormatting {
    /// HTML-escapes `&`, `<`, `>` and `"`, as Discourse's `fancy_title` and excerpts do.
    static func htmlEscaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Discourse's `fancy_title`: the title HTML-escaped, with straight apostrophes turned
    /// into typographic ones (`&rsquo;`) as its title prettifier does.
    static func fancyTitle(_ title: String) -> String {
        htmlEscaped(title).replacingOccurrences(of: "'", with: "&rsquo;")
    }

    /// The text of cooked HTML without tags or repeated whitespace.
    static func plainText(fromHTML html: String) -> String {
        var out = ""
        var insideTag = false
        for character in html {
            if character == "<" {
                insideTag = true
                out.append(" ")
                continue
            }
            if character == ">" {
                insideTag = false
                continue
            }
            if !insideTag { out.append(character) }
        }
        let decoded = out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
        return decoded.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    /// A plain-text excerpt of at most `length` characters, ending with `…` when cut.
    static func excerpt(_ text: String, length: Int) -> String {
        guard text.count > length else { return text }
        let cut = text.prefix(length)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return String(atWord) + "…"
    }

    /// The `href`s of the anchors in cooked HTML, in order, without duplicates.
    static func links(inHTML html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let range = rest.range(of: "href=\"") {
            let after = rest[range.upperBound...]
            guard let close = after.firstIndex(of: "\"") else { break }
            let url = String(after[..<close])
            if !found.contains(url) { found.append(url) }
            rest = after[close...]
        }
        return found
    }

    /// How many quotes a post's markdown contains (`[quote="…"]` blocks).
    static func quoteCount(inRaw raw: String) -> Int {
        raw.components(separatedBy: "[quote").count - 1
    }
}
