/// A post as the store keeps it. `cooked` is the server's HTML; `plainText` (what search
/// indexes) is derived from it unless the caller has better; `raw` only once fetched.
public struct StoredPost: Equatable, Sendable {
    public var id: Int
    public var topicID: Int
    public var postNumber: Int
    public var userID: Int?
    public var username: String
    public var createdAt: String?
    public var updatedAt: String?
    public var replyToPostNumber: Int?
    public var postType: Int
    public var likeCount: Int
    public var cooked: String
    public var raw: String?
    public var plainText: String
    /// The server's edit counter (1 for an unedited post); nil when the source did not say.
    public var version: Int?
    /// When the post was deleted, for a post the server still lists (staff see those): kept
    /// and marked, as the site shows it, but left out of the search index.
    public var deletedAt: String?
    /// Hidden by flags (its author and staff still see the text).
    public var hidden = false
    /// Withdrawn by its author (the text is the site's "post deleted by author" note).
    public var userDeleted = false
    public var wiki = false
    /// A small action's code (`post_type` 3: "closed.enabled", "pinned.enabled"…).
    public var actionCode: String?
    /// The author's badges as the site reported them with the post.
    public var author = PostAuthorBadges()
    /// Whether the viewer has read it: as the site reported it, or recorded here on reading.
    /// Never lowered by a later save (reading is not undone).
    public var read = false

    /// Whether the server marks the post deleted.
    public var deletedOnServer: Bool { deletedAt != nil }

    public init(
        id: Int, topicID: Int, postNumber: Int, userID: Int? = nil, username: String, createdAt: String? = nil,
        updatedAt: String? = nil, replyToPostNumber: Int? = nil, postType: Int = 1, likeCount: Int = 0,
        cooked: String, raw: String? = nil, plainText: String? = nil, version: Int? = nil
    ) {
        self.id = id
        self.topicID = topicID
        self.postNumber = postNumber
        self.userID = userID
        self.username = username
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.replyToPostNumber = replyToPostNumber
        self.postType = postType
        self.likeCount = likeCount
        self.cooked = cooked
        self.raw = raw
        self.plainText = plainText ?? PlainText.fromCooked(cooked)
        self.version = version
    }
}

/// A post author's standing as the site shows it beside the post.
public struct PostAuthorBadges: Equatable, Sendable {
    public var moderator = false
    public var admin = false
    public var staff = false
    public var trustLevel: Int?
    public var title: String?

    public init(
        moderator: Bool = false, admin: Bool = false, staff: Bool = false, trustLevel: Int? = nil,
        title: String? = nil
    ) {
        self.moderator = moderator
        self.admin = admin
        self.staff = staff
        self.trustLevel = trustLevel
        self.title = title
    }
}

/// A topic as the sync source reports it: the list fields plus the stream's high-water mark
/// and the states ForaCore's `Topic` does not carry. A nil state means the source did not
/// say (a list row says less than the topic itself), and the stored value stays.
public struct SyncTopicSummary: Equatable, Sendable {
    public var topic: Topic
    public var highestPostNumber: Int
    /// `regular` or `private_message`.
    public var archetype: String?
    public var archived: Bool?
    public var visible: Bool?
    public var pinnedUntil: String?
    public var deletedAt: String?
    /// Set only by a source that knows the answer (the topic itself, not a list row):
    /// `.some(nil)` means "no accepted answer".
    public var acceptedAnswer: AcceptedAnswer??
    /// The site's reading position for the account (nil: not said, or never read).
    public var lastReadPostNumber: Int?
    /// From the topic itself (not a list row): its nil states (pinned until, deleted) are
    /// facts, not silence.
    public var isWholeTopic = false

    public init(topic: Topic, highestPostNumber: Int) {
        self.topic = topic
        self.highestPostNumber = highestPostNumber
    }
}
