import ForaCore

/// The lists the thread list can show, `t` cycling through them (or `:latest`, `:unanswered`…):
/// the site's own lists, and the super-user's work lists, oldest first.
public enum TopicListKind: String, CaseIterable, Sendable {
    case latest, new, unread, top, unanswered, unsolved, notifications

    public var title: String {
        switch self {
        case .latest: return "Latest"
        case .new: return "New"
        case .unread: return "Unread"
        case .top: return "Top this month"
        case .unanswered: return "Unanswered (oldest first)"
        case .unsolved: return "Unsolved (oldest first)"
        case .notifications: return "Notifications"
        }
    }

    /// The work lists, from which a topic can be marked done until it gets a new reply.
    public var isWorkList: Bool { self == .unanswered || self == .unsolved }

    public var next: TopicListKind {
        let all = Self.allCases
        let index = all.firstIndex(of: self) ?? 0
        return all[(index + 1) % all.count]
    }

    /// Fetches the list (about 60 topics), with the post each row leads to, by row, when it is
    /// not the first (notifications open at their post).
    func fetch(from service: any CommunityService, maximumPages: Int) async throws -> (
        topics: [Topic], targets: [Int: Int]
    ) {
        if self == .notifications {
            let list = try await service.notifications()
            var targets: [Int: Int] = [:]
            let rows = list.notifications.filter { $0.topicID != nil }.enumerated().compactMap { row, item -> Topic? in
                guard let topicID = item.topicID else { return nil }
                if let number = item.postNumber { targets[row] = number }
                let who = item.displayUsername.map { " @\($0)" } ?? ""
                let what = item.typeName.replacingOccurrences(of: "_", with: " ")
                return Topic(
                    id: topicID, title: "\(what)\(who) · \(item.topicTitle ?? item.fancyTitle ?? "topic \(topicID)")",
                    lastPostedAt: item.createdAt, unread: !item.read)
            }
            return (rows, targets)
        }
        return (try await topics(from: service, maximumPages: maximumPages), [:])
    }

    private func topics(from service: any CommunityService, maximumPages: Int) async throws -> [Topic] {
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
        case .notifications: return []
        }
    }

    private static func oldestFirst(_ topics: [Topic]) -> [Topic] {
        topics.sorted { ($0.createdAt ?? "") < ($1.createdAt ?? "") }
    }
}
