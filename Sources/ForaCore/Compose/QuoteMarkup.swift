/// Discourse's quote markup, as its web composer writes it when you quote a post:
/// `[quote="username, post:N, topic:T"]` … `[/quote]`. The cooked result is the
/// `aside.quote` the renderer shows as "username said:".
public enum QuoteMarkup {
    /// Quotes `text` (the whole post's raw markdown, or the lines marked in it).
    public static func quote(_ text: String, username: String, postNumber: Int, topicID: Int) -> String {
        // A quote nested inside the quoted text would close ours early; Discourse's composer
        // keeps it, and so do we: the markup nests. Only trailing blank lines are trimmed.
        let body = text.trimmingTrailingNewlines()
        let author = username.filter { $0 != "\"" && $0 != "]" && $0 != "," }
        return "[quote=\"\(author), post:\(postNumber), topic:\(topicID)\"]\n\(body)\n[/quote]\n\n"
    }

    /// A link to a post, as `{solution_link}` and "jump to" links use it.
    public static func postLink(baseURL: String, topicID: Int, postNumber: Int) -> String {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        return "\(base)/t/\(topicID)/\(postNumber)"
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var result = self
        while let last = result.last, last.isNewline { result.removeLast() }
        return result
    }
}
