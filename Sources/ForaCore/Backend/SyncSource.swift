/// A topic list to sync: its store key and which list it is. The backend turns the list into
/// its platform's request; the store only knows the key.
public struct SyncList: Hashable, Sendable {
    /// Which list, in the product's words.
    public enum Kind: Hashable, Sendable {
        case latest
        case category(slug: String, id: Int)
        case tag(String)
    }

    /// The key lists are stored under (`latest`, `c/<slug>`, `tag/<name>`).
    public var key: String
    public var kind: Kind

    public init(key: String, kind: Kind) {
        self.key = key
        self.kind = kind
    }

    public static let latest = SyncList(key: "latest", kind: .latest)
    public static func category(slug: String, id: Int) -> SyncList {
        SyncList(key: "c/\(slug)", kind: .category(slug: slug, id: id))
    }
    public static func tag(_ name: String) -> SyncList {
        SyncList(key: "tag/\(name)", kind: .tag(name))
    }
}

/// One page of a list.
public struct SyncListPage: Sendable {
    public var topics: [SyncTopicSummary]
    public var users: [BasicUser]
    public var hasMore: Bool

    public init(topics: [SyncTopicSummary], users: [BasicUser], hasMore: Bool) {
        self.topics = topics
        self.users = users
        self.hasMore = hasMore
    }
}

/// A topic's header and the ids of all its posts in order, with the first posts inline
/// (what one request for a topic answers on the platforms fora knows).
public struct SyncTopicStream: Sendable {
    public var summary: SyncTopicSummary
    public var postIDs: [Int]
    public var posts: [StoredPost]

    public init(summary: SyncTopicSummary, postIDs: [Int], posts: [StoredPost]) {
        self.summary = summary
        self.postIDs = postIDs
        self.posts = posts
    }
}

/// Where the sync engine fetches from, implemented by each backend (Discourse's is
/// `DiscourseSyncSource`), so the store never names a platform's endpoint. Errors are
/// `ForaError`s (`rateLimited` makes the engine wait and retry).
public protocol SyncSource: Sendable {
    func listPage(_ list: SyncList, page: Int) async throws -> SyncListPage
    func topicStream(topicID: Int) async throws -> SyncTopicStream
    func posts(topicID: Int, postIDs: [Int]) async throws -> [StoredPost]
}

/// A bookmark as the server lists it (the account's bookmark list).
public struct SyncBookmark: Equatable, Sendable {
    public var id: Int
    public var topicID: Int
    public var postID: Int?
    public var postNumber: Int?
    public var title: String
    public var excerpt: String?
    public var name: String?

    public init(
        id: Int, topicID: Int, postID: Int?, postNumber: Int?, title: String, excerpt: String? = nil,
        name: String? = nil
    ) {
        self.id = id
        self.topicID = topicID
        self.postID = postID
        self.postNumber = postNumber
        self.title = title
        self.excerpt = excerpt
        self.name = name
    }
}

/// The account's own lists, which sync keeps for offline use when asked to
/// (`SyncEngine.Options.account`). A source that cannot serve one throws
/// `ForaError.notFound`, and the engine skips it.
public protocol AccountSyncSource: Sendable {
    func notifications() async throws -> [ForumNotification]
    func bookmarks(username: String) async throws -> [SyncBookmark]
    /// The pending review queue as the server sent it (the backend's own format, which only
    /// that backend's review source reads back); `forbidden` when the account cannot see it.
    func reviewQueue() async throws -> [UInt8]
}
