/// What Discourse's cooker does to plain text that cmark-gfm does not: `:alias:` emoji
/// shortcodes become their character and `@username` becomes a mention. Used only by the
/// composer preview (cooked posts arrive with both already done), so a draft shows as
/// the post will.
enum DiscourseTextPreview {
    /// Splits `text` into runs: emoji replaced, mentions in the mention role, the rest in
    /// `role`. Returns nil when there is nothing to change (the common case).
    static func runs(_ text: String, role: TextRole) -> [(String, TextRole)]? {
        guard text.utf8.contains(where: { $0 == 0x3A || $0 == 0x40 }) else { return nil }
        var runs: [(String, TextRole)] = []
        var plain = ""
        var index = text.startIndex
        var previous: Character = " "
        while index < text.endIndex {
            let character = text[index]
            if character == ":", let (emoji, end) = shortcode(in: text, at: index) {
                plain += emoji
                index = end
                previous = ":"
                continue
            }
            if character == "@", !previous.isLetter, !previous.isNumber, let end = mentionEnd(in: text, after: index) {
                if !plain.isEmpty { runs.append((plain, role)) }
                plain = ""
                runs.append((String(text[index..<end]), .mention))
                index = end
                previous = "a"
                continue
            }
            plain.append(character)
            previous = character
            index = text.index(after: index)
        }
        if !plain.isEmpty { runs.append((plain, role)) }
        return runs
    }

    /// `:alias:` (or `:alias:t3:`) starting at `start`, when the table knows the alias.
    private static func shortcode(in text: String, at start: String.Index) -> (String, String.Index)? {
        let afterColon = text.index(after: start)
        guard let close = text[afterColon...].prefix(40).firstIndex(of: ":"), close > afterColon else { return nil }
        let name = text[afterColon..<close]
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "+" || $0 == "-" }) else {
            return nil
        }
        var end = text.index(after: close)
        var alias = ":\(name):"
        // A skin tone suffix: "t2"…"t6" and a closing colon.
        let tone = text[end...].prefix(3)
        if tone.count == 3, tone.first == "t", tone.last == ":", let level = tone.dropFirst().first?.wholeNumberValue,
            (2...6).contains(level)
        {
            alias += "t\(level):"
            end = text.index(end, offsetBy: 3)
        }
        let emoji = EmojiTable.character(for: alias)
        return emoji.hasPrefix(":") ? nil : (emoji, end)
    }

    private static func mentionEnd(in text: String, after at: String.Index) -> String.Index? {
        var end = text.index(after: at)
        while end < text.endIndex,
            text[end].isLetter || text[end].isNumber || text[end] == "_" || text[end] == "-" || text[end] == "."
        {
            end = text.index(after: end)
        }
        // A trailing dot ends the sentence, not the name.
        while end > text.index(after: at), text[text.index(before: end)] == "." { end = text.index(before: end) }
        return end > text.index(after: at) ? end : nil
    }
}
