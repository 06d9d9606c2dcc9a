import Foundation

/// A post as the reader shows it: enough for the header line and the body.
public struct ReaderPost: Equatable, Sendable {
    public enum Badge: String, Sendable {
        case admin, moderator, staff
    }

    public var id: Int
    public var number: Int
    public var username: String
    public var trustLevel: Int?
    public var badge: Badge?
    /// ISO 8601, as the server sent it.
    public var createdAt: String?
    public var replyToPostNumber: Int?
    public var cooked: String
    public var isSolution: Bool
    public var likes: Int
    /// Whether the viewer has read it (drives next/previous unread).
    public var isRead: Bool
    /// What moderating it needs: its author's id, its state and the `can_*` the site reported.
    public var moderation = PostModerationFacts()
    /// 1 regular, 2 moderator action, 3 small action ("closed the topic"), 4 whisper.
    public var postType = 1
    /// A small action's code ("closed.enabled").
    public var actionCode: String?
    /// The title the author shows beside their name.
    public var userTitle: String?
    public var wiki = false

    /// Whether the viewer has liked / bookmarked it (what `l` and `B` toggle from).
    public var liked = false
    public var bookmarked = false

    public init(
        id: Int, number: Int, username: String, trustLevel: Int? = nil, badge: Badge? = nil, createdAt: String? = nil,
        replyToPostNumber: Int? = nil, cooked: String, isSolution: Bool = false, likes: Int = 0, isRead: Bool = true
    ) {
        self.id = id
        self.number = number
        self.username = username
        self.trustLevel = trustLevel
        self.badge = badge
        self.createdAt = createdAt
        self.replyToPostNumber = replyToPostNumber
        self.cooked = cooked
        self.isSolution = isSolution
        self.likes = likes
        self.isRead = isRead
    }
}

/// A topic opened in the reader: its header facts, how many posts its stream holds, and the
/// first posts (the rest load lazily by stream position).
public struct ReaderTopic: Equatable, Sendable {
    public var id: Int
    public var title: String
    public var categoryName: String?
    public var categoryColor: String?
    /// Posts in the stream (positions 0..<postCount).
    public var postCount: Int
    public var acceptedAnswerPostNumber: Int?
    public var lastReadPostNumber: Int?
    /// The posts at positions 0..<initialPosts.count.
    public var initialPosts: [ReaderPost]
    /// The last post's number (where a topic read to the end opens again); nil: unknown.
    public var highestPostNumber: Int?
    public var closed = false
    public var archived = false
    public var isPrivateMessage = false
    /// Whether the site lets this account reply (`details.can_create_post`); nil: not said,
    /// then a closed or archived topic is taken as refusing replies.
    public var canReply: Bool?

    /// Why replying here is refused before anything is sent, or nil.
    public var replyRefusal: String? {
        if canReply == true { return nil }
        if archived { return "this topic is archived: no one can reply" }
        if closed { return "this topic is closed: only staff can reply" }
        return nil
    }

    /// "message", "closed", "archived": shown after the title.
    public var stateMarks: [String] {
        (isPrivateMessage ? ["message"] : []) + (closed ? ["closed"] : []) + (archived ? ["archived"] : [])
    }

    /// Where the topic opens: the first post not read yet, or the last one for a topic read
    /// to the end; nil (the top) for a topic never read, or when the source did not say how
    /// far the topic goes.
    public var resumePostNumber: Int? {
        guard let lastRead = lastReadPostNumber, lastRead > 0, let highest = highestPostNumber else { return nil }
        return min(lastRead + 1, highest)
    }

    public init(
        id: Int, title: String, categoryName: String? = nil, categoryColor: String? = nil, postCount: Int,
        acceptedAnswerPostNumber: Int? = nil, lastReadPostNumber: Int? = nil, initialPosts: [ReaderPost]
    ) {
        self.id = id
        self.title = title
        self.categoryName = categoryName
        self.categoryColor = categoryColor
        self.postCount = postCount
        self.acceptedAnswerPostNumber = acceptedAnswerPostNumber
        self.lastReadPostNumber = lastReadPostNumber
        self.initialPosts = initialPosts
    }
}

/// Where the reader's data comes from: a backend's source over the network, or the store
/// first (ForaTUI's `StoreFirstReaderSource`). Positions are
/// indexes into the topic's post stream (0-based, in post-number order); they differ from
/// post numbers where posts were deleted.
public protocol ReaderDataSource: Sendable {
    func topic(id: Int) async throws -> ReaderTopic
    /// The posts at `positions` (the source may return fewer at the end of the stream).
    func posts(topicID: Int, positions: Range<Int>) async throws -> [ReaderPost]
    /// The stored copy of a topic no longer says what the site says (the user refreshed, or
    /// wrote to it): read it from the site from now on. Sources without a copy ignore it.
    func invalidate(topicID: Int)
    /// The site accepted `postNumber` (by `username`) as the topic's solution, or none: a
    /// source with a stored copy records it there too.
    func noteAcceptedAnswer(topicID: Int, postNumber: Int?, username: String?)
    /// The reader showed these posts of the topic long enough to count as read.
    func noteRead(topicID: Int, postNumbers: [Int])
}

extension ReaderDataSource {
    public func invalidate(topicID: Int) {}
    public func noteRead(topicID: Int, postNumbers: [Int]) {}
    public func noteAcceptedAnswer(topicID: Int, postNumber: Int?, username: String?) {}
}

/// A post's facts for moderating it from the reader: whose it is (to silence or suspend them),
/// whether it is hidden or deleted (so a key can toggle), and the permissions the site
/// reported for it (nil: not reported, the viewer's role decides).
public struct PostModerationFacts: Equatable, Sendable {
    public var userID: Int?
    public var hidden = false
    public var deleted = false
    public var canDelete: Bool?
    public var canRecover: Bool?

    public init(
        userID: Int? = nil, hidden: Bool = false, deleted: Bool = false, canDelete: Bool? = nil,
        canRecover: Bool? = nil
    ) {
        self.userID = userID
        self.hidden = hidden
        self.deleted = deleted
        self.canDelete = canDelete
        self.canRecover = canRecover
    }

    /// The `can_*` entries for `ModerationOperation.unavailableReason`.
    public var reported: [String: Bool] {
        var reported: [String: Bool] = [:]
        reported["can_delete"] = canDelete
        reported["can_recover"] = canRecover
        return reported
    }
}
