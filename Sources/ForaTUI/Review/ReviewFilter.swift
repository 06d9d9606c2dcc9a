/// What the queue shows: the server-side filters of `/review.json` and the order.
public struct ReviewFilter: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case pending, approved, rejected, ignored, all
    }

    public enum Sort: String, Sendable, CaseIterable {
        case score, age

        /// `sort_order` of `/review.json`: highest score first, or oldest first.
        var parameter: String { self == .score ? "score" : "created_at_asc" }
    }

    public static let types = ["ReviewableFlaggedPost", "ReviewableQueuedPost", "ReviewableUser", "ReviewablePost"]
    public static let priorities = ["low", "medium", "high"]

    public var status: Status
    public var type: String?
    public var categoryID: Int?
    public var priority: String?
    public var sort: Sort

    public init(
        status: Status = .pending, type: String? = nil, categoryID: Int? = nil, priority: String? = nil,
        sort: Sort = .score
    ) {
        self.status = status
        self.type = type
        self.categoryID = categoryID
        self.priority = priority
        self.sort = sort
    }

    /// The query string of `/review.json` (without the `?`).
    public var query: String {
        var items = ["status=\(status.rawValue)", "sort_order=\(sort.parameter)"]
        if let type { items.append("type=\(type)") }
        if let categoryID { items.append("category_id=\(categoryID)") }
        if let priority { items.append("priority=\(priority)") }
        return items.joined(separator: "&")
    }

    /// The next value of a cycle through `values` with "any" (nil) first.
    static func next<T: Equatable>(after current: T?, in values: [T]) -> T? {
        guard let current, let index = values.firstIndex(of: current) else { return values.first }
        return index + 1 < values.count ? values[index + 1] : nil
    }
}
