// Everything the demo community holds, as one value, and the lock that guards it.
import Foundation

/// The whole state of the demo community. Topic metadata is always materialised; the posts of
/// a generated topic are materialised on first use (`CommunityState.posts(ofTopic:)`), so a
/// community scaled to a million posts starts quickly and stays small in memory until read.
public struct CommunityData: Sendable, Codable {
    public var title: String
    public var description: String
    public var users: [Int: DemoUser] = [:]
    public var userIdsByUsername: [String: Int] = [:]
    public var badges: [DemoBadge] = []
    public var categories: [DemoCategory] = []
    public var topics: [Int: DemoTopic] = [:]
    /// Materialised posts per topic, in post-number order (deleted posts included).
    public var postsByTopic: [Int: [DemoPost]] = [:]
    /// Topic id of every post id that was added through the API (generated ids are computed
    /// from `DemoTopic.firstPostId`).
    public var addedPostTopic: [Int: Int] = [:]
    /// Topic ids ordered by `firstPostId`, for a binary search in `topicId(ofPost:)`
    /// (maintained by the content generator; empty means "scan").
    public var topicIdsByFirstPostId: [Int] = []
    public var reviewables: [Int: DemoReviewable] = [:]
    public var notifications: [Int: DemoNotification] = [:]
    public var drafts: [String: DemoDraft] = [:]
    public var userApiKeys: [String: DemoUserApiKey] = [:]
    /// Per user, per topic: the highest post number read (from `/topics/timings`).
    public var lastReadPostNumber: [Int: [Int: Int]] = [:]
    public var nextPostId: Int = 1
    public var nextTopicId: Int = 1
    public var nextReviewableId: Int = 1
    public var nextNotificationId: Int = 1
    public var nextUserId: Int = 1
    /// The reference "now" of the generated content; generated dates lie before it.
    public var generatedAt: Date

    public init(title: String, description: String, generatedAt: Date) {
        self.title = title
        self.description = description
        self.generatedAt = generatedAt
    }

    public func user(named username: String) -> DemoUser? {
        userIdsByUsername[username.lowercased()].flatMap { users[$0] }
    }
}

/// Makes the posts of a generated topic on demand. Implemented by the content generator;
/// must be deterministic: the same topic always yields the same posts.
public protocol PostMaterializer: Sendable {
    func generatedPosts(of topic: DemoTopic, in data: CommunityData) -> [DemoPost]
}

/// The demo community's state behind one lock. Request handlers run concurrently on
/// SwiftNIO's event loops; every read and write goes through `read`/`write`, which keeps the
/// state consistent without actors (handlers stay simple and synchronous inside).
public final class CommunityState: @unchecked Sendable {
    private let lock = NSLock()
    private var data: CommunityData
    private let materializer: PostMaterializer
    /// Called after every successful `write`, still under the lock, so persistence sees
    /// mutations in order. Set by the server when it runs with `--data DIR`.
    public var didWrite: (@Sendable (CommunityData) -> Void)?

    public init(data: CommunityData, materializer: PostMaterializer) {
        self.data = data
        self.materializer = materializer
    }

    /// Reads under the lock. Posts of unread generated topics are materialised as needed, so
    /// even readers may mutate the cache behind the scenes.
    public func read<T>(_ body: (inout CommunityData, PostMaterializer) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&data, materializer)
    }

    /// Mutates under the lock, then reports the new state to persistence.
    public func write<T>(_ body: (inout CommunityData, PostMaterializer) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        let result = try body(&data, materializer)
        didWrite?(data)
        return result
    }
}

extension CommunityData {
    /// The posts of a topic, materialising generated ones on first access.
    public mutating func posts(ofTopic topicId: Int, using materializer: PostMaterializer) -> [DemoPost] {
        if let posts = postsByTopic[topicId] { return posts }
        guard let topic = topics[topicId] else { return [] }
        let posts = materializer.generatedPosts(of: topic, in: self)
        postsByTopic[topicId] = posts
        return posts
    }

    /// The topic a post id belongs to, without materialising anything.
    public func topicId(ofPost postId: Int) -> Int? {
        if let added = addedPostTopic[postId] { return added }
        // Generated ids are contiguous per topic: the generator's index finds them by binary
        // search; hand-made data without an index (test fixtures) is scanned.
        if !topicIdsByFirstPostId.isEmpty { return indexedTopicId(ofPost: postId) }
        for topic in topics.values
        where postId >= topic.firstPostId
            && postId < topic.firstPostId + topic.generatedPostCount
        {
            return topic.id
        }
        return nil
    }
}
