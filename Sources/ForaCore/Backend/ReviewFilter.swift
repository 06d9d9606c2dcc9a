/// What the queue shows: the filters the site applies to its review queue, and the order.
public struct ReviewFilter: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case pending, approved, rejected, ignored, all
    }

    public enum Sort: String, Sendable, CaseIterable {
        /// Highest score first, or oldest first.
        case score, age
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

    /// The next value of a cycle through `values` with "any" (nil) first.
    public static func next<T: Equatable>(after current: T?, in values: [T]) -> T? {
        guard let current, let index = values.firstIndex(of: current) else { return values.first }
        return index + 1 < values.count ? values[index + 1] : nil
    }
}
