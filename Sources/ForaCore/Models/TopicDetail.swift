/// A topic as `/t/{id}.json` returns it: its metadata, the first chunk of posts and the ids of
/// every post in order (`post_stream.stream`). A whole topic has `posts` for every id.
public struct TopicDetail: Decodable, Equatable, Sendable {
    public var id: Int
    public var title: String
    public var fancyTitle: String?
    public var slug: String
    public var categoryID: Int?
    public var postsCount: Int
    public var highestPostNumber: Int?
    public var replyCount: Int
    public var likeCount: Int
    public var views: Int
    public var createdAt: String?
    public var lastPostedAt: String?
    public var archetype: String
    public var closed: Bool
    public var archived: Bool
    public var pinned: Bool
    public var visible: Bool
    public var tags: [String]
    public var messageBusLastID: Int?
    public var chunkSize: Int?
    /// The solved plugin's accepted answer, when the topic has one.
    public var acceptedAnswer: AcceptedAnswer?
    public var details: TopicPermissions
    public var posts: [Post]
    public var stream: [Int]

    enum CodingKeys: String, CodingKey {
        case id, title, slug, views, archetype, closed, archived, pinned, visible, tags, details
        case fancyTitle = "fancy_title"
        case categoryID = "category_id"
        case postsCount = "posts_count"
        case highestPostNumber = "highest_post_number"
        case replyCount = "reply_count"
        case likeCount = "like_count"
        case createdAt = "created_at"
        case lastPostedAt = "last_posted_at"
        case messageBusLastID = "message_bus_last_id"
        case chunkSize = "chunk_size"
        case acceptedAnswer = "accepted_answer"
        case postStream = "post_stream"
    }

    enum StreamKeys: String, CodingKey { case posts, stream }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let id = c.lenientInt(.id) else {
            throw DecodingError.keyNotFound(
                CodingKeys.id, .init(codingPath: [], debugDescription: "a topic without an id"))
        }
        self.id = id
        title = c.lenient(String.self, .title) ?? ""
        fancyTitle = c.lenient(String.self, .fancyTitle)
        slug = c.lenient(String.self, .slug) ?? ""
        categoryID = c.lenientInt(.categoryID)
        postsCount = c.lenientInt(.postsCount) ?? 0
        highestPostNumber = c.lenientInt(.highestPostNumber)
        replyCount = c.lenientInt(.replyCount) ?? 0
        likeCount = c.lenientInt(.likeCount) ?? 0
        views = c.lenientInt(.views) ?? 0
        createdAt = c.lenient(String.self, .createdAt)
        lastPostedAt = c.lenient(String.self, .lastPostedAt)
        archetype = c.lenient(String.self, .archetype) ?? "regular"
        closed = c.lenientBool(.closed) ?? false
        archived = c.lenientBool(.archived) ?? false
        pinned = c.lenientBool(.pinned) ?? false
        visible = c.lenientBool(.visible) ?? true
        tags = c.lenientArray(TagName.self, .tags).map(\.name)
        messageBusLastID = c.lenientInt(.messageBusLastID)
        chunkSize = c.lenientInt(.chunkSize)
        acceptedAnswer = c.lenient(AcceptedAnswer.self, .acceptedAnswer)
        details = c.lenient(TopicPermissions.self, .details) ?? TopicPermissions()
        if let stream = try? c.nestedContainer(keyedBy: StreamKeys.self, forKey: .postStream) {
            posts = stream.lenientArray(Post.self, .posts)
            self.stream = stream.lenient([Int].self, .stream) ?? posts.map(\.id)
        } else {
            posts = []
            self.stream = []
        }
    }

    public init(id: Int, title: String, posts: [Post] = [], stream: [Int] = []) {
        self.id = id
        self.title = title
        slug = ""
        postsCount = posts.count
        replyCount = max(0, posts.count - 1)
        likeCount = 0
        views = 0
        archetype = "regular"
        closed = false
        archived = false
        pinned = false
        visible = true
        tags = []
        details = TopicPermissions()
        self.posts = posts
        self.stream = stream
    }

    /// The accepted answer's post number: from `accepted_answer`, else the post marked as it.
    public var acceptedAnswerPostNumber: Int? {
        acceptedAnswer?.postNumber ?? posts.first(where: \.acceptedAnswer)?.postNumber
    }

    /// Ids of `stream` whose posts are not loaded yet, in stream order.
    public var missingPostIDs: [Int] {
        let loaded = Set(posts.map(\.id))
        return stream.filter { !loaded.contains($0) }
    }
}

/// `accepted_answer` of the solved plugin.
public struct AcceptedAnswer: Codable, Equatable, Sendable {
    public var postNumber: Int
    public var username: String?

    enum CodingKeys: String, CodingKey {
        case username
        case postNumber = "post_number"
    }

    public init(postNumber: Int, username: String? = nil) {
        self.postNumber = postNumber
        self.username = username
    }
}

/// What the viewer may do with a topic (`details.can_*`); anonymous viewers get none of the keys.
public struct TopicPermissions: Codable, Equatable, Sendable {
    public var canEdit: Bool = false
    public var canCreatePost: Bool = false
    public var canFlagTopic: Bool = false
    public var canDelete: Bool = false
    public var canCloseTopic: Bool = false
    public var canPinUnpinTopic: Bool = false
    public var canArchiveTopic: Bool = false
    public var canReviewTopic: Bool = false
    public var notificationLevel: Int?

    enum CodingKeys: String, CodingKey {
        case canEdit = "can_edit"
        case canCreatePost = "can_create_post"
        case canFlagTopic = "can_flag_topic"
        case canDelete = "can_delete"
        case canCloseTopic = "can_close_topic"
        case canPinUnpinTopic = "can_pin_unpin_topic"
        case canArchiveTopic = "can_archive_topic"
        case canReviewTopic = "can_review_topic"
        case notificationLevel = "notification_level"
    }

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        canEdit = c.lenientBool(.canEdit) ?? false
        canCreatePost = c.lenientBool(.canCreatePost) ?? false
        canFlagTopic = c.lenientBool(.canFlagTopic) ?? false
        canDelete = c.lenientBool(.canDelete) ?? false
        canCloseTopic = c.lenientBool(.canCloseTopic) ?? false
        canPinUnpinTopic = c.lenientBool(.canPinUnpinTopic) ?? false
        canArchiveTopic = c.lenientBool(.canArchiveTopic) ?? false
        canReviewTopic = c.lenientBool(.canReviewTopic) ?? false
        notificationLevel = c.lenientInt(.notificationLevel)
    }
}

/// A tag as a string (older servers) or an `{id, name, slug}` object (newer ones).
struct TagName: Decodable {
    let name: String
    enum CodingKeys: String, CodingKey { case name }
    init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            name = text
        } else {
            name = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .name)
        }
    }
}

/// `/t/{id}/posts.json`: a batch of posts by id.
public struct PostBatch: Decodable, Equatable, Sendable {
    public var posts: [Post]
    enum CodingKeys: String, CodingKey { case postStream = "post_stream" }
    enum StreamKeys: String, CodingKey { case posts }

    init(posts: [Post]) {
        self.posts = posts
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let stream = try c.nestedContainer(keyedBy: StreamKeys.self, forKey: .postStream)
        posts = stream.lenientArray(Post.self, .posts)
    }
}
