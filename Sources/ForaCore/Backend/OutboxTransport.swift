import Foundation

/// What the outbox sender needs from a community, implemented by each backend (Discourse's
/// is `DiscourseOutboxTransport`), so the store never names a platform's endpoint.
public protocol OutboxTransport: Sendable {
    /// The username the writes act as (the duplicate check looks for their posts).
    var username: String { get }
    /// Performs the action once. Throws `ForaError` for an answer the server gave (422, 409,
    /// 429…); anything else thrown (a dropped connection, a timeout) means the request may
    /// or may not have been applied.
    func perform(_ action: OutboxAction) async throws -> OutboxResult
    /// The last `count` posts of a topic, with raw, oldest first.
    func recentPosts(topicID: Int, count: Int) async throws -> [RemotePost]
    /// Topics recently created by `username`.
    func recentTopics(createdBy username: String) async throws -> [RemoteTopic]
    /// Whether the account has liked the post (nil: this transport cannot tell).
    func hasLiked(postID: Int) async throws -> Bool?
}

extension OutboxTransport {
    public func hasLiked(postID: Int) async throws -> Bool? { nil }
}

/// What a successful send produced.
public struct OutboxResult: Equatable, Sendable {
    /// The created or changed post's id (the topic's for a new topic), when there is one.
    public var remoteID: Int?
    /// Held for moderator approval rather than published.
    public var queuedForApproval: Bool

    public init(remoteID: Int? = nil, queuedForApproval: Bool = false) {
        self.remoteID = remoteID
        self.queuedForApproval = queuedForApproval
    }
}

public struct RemotePost: Equatable, Sendable {
    public var id: Int
    public var postNumber: Int
    public var username: String
    public var raw: String?
    public var createdAt: Date?

    public init(id: Int, postNumber: Int, username: String, raw: String?, createdAt: Date?) {
        self.id = id
        self.postNumber = postNumber
        self.username = username
        self.raw = raw
        self.createdAt = createdAt
    }
}

public struct RemoteTopic: Equatable, Sendable {
    public var id: Int
    public var title: String
    public var createdAt: Date?

    public init(id: Int, title: String, createdAt: Date?) {
        self.id = id
        self.title = title
        self.createdAt = createdAt
    }
}
