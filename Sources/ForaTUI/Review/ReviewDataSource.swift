import ForaCore
import Foundation

/// Where the review queue's data comes from and where its actions go. `DiscourseReviewSource`
/// is the JSON stopgap; the lead swaps in `CommunityService`'s review calls later.
public protocol ReviewDataSource: Sendable {
    /// Who is logged in, for the permission table (`/session/current.json`).
    func viewer() async throws -> ReviewViewer
    /// The queue under `filter` (all pages, up to a limit) and the site's pending count.
    func list(_ filter: ReviewFilter) async throws -> ReviewPage
    /// The number of pending reviewables (the status bar's count).
    func pendingCount() async throws -> Int
    func detail(id: Int) async throws -> ReviewItem
    /// Performs `actionID` at `version`; `penalty` first silences or suspends the author.
    func perform(id: Int, actionID: String, version: Int, penalty: ReviewPenalty?) async throws -> ReviewPerformOutcome
    func claim(topicID: Int) async throws
    func unclaim(topicID: Int) async throws
}

public struct ReviewViewer: Sendable, Equatable {
    public var username: String
    public var permissions: ModerationViewer

    public init(username: String, permissions: ModerationViewer) {
        self.username = username
        self.permissions = permissions
    }
}

public struct ReviewPage: Sendable, Equatable {
    public var items: [ReviewItem]
    public var pendingCount: Int?
    /// The queue as the last sync stored it: the site could not be reached.
    public var isOffline = false

    public init(items: [ReviewItem], pendingCount: Int? = nil, isOffline: Bool = false) {
        self.items = items
        self.pendingCount = pendingCount
        self.isOffline = isOffline
    }
}

public struct ReviewPerformOutcome: Sendable, Equatable {
    /// The server finalised the item (it leaves the pending queue).
    public var finished: Bool
    public var pendingCount: Int?

    public init(finished: Bool, pendingCount: Int? = nil) {
        self.finished = finished
        self.pendingCount = pendingCount
    }
}

/// A silence or suspension collected by the form before a `silence`/`suspend` action.
public struct ReviewPenalty: Sendable, Equatable {
    public enum Kind: String, Sendable { case silence, suspend }
    public var kind: Kind
    public var userID: Int
    public var reason: String
    public var days: Int

    public init(kind: Kind, userID: Int, reason: String, days: Int) {
        self.kind = kind
        self.userID = userID
        self.reason = reason
        self.days = days
    }
}
