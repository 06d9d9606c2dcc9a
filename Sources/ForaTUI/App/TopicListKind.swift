import ForaCore

/// The lists the thread list can show, `t` cycling through them (or `:latest`, `:unanswered`…):
/// the site's own lists, and the super-user's work lists, oldest first.
public enum TopicListKind: String, CaseIterable, Sendable {
    case latest, new, unread, top, unanswered, unsolved, mine, notifications
    /// Not in the `t` cycle: they need a name or a query (`:category`, `:tag`, `:find`).
    case category, tag, search
    /// Not in the `t` cycle either: `b` or `:bookmarks`.
    case bookmarks
    /// Private messages, `P` or `:messages` (the argument is the user's name).
    case messages

    public var title: String {
        switch self {
        case .latest: return "Latest"
        case .new: return "New"
        case .unread: return "Unread"
        case .top: return "Top this month"
        case .unanswered: return "Unanswered (oldest first)"
        case .unsolved: return "Unsolved (oldest first)"
        case .mine: return "Mine: new replies (oldest first)"
        case .notifications: return "Notifications"
        case .category: return "Category"
        case .tag: return "Tag"
        case .search: return "Search"
        case .bookmarks: return "Bookmarks"
        case .messages: return "Messages"
        }
    }

    /// The work lists, from which a topic can be marked done until it gets a new reply.
    public var isWorkList: Bool { self == .unanswered || self == .unsolved || self == .mine }

    public var next: TopicListKind {
        let all = Self.allCases.filter { ![.category, .tag, .search, .bookmarks, .messages].contains($0) }
        let index = all.firstIndex(of: self) ?? 0
        return all[(index + 1) % all.count]
    }

    /// Fetches the list (about 60 topics), with the post each row leads to, by row, when it is
    /// not the first (notifications open at their post), and each notification row's id (to mark
    /// it read when opened).
    func fetch(from service: any CommunityService, maximumPages: Int, argument: String? = nil) async throws -> (
        topics: [Topic], targets: [Int: Int], notificationIDs: [Int: Int]
    ) {
        if self == .messages {
            guard let argument else { throw ForaError.notLoggedIn }
            return (try await service.privateMessages(username: argument).topics, [:], [:])
        }
        if let argument, [.category, .tag, .search].contains(self) {
            return (try await filtered(argument, from: service, maximumPages: maximumPages), [:], [:])
        }
        if self == .notifications { return Self.notificationRows(try await service.notifications().notifications) }
        if self == .bookmarks {
            let found = try await Self.bookmarks(from: service)
            return (found.topics, found.targets, [:])
        }
        return (try await topics(from: service, maximumPages: maximumPages), [:], [:])
    }

    /// Notifications as list rows ("replied @bob · Title"), each opening at its post. Every
    /// notification is a row, those with no topic (a granted badge) too: their row has a
    /// negative id (minus the notification's), which `isTopicless` recognises.
    static func notificationRows(_ notifications: [ForumNotification]) -> (
        topics: [Topic], targets: [Int: Int], notificationIDs: [Int: Int]
    ) {
        var targets: [Int: Int] = [:]
        var ids: [Int: Int] = [:]
        let rows = notifications.enumerated().map { row, item -> Topic in
            if let number = item.postNumber, item.topicID != nil { targets[row] = number }
            ids[row] = item.id
            let who = item.displayUsername.map { " @\($0)" } ?? ""
            let what = item.typeName.replacingOccurrences(of: "_", with: " ")
            guard let topicID = item.topicID else {
                let about = item.badgeName ?? item.topicTitle ?? item.fancyTitle
                return Topic(
                    id: -max(1, item.id), title: "\(what)\(who)" + (about.map { " · \($0)" } ?? ""),
                    lastPostedAt: item.createdAt, unread: !item.read)
            }
            return Topic(
                id: topicID, title: "\(what)\(who) · \(item.topicTitle ?? item.fancyTitle ?? "topic \(topicID)")",
                lastPostedAt: item.createdAt, unread: !item.read)
        }
        return (rows, targets, ids)
    }

    /// A notification row with no topic to open (see `notificationRows`).
    static func isTopicless(_ topic: Topic) -> Bool { topic.id <= 0 }

    /// The user's bookmarked posts, newest first, each row opening at its bookmarked post.
    /// Served by the site search's `in:bookmarks` filter, which every Discourse (and the demo
    /// server) has, where `/u/NAME/bookmarks.json` needs the username and a newer server.
    private static func bookmarks(from service: any CommunityService) async throws -> (
        topics: [Topic], targets: [Int: Int]
    ) {
        let result = try await service.search("in:bookmarks order:latest", page: 1)
        var seen = Set<Int>()
        var topics: [Topic] = []
        var targets: [Int: Int] = [:]
        for post in result.posts where seen.insert(post.topicID).inserted {
            guard let topic = result.topic(for: post) else { continue }
            if post.postNumber > 1 { targets[topics.count] = post.postNumber }
            topics.append(topic)
        }
        for topic in result.topics where seen.insert(topic.id).inserted { topics.append(topic) }
        return (topics, targets)
    }

    /// A category's or a tag's latest topics, or the topics a site search finds.
    private func filtered(_ argument: String, from service: any CommunityService, maximumPages: Int)
        async throws -> [Topic]
    {
        switch self {
        case .category:
            let categories = try await service.categories()
            let wanted = argument.lowercased()
            guard
                let found = categories.first(where: {
                    $0.slug.lowercased() == wanted || $0.name.lowercased() == wanted || String($0.id) == wanted
                })
            else { throw ForaError.notFound("no category \"\(argument)\"") }
            let query = TopicListQuery(filter: .latest, category: .init(slug: found.slug, id: found.id))
            return try await service.topics(query, upTo: 60, maximumPages: maximumPages)
        case .tag:
            return try await service.topics(
                TopicListQuery(filter: .latest, tag: argument), upTo: 60, maximumPages: maximumPages)
        default:
            let result = try await service.search(argument, page: 1)
            var seen = Set<Int>()
            var topics = result.topics.filter { seen.insert($0.id).inserted }
            // Topics found through their posts only, in the order of the hits.
            for post in result.posts where seen.insert(post.topicID).inserted {
                if let topic = result.topic(for: post) { topics.append(topic) }
            }
            return topics
        }
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
        case .mine:
            // The topics I posted in (`/posted.json`) that have posts I have not read.
            let topics = try await service.topics(
                TopicListQuery(filter: .posted), upTo: 240, maximumPages: maximumPages * 4)
            return Self.oldestFirst(topics.filter { $0.unreadPosts > 0 && !$0.closed })
        case .notifications, .category, .tag, .search, .bookmarks, .messages: return []
        }
    }

    private static func oldestFirst(_ topics: [Topic]) -> [Topic] {
        topics.sorted { ($0.createdAt ?? "") < ($1.createdAt ?? "") }
    }
}
