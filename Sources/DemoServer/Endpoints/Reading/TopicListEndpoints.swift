// Topic lists: `/latest`, `/new`, `/unread`, `/top` (and `/top/{period}`), each also per
// category (`/c/{slug}/{id}`, `/c/{id}`, `/c/{slug}/{id}/l/{filter}`) and per tag
// (`/tag/{tag}`, `/tag/{tag}/l/{filter}`), per category and tag together
// (`/tags/c/{slug}/{id}/{tag}`, `/tags/c/{slug}/{id}/{tag}/l/{filter}`), plus
// `/topics/created-by/{username}` and `/posted` (the topics the viewer posted in).
import DemoCommunity
import Foundation

/// Which topics a list shows.
enum ListFilter: Equatable {
    case latest, new, unread
    case top(TopPeriod)
    /// Topics the viewer has a post in (Discourse's `/posted`).
    case posted

    var name: String {
        switch self {
        case .latest: "latest"
        case .new: "new"
        case .unread: "unread"
        case .top: "top"
        case .posted: "posted"
        }
    }

    /// How long a never-read topic counts as new: Discourse's default "created in the last
    /// 2 days", measured from the community's reference time.
    static let newTopicWindow: TimeInterval = 2 * 86_400
}

/// Where a list looks.
enum ListScope {
    case everywhere
    case category(DemoCategory)
    case tag(String)
    /// Topics of the category that also carry the tag (`/tags/c/…`).
    case categoryAndTag(DemoCategory, String)

    func contains(_ topic: DemoTopic) -> Bool {
        switch self {
        case .everywhere: true
        case .category(let category): topic.categoryId == category.id
        case .tag(let tag): Self.isTagged(topic, tag)
        case .categoryAndTag(let category, let tag): topic.categoryId == category.id && Self.isTagged(topic, tag)
        }
    }

    /// Pinned-in-category topics lead a list scoped to their category; elsewhere only global pins.
    func isPinnedHere(_ topic: DemoTopic) -> Bool {
        switch self {
        case .category, .categoryAndTag: topic.pinned
        case .everywhere, .tag: topic.pinnedGlobally
        }
    }

    var tag: String? {
        switch self {
        case .tag(let tag), .categoryAndTag(_, let tag): tag
        case .everywhere, .category: nil
        }
    }

    private static func isTagged(_ topic: DemoTopic, _ tag: String) -> Bool {
        topic.tags.contains { $0.caseInsensitiveCompare(tag) == .orderedSame }
    }
}

enum TopicListEndpoint {
    /// The response of one list. `basePath` is the path `more_topics_url` points at.
    static func respond(
        filter: ListFilter, scope: ListScope, basePath: String, request: APIRequest, context: DemoContext
    )
        throws -> APIResponse
    {
        let query = try TopicListQuery(request)
        let viewer = request.viewer
        if filter == .new || filter == .unread || filter == .posted { _ = try requireUser(viewer) }
        return context.state.read { data, _ in
            let candidates = data.topics.values.filter { topic in
                isListed(topic: topic, viewer: viewer, data: data) && scope.contains(topic)
                    && matches(topic, filter: filter, viewer: viewer, data: data)
            }
            let ordered: [DemoTopic]
            if case .top = filter, query.order == "default" {
                ordered = candidates.sorted {
                    topScore($0) != topScore($1) ? topScore($0) > topScore($1) : $0.id > $1.id
                }
            } else {
                ordered = query.sorted(candidates, isPinnedHere: scope.isPinnedHere)
            }
            var page = query.page(of: ordered, basePath: basePath, request: request)
            if case .top(let period) = filter { page.forPeriod = period.rawValue }
            if let tag = scope.tag { page.tag = tag }
            return .json(serializeTopicList(page, data: data, viewer: viewer))
        }
    }

    private static func matches(_ topic: DemoTopic, filter: ListFilter, viewer: Viewer, data: CommunityData) -> Bool {
        switch filter {
        case .latest:
            return true
        case .new:
            guard let me = viewer.userId, topic.userId != me else { return false }
            return data.lastReadPostNumber[me]?[topic.id] == nil
                && topic.createdAt >= data.generatedAt.addingTimeInterval(-ListFilter.newTopicWindow)
        case .unread:
            guard let me = viewer.userId, let lastRead = data.lastReadPostNumber[me]?[topic.id] else { return false }
            return lastRead < topic.highestPostNumber
        case .top(let period):
            guard let interval = period.interval else { return true }
            return topic.createdAt >= data.generatedAt.addingTimeInterval(-interval)
        case .posted:
            guard let me = viewer.userId else { return false }
            return data.postsByTopic[topic.id]?.contains { $0.userId == me && $0.deletedAt == nil } ?? false
        }
    }

    /// A stand-in for Discourse's top score: likes weigh most, then replies, then views.
    private static func topScore(_ topic: DemoTopic) -> Double {
        Double(topic.likeCount) * 2 + Double(topic.postsCount) + Double(topic.views) / 100
    }

    static func filter(named name: String, request: APIRequest) throws -> ListFilter {
        switch name {
        case "latest": return .latest
        case "new": return .new
        case "unread": return .unread
        case "posted": return .posted
        case "top": return .top(try period(request.queryValue("period")))
        default: throw DemoAPIError.notFound
        }
    }

    static func period(_ name: String?) throws -> TopPeriod {
        guard let name else { return .all }
        guard let period = TopPeriod(rawValue: name) else { throw DemoAPIError.badParameter("period") }
        return period
    }

    /// The category with `id`, 404 when there is none or the slug names another one.
    static func category(id: Int?, slug: String?, context: DemoContext) throws -> DemoCategory {
        let found = context.state.read { data, _ in data.categories.first { $0.id == id } }
        guard let found, slug == nil || slug == found.slug || slug == String(found.id) else {
            throw DemoAPIError.notFound
        }
        return found
    }
}

extension RouteTable {
    mutating func registerTopicListEndpoints() {
        for filter in ["latest", "new", "unread", "posted"] {
            get("/\(filter).json") { request, context in
                try TopicListEndpoint.respond(
                    filter: TopicListEndpoint.filter(named: filter, request: request), scope: .everywhere,
                    basePath: "/\(filter)", request: request, context: context)
            }
        }
        get("/top.json") { request, context in
            try TopicListEndpoint.respond(
                filter: .top(TopicListEndpoint.period(request.queryValue("period"))), scope: .everywhere,
                basePath: "/top", request: request, context: context)
        }
        get("/top/{period}.json") { request, context in
            let period = try TopicListEndpoint.period(request.pathParameters["period"])
            return try TopicListEndpoint.respond(
                filter: .top(period), scope: .everywhere, basePath: "/top/\(period.rawValue)", request: request,
                context: context)
        }

        let categoryList: APIHandler = { request, context in
            let category = try TopicListEndpoint.category(
                id: request.intParameter("id"), slug: request.pathParameters["slug"], context: context)
            let filterName = request.pathParameters["filter"] ?? "latest"
            return try TopicListEndpoint.respond(
                filter: TopicListEndpoint.filter(named: filterName, request: request), scope: .category(category),
                basePath: "/c/\(category.slug)/\(category.id)/l/\(filterName)", request: request, context: context)
        }
        get("/c/{slug}/{id:int}/l/{filter}.json", categoryList)
        get("/c/{slug}/{id:int}.json", categoryList)
        get("/c/{id:int}.json", categoryList)

        let tagList: APIHandler = { request, context in
            guard let tag = request.pathParameters["tag"], !tag.isEmpty else { throw DemoAPIError.notFound }
            let filterName = request.pathParameters["filter"] ?? "latest"
            let known = context.state.read { data, _ in data.topics.values.contains { $0.tags.contains(tag) } }
            guard known else { throw DemoAPIError.notFound }
            return try TopicListEndpoint.respond(
                filter: TopicListEndpoint.filter(named: filterName, request: request), scope: .tag(tag),
                basePath: "/tag/\(tag)/l/\(filterName)", request: request, context: context)
        }
        get("/tag/{tag}/l/{filter}.json", tagList)
        get("/tag/{tag}.json", tagList)

        let categoryTagList: APIHandler = { request, context in
            let category = try TopicListEndpoint.category(
                id: request.intParameter("id"), slug: request.pathParameters["slug"], context: context)
            guard let tag = request.pathParameters["tag"], !tag.isEmpty else { throw DemoAPIError.notFound }
            let known = context.state.read { data, _ in data.topics.values.contains { $0.tags.contains(tag) } }
            guard known else { throw DemoAPIError.notFound }
            let filterName = request.pathParameters["filter"] ?? "latest"
            return try TopicListEndpoint.respond(
                filter: TopicListEndpoint.filter(named: filterName, request: request),
                scope: .categoryAndTag(category, tag),
                basePath: "/tags/c/\(category.slug)/\(category.id)/\(tag)/l/\(filterName)", request: request,
                context: context)
        }
        get("/tags/c/{slug}/{id:int}/{tag}/l/{filter}.json", categoryTagList)
        get("/tags/c/{slug}/{id:int}/{tag}.json", categoryTagList)

        get("/topics/created-by/{username}.json") { request, context in
            let query = try TopicListQuery(request)
            guard let username = request.pathParameters["username"] else { throw DemoAPIError.notFound }
            return try context.state.read { data, _ in
                guard let user = data.user(named: username) else { throw DemoAPIError.notFound }
                let topics = data.topics.values.filter {
                    $0.userId == user.id && isListed(topic: $0, viewer: request.viewer, data: data)
                }
                let page = query.page(
                    of: query.sorted(topics, isPinnedHere: { _ in false }),
                    basePath: "/topics/created-by/\(user.username)", request: request)
                return .json(serializeTopicList(page, data: data, viewer: request.viewer))
            }
        }
    }
}
