import ForaCore

/// The lists the thread list can show, `t` cycling through them (or `:latest`, `:unanswered`…):
/// the site's own lists, and the super-user's work lists, oldest first.
public enum TopicListKind: String, CaseIterable, Sendable {
    case latest, new, unread, top, unanswered, unsolved

    public var title: String {
        switch self {
        case .latest: return "Latest"
        case .new: return "New"
        case .unread: return "Unread"
        case .top: return "Top this month"
        case .unanswered: return "Unanswered (oldest first)"
        case .unsolved: return "Unsolved (oldest first)"
        }
    }

    public var next: TopicListKind {
        let all = Self.allCases
        let index = all.firstIndex(of: self) ?? 0
        return all[(index + 1) % all.count]
    }

    /// Fetches the list (about 60 topics).
    func fetch(from service: any CommunityService, maximumPages: Int) async throws -> [Topic] {
        switch self {
        case .latest: return try await service.latestTopics(upTo: 60, maximumPages: maximumPages)
        case .new: return try await service.topics(TopicListQuery(filter: .new), upTo: 60, maximumPages: maximumPages)
        case .unread:
            return try await service.topics(TopicListQuery(filter: .unread), upTo: 60, maximumPages: maximumPages)
        case .top:
            return try await service.topics(
                TopicListQuery(filter: .top(.monthly)), upTo: 60, maximumPages: maximumPages)
        case .unanswered:
            // "No replies" is not a search filter every server has; the latest lists are.
            let topics = try await service.latestTopics(upTo: 240, maximumPages: maximumPages * 4)
            return Self.oldestFirst(topics.filter { $0.replyCount == 0 && !$0.closed && !$0.pinned })
        case .unsolved:
            // The solved plugin's filter alone knows which categories take solutions.
            let result = try await service.search("status:unsolved status:open order:latest", page: 1)
            return Self.oldestFirst(result.topics.filter { !$0.hasAcceptedAnswer && !$0.closed })
        }
    }

    private static func oldestFirst(_ topics: [Topic]) -> [Topic] {
        topics.sorted { ($0.createdAt ?? "") < ($1.createdAt ?? "") }
    }
}
