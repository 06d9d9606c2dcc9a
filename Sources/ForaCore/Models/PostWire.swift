/// The fast path of `Post` decoding: a synthesized decoder over the same keys, which the
/// compiler makes about 1.2x faster than the lenient hand-written one. `Post.init(from:)` tries
/// it first and falls back to the lenient path only when a value has an unexpected type.
struct PostWire: Decodable {
    typealias CodingKeys = Post.CodingKeys

    struct Action: Decodable {
        typealias CodingKeys = PostActionSummary.CodingKeys
        var id: Int
        var count: Int?
        var acted: Bool?
        var canAct: Bool?
        var canUndo: Bool?
    }

    var id: Int
    var topicID: Int?
    var postNumber: Int?
    var postType: Int?
    var userID: Int?
    var username: String?
    var name: String?
    var avatarTemplate: String?
    var createdAt: String?
    var updatedAt: String?
    var cooked: String?
    var raw: String?
    var replyToPostNumber: Int?
    var replyCount: Int?
    var likeCount: Int?
    var liked: Bool?
    var canLike: Bool?
    var version: Int?
    var canEdit: Bool?
    var canDelete: Bool?
    var yours: Bool?
    var bookmarked: Bool?
    var hidden: Bool?
    var wiki: Bool?
    var deletedAt: String?
    var actionCode: String?
    var userTitle: String?
    var trustLevel: Int?
    var moderator: Bool?
    var admin: Bool?
    var acceptedAnswer: Bool?
    var canAcceptAnswer: Bool?
    var canUnacceptAnswer: Bool?
    var reads: Int?
    var actionsSummary: [Action]?
}

extension Post {
    init(wire: PostWire) {
        self.init(id: wire.id, postNumber: wire.postNumber ?? 0, username: wire.username ?? "")
        topicID = wire.topicID
        postType = wire.postType ?? 1
        userID = wire.userID
        name = wire.name
        avatarTemplate = wire.avatarTemplate
        createdAt = wire.createdAt
        updatedAt = wire.updatedAt
        cooked = wire.cooked ?? ""
        raw = wire.raw
        replyToPostNumber = wire.replyToPostNumber
        replyCount = wire.replyCount ?? 0
        actionsSummary = (wire.actionsSummary ?? []).map {
            PostActionSummary(id: $0.id, count: $0.count, acted: $0.acted, canAct: $0.canAct, canUndo: $0.canUndo)
        }
        let like = actionsSummary.first { $0.id == PostActionSummary.likeTypeID }
        // An absent like entry means zero likes (anonymous viewers only see counted entries).
        likeCount = wire.likeCount ?? like?.count ?? 0
        liked = wire.liked ?? like?.acted ?? false
        canLike = wire.canLike ?? like?.canAct ?? false
        version = wire.version ?? 1
        canEdit = wire.canEdit ?? false
        canDelete = wire.canDelete ?? false
        yours = wire.yours ?? false
        bookmarked = wire.bookmarked ?? false
        hidden = wire.hidden ?? false
        wiki = wire.wiki ?? false
        deletedAt = wire.deletedAt
        actionCode = wire.actionCode
        userTitle = wire.userTitle
        trustLevel = wire.trustLevel
        moderator = wire.moderator ?? false
        admin = wire.admin ?? false
        acceptedAnswer = wire.acceptedAnswer ?? false
        canAcceptAnswer = wire.canAcceptAnswer ?? false
        canUnacceptAnswer = wire.canUnacceptAnswer ?? false
        reads = wire.reads
    }
}
