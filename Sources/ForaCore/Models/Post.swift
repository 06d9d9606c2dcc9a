/// One post of a topic (`post_stream.posts[]`, `/posts/{id}.json`, `/t/{id}/posts.json`).
/// Dates stay as the server's ISO 8601 strings; `ForaDate.parse` reads them.
public struct Post: Codable, Equatable, Sendable {
    public var id: Int
    public var topicID: Int?
    public var postNumber: Int
    public var postType: Int
    public var userID: Int?
    public var username: String
    public var name: String?
    public var avatarTemplate: String?
    public var createdAt: String?
    public var updatedAt: String?
    /// The server's rendered HTML.
    public var cooked: String
    /// The markdown source: only when asked for (`/posts/{id}.json`, `include_raw`).
    public var raw: String?
    public var replyToPostNumber: Int?
    public var replyCount: Int
    public var likeCount: Int
    /// Whether the viewer has liked it (from `actions_summary`).
    public var liked: Bool
    public var canLike: Bool
    public var version: Int
    public var canEdit: Bool
    public var canDelete: Bool
    public var yours: Bool
    public var bookmarked: Bool
    public var hidden: Bool
    public var wiki: Bool
    public var deletedAt: String?
    /// Small-action posts: "closed.enabled", "split_topic"…
    public var actionCode: String?
    public var userTitle: String?
    public var trustLevel: Int?
    public var moderator: Bool
    public var admin: Bool
    /// The solved plugin: this post is the accepted answer.
    public var acceptedAnswer: Bool
    public var canAcceptAnswer: Bool
    public var canUnacceptAnswer: Bool
    public var reads: Int?
    public var actionsSummary: [PostActionSummary]

    enum CodingKeys: String, CodingKey {
        case id, username, name, cooked, raw, version, yours, bookmarked, hidden, wiki, moderator, admin, reads
        case topicID = "topic_id"
        case postNumber = "post_number"
        case postType = "post_type"
        case userID = "user_id"
        case avatarTemplate = "avatar_template"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case replyToPostNumber = "reply_to_post_number"
        case replyCount = "reply_count"
        case likeCount = "like_count"
        case canEdit = "can_edit"
        case canDelete = "can_delete"
        case deletedAt = "deleted_at"
        case actionCode = "action_code"
        case userTitle = "user_title"
        case trustLevel = "trust_level"
        case acceptedAnswer = "accepted_answer"
        case canAcceptAnswer = "can_accept_answer"
        case canUnacceptAnswer = "can_unaccept_answer"
        case actionsSummary = "actions_summary"
        case liked
        case canLike = "can_like"
    }

    public init(
        id: Int, topicID: Int? = nil, postNumber: Int, username: String, createdAt: String? = nil, cooked: String = "",
        raw: String? = nil, replyToPostNumber: Int? = nil, likeCount: Int = 0, acceptedAnswer: Bool = false
    ) {
        self.id = id
        self.topicID = topicID
        self.postNumber = postNumber
        self.postType = 1
        self.username = username
        self.createdAt = createdAt
        self.cooked = cooked
        self.raw = raw
        self.replyToPostNumber = replyToPostNumber
        self.replyCount = 0
        self.likeCount = likeCount
        self.liked = false
        self.canLike = false
        self.version = 1
        self.canEdit = false
        self.canDelete = false
        self.yours = false
        self.bookmarked = false
        self.hidden = false
        self.wiki = false
        self.moderator = false
        self.admin = false
        self.acceptedAnswer = acceptedAnswer
        self.canAcceptAnswer = false
        self.canUnacceptAnswer = false
        self.actionsSummary = []
    }

    public init(from decoder: any Decoder) throws {
        if let wire = try? PostWire(from: decoder) {
            self.init(wire: wire)
        } else {
            try self.init(lenientFrom: decoder)
        }
    }

    /// Whatever the server sent: absent keys, nulls and odd types become defaults.
    init(lenientFrom decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let id = c.lenientInt(.id) else {
            throw DecodingError.keyNotFound(
                CodingKeys.id, .init(codingPath: decoder.codingPath, debugDescription: "a post without an id"))
        }
        self.id = id
        topicID = c.lenientInt(.topicID)
        postNumber = c.lenientInt(.postNumber) ?? 0
        postType = c.lenientInt(.postType) ?? 1
        userID = c.lenientInt(.userID)
        username = c.lenient(String.self, .username) ?? ""
        name = c.lenient(String.self, .name)
        avatarTemplate = c.lenient(String.self, .avatarTemplate)
        createdAt = c.lenient(String.self, .createdAt)
        updatedAt = c.lenient(String.self, .updatedAt)
        cooked = c.lenient(String.self, .cooked) ?? ""
        raw = c.lenient(String.self, .raw)
        replyToPostNumber = c.lenientInt(.replyToPostNumber)
        replyCount = c.lenientInt(.replyCount) ?? 0
        actionsSummary = c.lenientArray(PostActionSummary.self, .actionsSummary)
        let like = actionsSummary.first { $0.id == PostActionSummary.likeTypeID }
        // An absent like entry means zero likes (anonymous viewers only see counted entries).
        likeCount = c.lenientInt(.likeCount) ?? like?.count ?? 0
        liked = c.lenientBool(.liked) ?? like?.acted ?? false
        canLike = c.lenientBool(.canLike) ?? like?.canAct ?? false
        version = c.lenientInt(.version) ?? 1
        canEdit = c.lenientBool(.canEdit) ?? false
        canDelete = c.lenientBool(.canDelete) ?? false
        yours = c.lenientBool(.yours) ?? false
        bookmarked = c.lenientBool(.bookmarked) ?? false
        hidden = c.lenientBool(.hidden) ?? false
        wiki = c.lenientBool(.wiki) ?? false
        deletedAt = c.lenient(String.self, .deletedAt)
        actionCode = c.lenient(String.self, .actionCode)
        userTitle = c.lenient(String.self, .userTitle)
        trustLevel = c.lenientInt(.trustLevel)
        moderator = c.lenientBool(.moderator) ?? false
        admin = c.lenientBool(.admin) ?? false
        acceptedAnswer = c.lenientBool(.acceptedAnswer) ?? false
        canAcceptAnswer = c.lenientBool(.canAcceptAnswer) ?? false
        canUnacceptAnswer = c.lenientBool(.canUnacceptAnswer) ?? false
        reads = c.lenientInt(.reads)
    }
}

/// One entry of a post's `actions_summary`: a post action type with its count and what the
/// viewer may do.
public struct PostActionSummary: Codable, Equatable, Sendable {
    public static let likeTypeID = 2
    public var id: Int
    public var count: Int?
    public var acted: Bool?
    public var canAct: Bool?
    public var canUndo: Bool?

    public init(id: Int, count: Int? = nil, acted: Bool? = nil, canAct: Bool? = nil, canUndo: Bool? = nil) {
        self.id = id
        self.count = count
        self.acted = acted
        self.canAct = canAct
        self.canUndo = canUndo
    }

    enum CodingKeys: String, CodingKey {
        case id, count, acted
        case canAct = "can_act"
        case canUndo = "can_undo"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let id = c.lenientInt(.id) else {
            throw DecodingError.keyNotFound(CodingKeys.id, .init(codingPath: decoder.codingPath, debugDescription: ""))
        }
        self.id = id
        count = c.lenientInt(.count)
        acted = c.lenientBool(.acted)
        canAct = c.lenientBool(.canAct)
        canUndo = c.lenientBool(.canUndo)
    }
}
