// What every topic list shares: `page` (0-based), `per_page` (1–100, default 30), `order` and
// `ascending`, pinned topics first in the default order, and a `more_topics_url` that keeps
// the request's other parameters and, as real Discourse, has no `.json`.
import DemoCommunity
import Foundation

struct TopicListQuery {
    static let defaultPerPage = 30
    static let orders: Set<String> = [
        "default", "created", "activity", "views", "posts", "category", "likes", "op_likes", "posters",
    ]

    var page: Int
    var perPage: Int
    var order: String
    var ascending: Bool

    init(_ request: APIRequest) throws {
        page =
            try request.queryValue("page").map { value in
                guard let page = Int(value), page >= 0 else { throw DemoAPIError.badParameter("page") }
                return page
            } ?? 0
        perPage =
            try request.queryValue("per_page").map { value in
                guard let count = Int(value), (1...100).contains(count) else {
                    throw DemoAPIError.badParameter("per_page")
                }
                return count
            } ?? Self.defaultPerPage
        order = request.queryValue("order").map { $0.lowercased() } ?? "default"
        guard Self.orders.contains(order) else { throw DemoAPIError.badParameter("order") }
        ascending = request.queryValue("ascending") == "true"
    }

    /// Sorts by `order`. In the default order topics pinned where `isPinnedHere` says come
    /// first, then everything by last activity (Discourse's `bumped_at`), newest first.
    func sorted(_ topics: [DemoTopic], isPinnedHere: (DemoTopic) -> Bool) -> [DemoTopic] {
        let key: (DemoTopic, DemoTopic) -> Bool
        switch order {
        case "created": key = { $0.createdAt > $1.createdAt }
        case "views": key = { $0.views > $1.views }
        case "posts", "posters": key = { $0.postsCount > $1.postsCount }
        case "category": key = { ($0.categoryId ?? 0) > ($1.categoryId ?? 0) }
        case "likes", "op_likes": key = { $0.likeCount > $1.likeCount }
        default: key = { $0.lastPostedAt > $1.lastPostedAt }
        }
        // Ties fall back to the topic id so pages never overlap or skip.
        let descending: (DemoTopic, DemoTopic) -> Bool = { lhs, rhs in
            if key(lhs, rhs) { return true }
            if key(rhs, lhs) { return false }
            return lhs.id > rhs.id
        }
        let ordered = topics.sorted { ascending ? descending($1, $0) : descending($0, $1) }
        guard order == "default" else { return ordered }
        return ordered.filter(isPinnedHere) + ordered.filter { !isPinnedHere($0) }
    }

    /// The requested page of `topics` (already sorted), with the URL of the next page when
    /// there is one.
    func page(of topics: [DemoTopic], basePath: String, request: APIRequest) -> TopicListPage {
        let start = min(topics.count, page * perPage)
        let end = min(topics.count, start + perPage)
        let slice = Array(topics[start..<end])
        let more = end < topics.count ? Self.moreURL(basePath: basePath, request: request, page: page + 1) : nil
        return TopicListPage(topics: slice, moreTopicsURL: more, perPage: perPage)
    }

    /// `basePath?<the request's parameters but page and credentials>&page=N`.
    static func moreURL(basePath: String, request: APIRequest, page: Int) -> String {
        let dropped: Set<String> = ["page", "api_key", "api_username", "user_api_key"]
        var parts = request.query.filter { !dropped.contains($0.name) }.map { "\(encode($0.name))=\(encode($0.value))" }
        parts.append("page=\(page)")
        return basePath + "?" + parts.joined(separator: "&")
    }

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

/// The periods of `/top.json`, with their length.
enum TopPeriod: String, CaseIterable {
    case all, yearly, quarterly, monthly, weekly, daily

    var interval: TimeInterval? {
        switch self {
        case .all: nil
        case .yearly: 365 * 86_400
        case .quarterly: 91 * 86_400
        case .monthly: 30 * 86_400
        case .weekly: 7 * 86_400
        case .daily: 86_400
        }
    }
}
