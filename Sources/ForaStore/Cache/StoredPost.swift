import ForaCore

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
    /// Set by a sync source for a post the server still lists but marks deleted (staff see
    /// those): sync drops it from the store instead of keeping it. Never stored.
    public var deletedOnServer = false

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

/// A topic as the sync source reports it: the list fields plus the stream's high-water mark,
/// which ForaCore's `Topic` does not carry yet.
public struct SyncTopicSummary: Equatable, Sendable {
    public var topic: Topic
    public var highestPostNumber: Int

    public init(topic: Topic, highestPostNumber: Int) {
        self.topic = topic
        self.highestPostNumber = highestPostNumber
    }
}

/// One row of a cached topic list, with the local read state folded in.
public struct TopicListEntry: Equatable, Sendable {
    public var topic: Topic
    public var highestPostNumber: Int
    /// nil when the topic was never opened (it is then "new").
    public var lastReadPostNumber: Int?
    public var isNew: Bool { lastReadPostNumber == nil }
    public var unreadPosts: Int { lastReadPostNumber.map { max(0, highestPostNumber - $0) } ?? 0 }
}
