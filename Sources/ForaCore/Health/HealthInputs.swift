import Foundation

/// Which slice of the cache a health report covers. Times are milliseconds since 1970 (UTC),
/// the resolution Discourse gives every timestamp.
public struct HealthScope: Sendable, Equatable {
    /// Counted topics were created at or after this instant; nil: from the first cached topic.
    public var sinceMs: Int64?
    /// Counted topics were created, and counted posts written, at or before this instant.
    public var untilMs: Int64
    /// A category and its subcategories; nil: the whole community.
    public var categoryID: Int?

    public init(sinceMs: Int64? = nil, untilMs: Int64, categoryID: Int? = nil) {
        self.sinceMs = sinceMs
        self.untilMs = untilMs
        self.categoryID = categoryID
    }
}

/// One counted topic as the store reports it: the facts the figures are computed from.
public struct HealthTopic: Sendable, Equatable {
    public var id: Int
    public var title: String
    public var categoryID: Int?
    public var createdMs: Int64
    /// The author of the first post.
    public var opener: String
    /// When the first counted post by someone other than the opener was written (nil: none yet).
    public var firstResponseMs: Int64?
    /// The author of the accepted answer, when the topic has one.
    public var acceptedAuthor: String?
    public var solved: Bool

    public init(
        id: Int, title: String, categoryID: Int?, createdMs: Int64, opener: String, firstResponseMs: Int64?,
        solved: Bool, acceptedAuthor: String?
    ) {
        self.id = id
        self.title = title
        self.categoryID = categoryID
        self.createdMs = createdMs
        self.opener = opener
        self.firstResponseMs = firstResponseMs
        self.solved = solved
        self.acceptedAuthor = acceptedAuthor
    }

    public var answered: Bool { firstResponseMs != nil }
}

/// One author's counted posts: all of them, and those in other people's topics (replies).
public struct HealthPoster: Sendable, Equatable {
    public var username: String
    public var posts: Int
    public var replies: Int

    public init(username: String, posts: Int, replies: Int) {
        self.username = username
        self.posts = posts
        self.replies = replies
    }
}
