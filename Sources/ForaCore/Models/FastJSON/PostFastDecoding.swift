/// Posts straight from JSON bytes: the same `PostWire` the synthesized decoder would build (null
/// or absent is nil, anything of another type is a miss), without `JSONDecoder`'s per-object
/// key dictionaries. A miss sends the whole document back to the tolerant `Decodable` path.
extension PostWire {
    /// The wire keys `PostWire` reads; any other key is skipped.
    enum Field: String, CaseIterable {
        case id, username, name, cooked, raw, version, yours, bookmarked, hidden, wiki, moderator, admin, reads
        case liked
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
        case canLike = "can_like"
    }

    private static let keys = JSONKeyTable<Field>()
    private static let idBit = keys.bit(.id)

    init(reading reader: inout JSONByteReader) throws {
        var wire = PostWire(id: 0)
        var seen: UInt64 = 0
        try reader.readObject { reader, key in
            guard let (field, bit) = Self.keys.field(key) else { return try reader.skipValue() }
            // `JSONDecoder` keeps the first of duplicate keys; such oddities go its way.
            guard seen & bit == 0 else { throw JSONByteReader.Miss() }
            seen |= bit
            try wire.read(field, from: &reader)
        }
        guard seen & Self.idBit != 0 else { throw JSONByteReader.Miss() }
        self = wire
    }

    private mutating func read(_ field: Field, from reader: inout JSONByteReader) throws {
        switch field {
        case .id: id = try reader.int()
        case .username: username = try reader.optionalString()
        case .name: name = try reader.optionalString()
        case .cooked: cooked = try reader.optionalString()
        case .raw: raw = try reader.optionalString()
        case .version: version = try reader.optionalInt()
        case .yours: yours = try reader.optionalBool()
        case .bookmarked: bookmarked = try reader.optionalBool()
        case .hidden: hidden = try reader.optionalBool()
        case .wiki: wiki = try reader.optionalBool()
        case .moderator: moderator = try reader.optionalBool()
        case .admin: admin = try reader.optionalBool()
        case .reads: reads = try reader.optionalInt()
        case .liked: liked = try reader.optionalBool()
        case .topicID: topicID = try reader.optionalInt()
        case .postNumber: postNumber = try reader.optionalInt()
        case .postType: postType = try reader.optionalInt()
        case .userID: userID = try reader.optionalInt()
        case .avatarTemplate: avatarTemplate = try reader.optionalString()
        case .createdAt: createdAt = try reader.optionalString()
        case .updatedAt: updatedAt = try reader.optionalString()
        case .replyToPostNumber: replyToPostNumber = try reader.optionalInt()
        case .replyCount: replyCount = try reader.optionalInt()
        case .likeCount: likeCount = try reader.optionalInt()
        case .canEdit: canEdit = try reader.optionalBool()
        case .canDelete: canDelete = try reader.optionalBool()
        case .deletedAt: deletedAt = try reader.optionalString()
        case .actionCode: actionCode = try reader.optionalString()
        case .userTitle: userTitle = try reader.optionalString()
        case .trustLevel: trustLevel = try reader.optionalInt()
        case .acceptedAnswer: acceptedAnswer = try reader.optionalBool()
        case .canAcceptAnswer: canAcceptAnswer = try reader.optionalBool()
        case .canUnacceptAnswer: canUnacceptAnswer = try reader.optionalBool()
        case .canLike: canLike = try reader.optionalBool()
        case .actionsSummary:
            if try reader.readNull() { return }
            var actions: [Action] = []
            try reader.readArray { reader in actions.append(try Action(reading: &reader)) }
            actionsSummary = actions
        }
    }
}

extension PostWire.Action {
    enum Field: String, CaseIterable {
        case id, count, acted
        case canAct = "can_act"
        case canUndo = "can_undo"
    }

    private static let keys = JSONKeyTable<Field>()
    private static let idBit = keys.bit(.id)

    init(reading reader: inout JSONByteReader) throws {
        var action = PostWire.Action(id: 0)
        var seen: UInt64 = 0
        try reader.readObject { reader, key in
            guard let (field, bit) = Self.keys.field(key) else { return try reader.skipValue() }
            guard seen & bit == 0 else { throw JSONByteReader.Miss() }
            seen |= bit
            switch field {
            case .id: action.id = try reader.int()
            case .count: action.count = try reader.optionalInt()
            case .acted: action.acted = try reader.optionalBool()
            case .canAct: action.canAct = try reader.optionalBool()
            case .canUndo: action.canUndo = try reader.optionalBool()
            }
        }
        guard seen & Self.idBit != 0 else { throw JSONByteReader.Miss() }
        self = action
    }
}

extension Post {
    /// A JSON array of posts, or a miss.
    static func readArray(from reader: inout JSONByteReader) throws -> [Post] {
        var posts: [Post] = []
        try reader.readArray { reader in posts.append(Post(wire: try PostWire(reading: &reader))) }
        return posts
    }
}
