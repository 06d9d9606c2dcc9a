/// `@`-mention completion: the word being typed before the cursor, and the topic's
/// participants that complete it.
public enum MentionCompletion {
    /// The range (grapheme offsets) and prefix of an `@name` being typed at `cursor`, if any.
    public static func pendingMention(in characters: [Character], cursor: Int) -> (range: Range<Int>, prefix: String)? {
        var position = cursor
        while position > 0, isNameCharacter(characters[position - 1]) { position -= 1 }
        guard position > 0, characters[position - 1] == "@" else { return nil }
        // An @ inside a word (an e-mail address) is not a mention.
        if position > 1, !characters[position - 2].isWhitespace, characters[position - 2] != "(" { return nil }
        return (position - 1..<cursor, String(characters[position..<cursor]))
    }

    /// Participants whose username starts with `prefix` (case-insensitive), in the given
    /// order (the caller passes the most relevant first: recent repliers, the author).
    public static func candidates(for prefix: String, among usernames: [String], limit: Int = 8) -> [String] {
        let lowered = prefix.lowercased()
        var seen = Set<String>()
        return usernames.filter { name in
            name.lowercased().hasPrefix(lowered) && seen.insert(name.lowercased()).inserted
        }.prefix(limit).map { $0 }
    }

    /// Completes the pending mention at the cursor with `username` and a trailing space.
    public static func complete(_ buffer: inout EditBuffer, with username: String) {
        guard let pending = pendingMention(in: buffer.characters, cursor: buffer.cursor) else { return }
        buffer.replace(pending.range, with: "@\(username) ")
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "-" || character == "."
    }
}
