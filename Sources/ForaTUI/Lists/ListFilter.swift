import ForaCore

/// What the thread list hides: titles without a text (`:filter TEXT`), read topics (only
/// unread: never opened, or with posts since the last visit) and solved ones (only unsolved). Applied to the loaded list on the UI thread; the
/// site is not asked again.
public struct ListFilter: Equatable, Sendable {
    /// Kept as typed; matched case-insensitively against titles, tags and the category's name
    /// (so `:filter Billing` narrows the unanswered view to one category).
    public var text: String?
    public var onlyUnread = false
    public var onlyUnsolved = false

    public init(text: String? = nil, onlyUnread: Bool = false, onlyUnsolved: Bool = false) {
        self.text = text.flatMap { $0.isEmpty ? nil : $0 }
        self.onlyUnread = onlyUnread
        self.onlyUnsolved = onlyUnsolved
    }

    public var isActive: Bool { text != nil || onlyUnread || onlyUnsolved }

    public func accepts(_ topic: Topic, categoryName: String? = nil) -> Bool {
        if onlyUnread, !topic.unread, topic.unreadPosts == 0 { return false }
        if onlyUnsolved, topic.hasAcceptedAnswer { return false }
        guard let text else { return true }
        return topic.title.localizedCaseInsensitiveContains(text)
            || topic.tags.contains { $0.localizedCaseInsensitiveContains(text) }
            || categoryName?.localizedCaseInsensitiveContains(text) == true
    }

    /// For the title line: `filter "crash" · unread · unsolved`.
    public var summary: String {
        var parts: [String] = []
        if let text { parts.append("filter \"\(text)\"") }
        if onlyUnread { parts.append("unread only") }
        if onlyUnsolved { parts.append("unsolved only") }
        return parts.joined(separator: " · ")
    }
}
