/// What the user typed, turned into an FTS5 query that cannot be a syntax error: each word
/// becomes a quoted phrase (all must match). With `prefixLastWord` (search as you type) the
/// last word also matches as a prefix; that costs more on a big store, as FTS5 merges the
/// postings of every word it could begin. Returns nil when nothing searchable is left.
public enum SearchQuery {
    public static func fts(_ text: String, prefixLastWord: Bool = false) -> String? {
        let words = text.split(whereSeparator: { $0.isWhitespace }).map(String.init).filter { word in
            word.contains { $0.isLetter || $0.isNumber }
        }
        guard !words.isEmpty else { return nil }
        return words.enumerated().map { index, word in
            let quoted = "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            return prefixLastWord && index == words.count - 1 ? quoted + "*" : quoted
        }.joined(separator: " ")
    }
}
