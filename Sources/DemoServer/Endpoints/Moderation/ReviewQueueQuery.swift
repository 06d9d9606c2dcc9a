// The filters of `GET /review.json`, read and applied as Reviewable.list_for does:
// status (pending by default, reviewed, all…), type, category, topic, minimum priority,
// target author, flagger, reviewer; sorted by score or date; ten a page from `offset`.
import DemoCommunity
import Foundation

struct ReviewQueueQuery {
    static let perPage = 10
    static let statuses = ["pending", "approved", "rejected", "ignored", "deleted", "reviewed", "all"]
    static let types = ["ReviewableFlaggedPost", "ReviewableQueuedPost", "ReviewableUser", "ReviewablePost"]
    static let sortOrders = ["score", "score_asc", "created_at", "created_at_asc"]
    /// Minimum scores of the priorities (Discourse's low 0, medium 5, high 10).
    static let priorities: [String: Double] = ["any": 0, "low": 0, "medium": 5, "high": 10]

    var status = "pending"
    var type: String?
    var categoryId: Int?
    var topicId: Int?
    var priority: String?
    var username: String?
    var flaggedBy: String?
    var reviewedBy: String?
    var sortOrder: String?
    var offset = 0

    init(_ request: APIRequest) throws {
        func text(_ name: String) -> String? {
            request.queryValue(name).flatMap { $0.isEmpty ? nil : $0 }
        }
        if let status = text("status") {
            guard Self.statuses.contains(status) else { throw DemoAPIError.badParameter("status") }
            self.status = status
        }
        if let type = text("type") {
            guard Self.types.contains(type) else { throw DemoAPIError.badParameter("type") }
            self.type = type
        }
        if let priority = text("priority") {
            guard Self.priorities[priority] != nil else { throw DemoAPIError.badParameter("priority") }
            self.priority = priority
        }
        if let order = text("sort_order") {
            guard Self.sortOrders.contains(order) else { throw DemoAPIError.badParameter("sort_order") }
            sortOrder = order
        }
        categoryId = text("category_id").flatMap { Int($0) }
        topicId = text("topic_id").flatMap { Int($0) }
        username = text("username")
        flaggedBy = text("flagged_by")
        reviewedBy = text("reviewed_by")
        offset = max(0, text("offset").flatMap { Int($0) } ?? 0)
    }

    func matches(_ reviewable: DemoReviewable, data: CommunityData) -> Bool {
        switch status {
        case "all": break
        case "reviewed": if reviewable.status == .pending { return false }
        default: if reviewable.status.name != status { return false }
        }
        if let type, reviewable.kind.rawValue != type { return false }
        if let categoryId, reviewable.categoryId != categoryId { return false }
        if let topicId, reviewable.topicId != topicId { return false }
        if let priority, reviewable.totalScore < Self.priorities[priority] ?? 0 { return false }
        if let username, data.user(named: username)?.id != reviewable.targetUserId { return false }
        if let flaggedBy {
            guard let flagger = data.user(named: flaggedBy),
                reviewable.scores.contains(where: { $0.userId == flagger.id })
            else { return false }
        }
        if let reviewedBy, data.user(named: reviewedBy)?.id != reviewable.reviewedById { return false }
        return true
    }

    func sorted(_ reviewables: [DemoReviewable]) -> [DemoReviewable] {
        reviewables.sorted { a, b in
            switch sortOrder ?? "score" {
            case "score_asc": return a.totalScore != b.totalScore ? a.totalScore < b.totalScore : a.id < b.id
            case "created_at": return a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.id > b.id
            case "created_at_asc": return a.createdAt != b.createdAt ? a.createdAt < b.createdAt : a.id < b.id
            default: return a.totalScore != b.totalScore ? a.totalScore > b.totalScore : a.id > b.id
            }
        }
    }

    /// The filters as `meta` echoes them and `load_more_reviewables` repeats them.
    var echoed: [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = [("status", .string(status))]
        if let type { fields.append(("type", .string(type))) }
        if let categoryId { fields.append(("category_id", .int(categoryId))) }
        if let topicId { fields.append(("topic_id", .int(topicId))) }
        if let priority { fields.append(("priority", .string(priority))) }
        if let username { fields.append(("username", .string(username))) }
        if let flaggedBy { fields.append(("flagged_by", .string(flaggedBy))) }
        if let reviewedBy { fields.append(("reviewed_by", .string(reviewedBy))) }
        if let sortOrder { fields.append(("sort_order", .string(sortOrder))) }
        return fields
    }

    /// `/review?offset=N&…`: the next page, without `.json`, as review_path builds it.
    func nextPageURL() -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let fields =
            [("offset", String(offset + Self.perPage))]
            + echoed.compactMap { name, value in value.stringValue.map { (name, $0) } }
        return "/review?"
            + fields.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $1)" }
            .joined(separator: "&")
    }
}
