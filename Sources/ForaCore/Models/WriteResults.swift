/// What `POST /posts.json` led to: a post, or a post held for review.
public enum PostCreationResult: Equatable, Sendable {
    case created(Post)
    /// Queued for moderator approval ("your post awaits approval").
    case enqueued(pendingCount: Int?)
}

/// A new topic, reply or private message.
public struct NewPost: Equatable, Sendable {
    public var raw: String
    public var topicID: Int?
    public var replyToPostNumber: Int?
    public var title: String?
    public var categoryID: Int?
    public var tags: [String]
    /// Private messages: comma-separated usernames or groups.
    public var targetRecipients: String?

    public init(
        raw: String, topicID: Int? = nil, replyToPostNumber: Int? = nil, title: String? = nil,
        categoryID: Int? = nil, tags: [String] = [], targetRecipients: String? = nil
    ) {
        self.raw = raw
        self.topicID = topicID
        self.replyToPostNumber = replyToPostNumber
        self.title = title
        self.categoryID = categoryID
        self.tags = tags
        self.targetRecipients = targetRecipients
    }

    public static func reply(to topicID: Int, raw: String, replyToPostNumber: Int? = nil) -> NewPost {
        NewPost(raw: raw, topicID: topicID, replyToPostNumber: replyToPostNumber)
    }

    public static func topic(title: String, raw: String, categoryID: Int?, tags: [String] = []) -> NewPost {
        NewPost(raw: raw, title: title, categoryID: categoryID, tags: tags)
    }
}

/// `PUT /t/{id}/status.json` statuses.
public enum TopicStatus: String, Sendable, CaseIterable {
    case closed, pinned, archived, visible
    case pinnedGlobally = "pinned_globally"
}

/// A composer draft as the server keeps it.
public struct Draft: Equatable, Sendable {
    public var key: String
    /// The composer's JSON, as a string.
    public var data: String?
    public var sequence: Int

    public init(key: String, data: String?, sequence: Int) {
        self.key = key
        self.data = data
        self.sequence = sequence
    }
}
