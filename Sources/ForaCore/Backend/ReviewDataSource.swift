import Foundation

/// Where the review queue's data comes from and where its actions go, implemented by each
/// backend (Discourse's is `DiscourseReviewSource`), so the screens never name an endpoint.
public protocol ReviewDataSource: Sendable {
    /// Who is logged in, for the permission table.
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
    /// How the item's score adds up, for the detail view.
    func explain(id: Int) async throws -> ReviewExplanation
    /// Performs an action that needs the moderator's words first (a reject reason).
    func perform(id: Int, actionID: String, version: Int, reason: String) async throws -> ReviewPerformOutcome
    /// The flagged post's markdown, for the actions that edit it first (`agree_and_edit`).
    func postForEditing(topicID: Int, postNumber: Int) async throws -> ReviewPostText
    /// Saves an edited post; `originalRaw` lets the site refuse (409) when someone else edited it.
    func savePost(id: Int, raw: String, originalRaw: String) async throws
}

/// A post's id and markdown source, as the editor gets it.
public struct ReviewPostText: Sendable, Equatable {
    public var id: Int
    public var raw: String

    public init(id: Int, raw: String) {
        self.id = id
        self.raw = raw
    }
}

/// Sources without these calls: the detail view says the explanation is unavailable, and a
/// reason is dropped rather than the action refused.
extension ReviewDataSource {
    public func explain(id: Int) async throws -> ReviewExplanation {
        throw ForaError.usage("this site does not explain scores")
    }

    public func perform(id: Int, actionID: String, version: Int, reason: String) async throws
        -> ReviewPerformOutcome
    {
        try await perform(id: id, actionID: actionID, version: version, penalty: nil)
    }

    public func postForEditing(topicID: Int, postNumber: Int) async throws -> ReviewPostText {
        throw ForaError.usage("editing posts is not available here")
    }

    public func savePost(id: Int, raw: String, originalRaw: String) async throws {
        throw ForaError.usage("editing posts is not available here")
    }
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
