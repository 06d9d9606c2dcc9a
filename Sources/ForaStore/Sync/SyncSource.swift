import ForaCore

/// A topic list to sync: its store key and where the source finds it.
public struct SyncList: Hashable, Sendable {
    /// The key lists are stored under (`latest`, `c/<slug>`, `tag/<name>`).
    public var key: String
    /// The server path of its first page, without `.json` (`/latest`, `/c/support/3`).
    public var path: String

    public init(key: String, path: String) {
        self.key = key
        self.path = path
    }

    public static let latest = SyncList(key: "latest", path: "/latest")
    public static func category(slug: String, id: Int) -> SyncList {
        SyncList(key: "c/\(slug)", path: "/c/\(slug)/\(id)")
    }
    public static func tag(_ name: String) -> SyncList {
        SyncList(key: "tag/\(name)", path: "/tag/\(name.addingPercentEncodingForPath())")
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
/// (Discourse's `/t/{id}.json`).
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

/// Where the sync engine fetches from. `DiscourseSyncSource` implements it over any HTTP
/// client; a `CommunityService` can adopt it once it grows these calls. Errors are
/// `ForaError`s (`rateLimited` makes the engine wait and retry).
public protocol SyncSource: Sendable {
    func listPage(_ list: SyncList, page: Int) async throws -> SyncListPage
    func topicStream(topicID: Int) async throws -> SyncTopicStream
    func posts(topicID: Int, postIDs: [Int]) async throws -> [StoredPost]
}

/// A bookmark as the server lists it (`/u/{username}/bookmarks.json`).
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
    /// The pending review queue as the server sent it (`/review.json`); `forbidden` when
    /// the account cannot see it.
    func reviewQueue() async throws -> [UInt8]
}
