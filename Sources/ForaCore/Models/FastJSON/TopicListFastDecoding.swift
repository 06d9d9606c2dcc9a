/// Topic lists straight from JSON bytes, with the same results as `TopicList.init(from:)` (whose
/// models are strict: a value of another type fails the list, here as a miss that lets
/// `JSONDecoder` report it).
extension TopicList: FastJSONDecodable {
    init(jsonBytes: UnsafeBufferPointer<UInt8>) throws {
        var reader = JSONByteReader(jsonBytes)
        var users: [BasicUser]?
        var sawUsers = false
        var inner: (topics: [Topic], more: String?)?
        try reader.readObject { reader, key in
            if key.spells("users") {
                guard !sawUsers else { throw JSONByteReader.Miss() }
                sawUsers = true
                if try reader.readNull() { return }
                var read: [BasicUser] = []
                try reader.readArray { reader in read.append(try BasicUser(reading: &reader)) }
                users = read
            } else if key.spells("topic_list") {
                guard inner == nil else { throw JSONByteReader.Miss() }
                inner = try Self.readInner(from: &reader)
            } else {
                try reader.skipValue()
            }
        }
        try reader.requireEnd()
        guard let inner else { throw JSONByteReader.Miss() }
        self.init(topics: inner.topics, users: users ?? [], moreTopicsURL: inner.more)
    }

    private static func readInner(from reader: inout JSONByteReader) throws -> (topics: [Topic], more: String?) {
        var topics: [Topic]?
        var sawTopics = false
        var more: String?
        var sawMore = false
        try reader.readObject { reader, key in
            if key.spells("topics") {
                guard !sawTopics else { throw JSONByteReader.Miss() }
                sawTopics = true
                if try reader.readNull() { return }
                var read: [Topic] = []
                try reader.readArray { reader in read.append(try Topic(reading: &reader)) }
                topics = read
            } else if key.spells("more_topics_url") {
                guard !sawMore else { throw JSONByteReader.Miss() }
                sawMore = true
                more = try reader.optionalString()
            } else {
                try reader.skipValue()
            }
        }
        return (topics ?? [], more)
    }
}

extension Topic {
    enum Field: String, CaseIterable {
        case id, title, slug, views, pinned, closed
        case categoryID = "category_id"
        case postsCount = "posts_count"
        case replyCount = "reply_count"
        case likeCount = "like_count"
        case createdAt = "created_at"
        case lastPostedAt = "last_posted_at"
        case bumpedAt = "bumped_at"
        case hasAcceptedAnswer = "has_accepted_answer"
        case unread = "unseen"
        case tags
        case unreadPosts = "unread_posts"
        case newPosts = "new_posts"
    }

    private static let keys = JSONKeyTable<Field>()
    private static let idBit = keys.bit(.id)

    init(reading reader: inout JSONByteReader) throws {
        var topic = Topic(id: 0, title: "", postsCount: 0)
        var replyCount: Int?
        var unreadPosts: Int?
        var newPosts: Int?
        var seen: UInt64 = 0
        try reader.readObject { reader, key in
            guard let (field, bit) = Self.keys.field(key) else { return try reader.skipValue() }
            guard seen & bit == 0 else { throw JSONByteReader.Miss() }
            seen |= bit
            switch field {
            case .id: topic.id = try reader.int()
            case .title: topic.title = try reader.optionalString() ?? ""
            case .slug: topic.slug = try reader.optionalString() ?? ""
            case .categoryID: topic.categoryID = try reader.optionalInt()
            case .postsCount: topic.postsCount = try reader.optionalInt() ?? 0
            case .replyCount: replyCount = try reader.optionalInt()
            case .views: topic.views = try reader.optionalInt() ?? 0
            case .likeCount: topic.likeCount = try reader.optionalInt() ?? 0
            case .createdAt: topic.createdAt = try reader.optionalString()
            case .lastPostedAt: topic.lastPostedAt = try reader.optionalString()
            case .bumpedAt: topic.bumpedAt = try reader.optionalString()
            case .hasAcceptedAnswer: topic.hasAcceptedAnswer = try reader.optionalBool() ?? false
            case .pinned: topic.pinned = try reader.optionalBool() ?? false
            case .closed: topic.closed = try reader.optionalBool() ?? false
            case .unread: topic.unread = try reader.optionalBool() ?? false
            case .tags: topic.tags = try Self.readTagNames(&reader)
            case .unreadPosts: unreadPosts = try reader.optionalInt()
            case .newPosts: newPosts = try reader.optionalInt()
            }
        }
        guard seen & Self.idBit != 0 else { throw JSONByteReader.Miss() }
        topic.replyCount = replyCount ?? max(0, topic.postsCount - 1)
        topic.unreadPosts = unreadPosts ?? newPosts ?? 0
        self = topic
    }

    /// Tags sent as names, or as `{id, name, slug}` objects (newer servers); a null element or
    /// an object without a name names nothing, as in the tolerant model.
    private static func readTagNames(_ reader: inout JSONByteReader) throws -> [String] {
        if try reader.readNull() { return [] }
        var names: [String] = []
        try reader.readArray { reader in
            guard reader.peek() == UInt8(ascii: "{") else {
                if let name = try reader.optionalString() { names.append(name) }
                return
            }
            var name: String?
            var sawName = false
            try reader.readObject { reader, key in
                guard key.spells("name") else { return try reader.skipValue() }
                guard !sawName else { throw JSONByteReader.Miss() }
                sawName = true
                name = try reader.optionalString()
            }
            if let name { names.append(name) }
        }
        return names
    }
}

extension BasicUser {
    init(reading reader: inout JSONByteReader) throws {
        var id: Int?
        var user = BasicUser(id: 0, username: "")
        var seen = (username: false, name: false, avatar: false)
        try reader.readObject { reader, key in
            if key.spells("id") {
                guard id == nil else { throw JSONByteReader.Miss() }
                id = try reader.int()
            } else if key.spells("username") {
                guard !seen.username else { throw JSONByteReader.Miss() }
                seen.username = true
                user.username = try reader.optionalString() ?? ""
            } else if key.spells("name") {
                guard !seen.name else { throw JSONByteReader.Miss() }
                seen.name = true
                user.name = try reader.optionalString()
            } else if key.spells("avatar_template") {
                guard !seen.avatar else { throw JSONByteReader.Miss() }
                seen.avatar = true
                user.avatarTemplate = try reader.optionalString()
            } else {
                try reader.skipValue()
            }
        }
        guard let id else { throw JSONByteReader.Miss() }
        user.id = id
        self = user
    }
}
