// Turns the markdown of a new or edited post into the HTML Discourse would store as `cooked`.
// It covers what people type in a support forum (paragraphs with soft line breaks, headings,
// lists, block quotes, fenced code, Discourse quotes, links, mentions, emoji, emphasis), in
// the markup Discourse's PrettyText produces, so clients render written posts exactly like
// generated ones. Anything unrecognised stays text, HTML-escaped.
import DemoCommunity
import Foundation

struct MarkdownCooker {
    /// Looks a username up, so `@name` becomes a mention link only for real users.
    var user: (String) -> DemoUser?

    func cook(_ raw: String) -> String {
        let lines = raw.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .map(String.init)
        return cookBlocks(lines[...]).joined(separator: "\n")
    }

    private func cookBlocks(_ lines: ArraySlice<String>) -> [String] {
        var out: [String] = []
        var paragraph: [String] = []
        var rest = lines
        func flush() {
            if !paragraph.isEmpty { out.append("<p>" + paragraph.map(inline).joined(separator: "<br>\n") + "</p>") }
            paragraph = []
        }
        while let line = rest.first {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") {
                flush()
                let language = String(trimmed.dropFirst(3)).trimmingCharacters(in: .whitespaces)
                let body = rest.dropFirst().prefix { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("```") }
                rest = rest.dropFirst(body.count + 2)
                let code = TextFormatting.htmlEscaped(body.joined(separator: "\n"))
                out.append("<pre><code class=\"lang-\(language.isEmpty ? "auto" : language)\">\(code)\n</code></pre>")
                continue
            }
            if trimmed.hasPrefix("[quote"), let close = trimmed.firstIndex(of: "]") {
                flush()
                let header = String(trimmed[trimmed.index(trimmed.startIndex, offsetBy: 6)..<close])
                var body: [String] = []
                var firstLine = String(trimmed[trimmed.index(after: close)...])
                rest = rest.dropFirst()
                while true {
                    if let end = firstLine.range(of: "[/quote]") {
                        body.append(String(firstLine[..<end.lowerBound]))
                        let after = firstLine[end.upperBound...].trimmingCharacters(in: .whitespaces)
                        if !after.isEmpty { rest = [after] + rest }
                        break
                    }
                    body.append(firstLine)
                    guard let next = rest.first else { break }
                    firstLine = next
                    rest = rest.dropFirst()
                }
                out.append(quoteBlock(header: header, body: body))
                continue
            }
            if trimmed.isEmpty {
                flush()
            } else if let level = headingLevel(trimmed) {
                flush()
                out.append("<h\(level)>\(inline(String(trimmed.dropFirst(level + 1))))</h\(level)>")
            } else if trimmed == "---" || trimmed == "***" {
                flush()
                out.append("<hr>")
            } else if trimmed.hasPrefix(">") {
                flush()
                let quoted = rest.prefix { $0.trimmingCharacters(in: .whitespaces).hasPrefix(">") }
                rest = rest.dropFirst(quoted.count)
                let inner = quoted.map {
                    String($0.trimmingCharacters(in: .whitespaces).dropFirst()).trimmingCharacters(in: .whitespaces)
                }
                out.append("<blockquote>\n" + cookBlocks(inner[...]).joined(separator: "\n") + "\n</blockquote>")
                continue
            } else if let ordered = listKind(trimmed) {
                flush()
                let items = rest.prefix { listKind($0.trimmingCharacters(in: .whitespaces)) == ordered }
                rest = rest.dropFirst(items.count)
                let tag = ordered ? "ol" : "ul"
                let cooked = items.map { item -> String in
                    let text = item.trimmingCharacters(in: .whitespaces)
                    return "<li>" + inline(String(text.dropFirst(listMarkerLength(text)))) + "</li>"
                }
                out.append("<\(tag)>\n" + cooked.joined(separator: "\n") + "\n</\(tag)>")
                continue
            } else {
                paragraph.append(line)
            }
            rest = rest.dropFirst()
        }
        flush()
        return out
    }

    /// `[quote="alice, post:3, topic:12"]` becomes Discourse's quote aside.
    private func quoteBlock(header: String, body: [String]) -> String {
        let fields = header.trimmingCharacters(in: CharacterSet(charactersIn: "=\" ")).split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let username = fields.first ?? ""
        var attributes = "class=\"quote no-group\" data-username=\"\(TextFormatting.htmlEscaped(username))\""
        for field in fields.dropFirst() {
            let parts = field.split(separator: ":", maxSplits: 1).map(String.init)
            if parts.count == 2, ["post", "topic"].contains(parts[0]), Int(parts[1]) != nil {
                attributes += " data-\(parts[0])=\"\(parts[1])\""
            }
        }
        let avatar =
            user(username).map { author in
                let src = author.avatarTemplate.replacingOccurrences(of: "{size}", with: "48")
                return "<img loading=\"lazy\" alt=\"\" width=\"24\" height=\"24\" src=\"\(src)\" class=\"avatar\"> "
            } ?? ""
        let inner = cookBlocks(body[...]).joined(separator: "\n")
        return "<aside \(attributes)>\n<div class=\"title\">\n<div class=\"quote-controls\"></div>\n"
            + "\(avatar)\(TextFormatting.htmlEscaped(username)):</div>\n<blockquote>\n\(inner)\n</blockquote>\n</aside>"
    }

    private func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    /// true for an ordered list item (`1. `), false for a bullet (`- `, `* `), nil otherwise.
    private func listKind(_ line: String) -> Bool? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") { return false }
        let digits = line.prefix { $0.isNumber }
        if !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") { return true }
        return nil
    }

    private func listMarkerLength(_ line: String) -> Int {
        let digits = line.prefix { $0.isNumber }.count
        return digits > 0 ? digits + 2 : 2
    }

    /// Inline markup of one line: code spans first (their content stays literal), then
    /// links, emphasis, mentions and emoji in the escaped text around them.
    func inline(_ text: String) -> String {
        let pieces = text.split(separator: "`", omittingEmptySubsequences: false)
        var out = ""
        for (index, piece) in pieces.enumerated() {
            let escaped = TextFormatting.htmlEscaped(String(piece))
            if index % 2 == 1 && index < pieces.count - 1 {
                out += "<code>\(escaped)</code>"
            } else {
                if index % 2 == 1 { out += "`" }
                out += InlineMarkup(user: user).apply(escaped)
            }
        }
        return out
    }
}
