/// `/t/{id}.json` straight from JSON bytes, with the same results as `TopicDetail.init(from:)`
/// for every document it accepts; values of another type than expected are a miss (the
/// tolerant decoder then turns them into defaults as it always did).
extension TopicDetail: FastJSONDecodable {
    enum Field: String, CaseIterable {
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

    private static let keys = JSONKeyTable<Field>()
    private static let idBit = keys.bit(.id)

    init(jsonBytes: UnsafeBufferPointer<UInt8>) throws {
        var reader = JSONByteReader(jsonBytes)
        var topic = TopicDetail(id: 0, title: "")
        topic.postsCount = 0
        topic.replyCount = 0
        var stream: [Int]?
        var seen: UInt64 = 0
        try reader.readObject { reader, key in
            guard let (field, bit) = Self.keys.field(key) else { return try reader.skipValue() }
            guard seen & bit == 0 else { throw JSONByteReader.Miss() }
            seen |= bit
            if field == .postStream {
                stream = try topic.readPostStream(from: &reader)
            } else {
                try topic.read(field, from: &reader)
            }
        }
        try reader.requireEnd()
        guard seen & Self.idBit != 0 else { throw JSONByteReader.Miss() }
        topic.stream = stream ?? topic.posts.map(\.id)
        self = topic
    }

    private mutating func read(_ field: Field, from reader: inout JSONByteReader) throws {
        switch field {
        case .id: id = try reader.int()
        case .title: title = try reader.optionalString() ?? ""
        case .fancyTitle: fancyTitle = try reader.optionalString()
        case .slug: slug = try reader.optionalString() ?? ""
        case .categoryID: categoryID = try reader.optionalInt()
        case .postsCount: postsCount = try reader.optionalInt() ?? 0
        case .highestPostNumber: highestPostNumber = try reader.optionalInt()
        case .replyCount: replyCount = try reader.optionalInt() ?? 0
        case .likeCount: likeCount = try reader.optionalInt() ?? 0
        case .views: views = try reader.optionalInt() ?? 0
        case .createdAt: createdAt = try reader.optionalString()
        case .lastPostedAt: lastPostedAt = try reader.optionalString()
        case .archetype: archetype = try reader.optionalString() ?? "regular"
        case .closed: closed = try reader.optionalBool() ?? false
        case .archived: archived = try reader.optionalBool() ?? false
        case .pinned: pinned = try reader.optionalBool() ?? false
        case .visible: visible = try reader.optionalBool() ?? true
        case .messageBusLastID: messageBusLastID = try reader.optionalInt()
        case .chunkSize: chunkSize = try reader.optionalInt()
        case .tags: tags = try Self.readTags(from: &reader)
        case .acceptedAnswer: acceptedAnswer = try Self.readAcceptedAnswer(from: &reader)
        case .details: details = try Self.readPermissions(from: &reader)
        case .postStream: throw JSONByteReader.Miss()  // read by the caller
        }
    }

    /// `post_stream`: its posts (kept in `posts`) and the ids of `stream`. Null is an empty
    /// topic, as in the tolerant decoder.
    private mutating func readPostStream(from reader: inout JSONByteReader) throws -> [Int]? {
        if try reader.readNull() { return [] }
        var stream: [Int]?
        var sawPosts = false
        var sawStream = false
        var posts: [Post] = []
        try reader.readObject { reader, key in
            if key.spells("posts") {
                guard !sawPosts else { throw JSONByteReader.Miss() }
                sawPosts = true
                posts = try reader.readNull() ? [] : try Post.readArray(from: &reader)
            } else if key.spells("stream") {
                guard !sawStream else { throw JSONByteReader.Miss() }
                sawStream = true
                if try reader.readNull() { return }
                var ids: [Int] = []
                try reader.readArray { reader in ids.append(try reader.int()) }
                stream = ids
            } else {
                try reader.skipValue()
            }
        }
        self.posts = posts
        return stream ?? posts.map(\.id)
    }

    /// Tags as strings (older servers) or `{id, name, slug}` objects (newer ones).
    private static func readTags(from reader: inout JSONByteReader) throws -> [String] {
        if try reader.readNull() { return [] }
        var tags: [String] = []
        try reader.readArray { reader in
            if reader.peek() == UInt8(ascii: "\"") {
                tags.append(try reader.string())
                return
            }
            var name: String?
            try reader.readObject { reader, key in
                guard key.spells("name") else { return try reader.skipValue() }
                guard name == nil else { throw JSONByteReader.Miss() }
                name = try reader.string()
            }
            guard let name else { throw JSONByteReader.Miss() }
            tags.append(name)
        }
        return tags
    }

    private static func readAcceptedAnswer(from reader: inout JSONByteReader) throws -> AcceptedAnswer? {
        if try reader.readNull() { return nil }
        var postNumber: Int?
        var username: String?
        var sawUsername = false
        try reader.readObject { reader, key in
            if key.spells("post_number") {
                guard postNumber == nil else { throw JSONByteReader.Miss() }
                postNumber = try reader.int()
            } else if key.spells("username") {
                guard !sawUsername else { throw JSONByteReader.Miss() }
                sawUsername = true
                username = try reader.optionalString()
            } else {
                try reader.skipValue()
            }
        }
        guard let postNumber else { throw JSONByteReader.Miss() }
        return AcceptedAnswer(postNumber: postNumber, username: username)
    }

    private static func readPermissions(from reader: inout JSONByteReader) throws -> TopicPermissions {
        var permissions = TopicPermissions()
        if try reader.readNull() { return permissions }
        var seen = Set<String>()
        try reader.readObject { reader, key in
            let name = String(decoding: key, as: UTF8.self)
            guard TopicPermissions.CodingKeys(stringValue: name) != nil else { return try reader.skipValue() }
            guard seen.insert(name).inserted else { throw JSONByteReader.Miss() }
            try permissions.read(name, from: &reader)
        }
        return permissions
    }
}

extension TopicPermissions {
    fileprivate mutating func read(_ name: String, from reader: inout JSONByteReader) throws {
        switch CodingKeys(stringValue: name) {
        case .canEdit: canEdit = try reader.optionalBool() ?? false
        case .canCreatePost: canCreatePost = try reader.optionalBool() ?? false
        case .canFlagTopic: canFlagTopic = try reader.optionalBool() ?? false
        case .canDelete: canDelete = try reader.optionalBool() ?? false
        case .canCloseTopic: canCloseTopic = try reader.optionalBool() ?? false
        case .canPinUnpinTopic: canPinUnpinTopic = try reader.optionalBool() ?? false
        case .canArchiveTopic: canArchiveTopic = try reader.optionalBool() ?? false
        case .canReviewTopic: canReviewTopic = try reader.optionalBool() ?? false
        case .notificationLevel: notificationLevel = try reader.optionalInt()
        case nil: try reader.skipValue()
        }
    }
}
