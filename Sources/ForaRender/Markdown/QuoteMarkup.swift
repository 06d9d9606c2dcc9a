/// Discourse's quote markup (`[quote="alice, post:3, topic:12"]` … `[/quote]`, which fora's
/// own quotes produce) turned into the HTML Discourse cooks it to, so the composer's preview
/// shows a quote as a quote rather than the markup as a flat line. Line-based: the opening
/// and closing tags each on their own line, as Discourse writes them; anything else is left
/// as it was typed.
enum QuoteMarkup {
    static func html(_ markdown: String) -> String {
        guard markdown.contains("[quote") else { return markdown }
        var output: [Substring] = []
        var open = 0
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if let attribution = opening(trimmed) {
                open += 1
                let title = attribution.isEmpty ? "" : "<div class=\"title\">\n\(escape(attribution)):\n</div>\n"
                output.append(Substring("\n<aside class=\"quote\">\n\(title)<blockquote>\n"))
                continue
            }
            if open > 0, trimmed.hasPrefix("[/quote]") {
                open -= 1
                output.append("\n</blockquote>\n</aside>\n")
                continue
            }
            output.append(line)
        }
        return output.joined(separator: "\n")
    }

    /// The name of `[quote="name, post:3, topic:12"]` ("" for a bare `[quote]`); nil when the
    /// line is not an opening tag.
    private static func opening(_ line: Substring) -> String? {
        guard line.hasPrefix("[quote"), let close = line.firstIndex(of: "]") else { return nil }
        let inside = line[line.index(line.startIndex, offsetBy: 6)..<close]
        guard line[line.index(after: close)...].allSatisfy({ $0 == " " }) else { return nil }
        if inside.isEmpty { return "" }
        guard inside.first == "=" else { return nil }
        let value = inside.dropFirst().filter { $0 != "\"" }
        return String(value.split(separator: ",").first ?? "").trimmingCharacters(in: " ")
    }

    private static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

extension String {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        var text = Substring(self)
        while text.first == character { text.removeFirst() }
        while text.last == character { text.removeLast() }
        return String(text)
    }
}
