// The saved form of a community: everything small in full, topics and posts as differences
// from what the generator makes.
import Foundation

/// A community as saved under `--data DIR`. Users, reviewables, notifications and the other
/// small tables are saved whole; topics and posts only where they differ from the generated
/// community, which loading regenerates from the same seed and scale. So a snapshot of the
/// seeded community stays small (saving takes a few milliseconds), and one of a million-post
/// community holds just the topics that writes touched. Every collection is sorted, so the
/// same community always encodes to the same bytes.
struct CommunitySnapshot: Codable, Equatable {
    /// Bump when the layout changes; older snapshots are then set aside, not misread.
    static let currentFormat = 2

    struct TopicPosts: Codable, Equatable {
        var topicId: Int
        /// How many posts the topic has now (generated ones included).
        var count: Int
        /// The posts that differ from the generated ones or come after them, by array index.
        var changed: [IndexedPost]
    }

    struct IndexedPost: Codable, Equatable {
        var index: Int
        var post: DemoPost
    }

    struct ReadMark: Codable, Equatable {
        var userId: Int
        var topicId: Int
        var postNumber: Int
    }

    var format: Int
    var contentVersion: Int
    var seed: UInt64
    var scale: Int
    var title: String
    var description: String
    var generatedAt: Date
    var users: [DemoUser]
    var userIdsByUsername: [String: Int]
    var badges: [DemoBadge]
    var categories: [DemoCategory]
    var changedTopics: [DemoTopic]
    var removedTopicIds: [Int]
    var topicPosts: [TopicPosts]
    /// `addedPostTopic` as [post id, topic id] pairs.
    var addedPostTopic: [[Int]]
    var reviewables: [DemoReviewable]
    var notifications: [DemoNotification]
    var drafts: [String: DemoDraft]
    var userApiKeys: [String: DemoUserApiKey]
    var readMarks: [ReadMark]
    var nextPostId: Int
    var nextTopicId: Int
    var nextReviewableId: Int
    var nextNotificationId: Int
    var nextUserId: Int

    /// Whether this snapshot was made from the community that (seed, scale) generates now.
    func isCompatible(seed: UInt64, scale: Int) -> Bool {
        format == Self.currentFormat && contentVersion == CommunityGenerator.contentVersion && self.seed == seed
            && self.scale == scale
    }

    /// Everything but topics and posts, from `data`; the caller fills those in.
    init(small data: CommunityData, seed: UInt64, scale: Int) {
        format = Self.currentFormat
        contentVersion = CommunityGenerator.contentVersion
        self.seed = seed
        self.scale = scale
        title = data.title
        description = data.description
        generatedAt = data.generatedAt
        users = data.users.values.sorted { $0.id < $1.id }
        userIdsByUsername = data.userIdsByUsername
        badges = data.badges
        categories = data.categories
        changedTopics = []
        removedTopicIds = []
        topicPosts = []
        addedPostTopic = data.addedPostTopic.sorted { $0.key < $1.key }.map { [$0.key, $0.value] }
        reviewables = data.reviewables.values.sorted { $0.id < $1.id }
        notifications = data.notifications.values.sorted { $0.id < $1.id }
        drafts = data.drafts
        userApiKeys = data.userApiKeys
        readMarks = data.lastReadPostNumber.flatMap { user in
            user.value.map { ReadMark(userId: user.key, topicId: $0.key, postNumber: $0.value) }
        }.sorted { ($0.userId, $0.topicId) < ($1.userId, $1.topicId) }
        nextPostId = data.nextPostId
        nextTopicId = data.nextTopicId
        nextReviewableId = data.nextReviewableId
        nextNotificationId = data.nextNotificationId
        nextUserId = data.nextUserId
    }

    /// The changes of one topic's posts against its generated posts (nil when there are none).
    static func changes(of posts: [DemoPost], topicId: Int, generated: [DemoPost]) -> TopicPosts? {
        if posts.sharesStorage(with: generated) { return nil }
        var changed: [IndexedPost] = []
        for (index, post) in posts.enumerated() where index >= generated.count || generated[index] != post {
            changed.append(IndexedPost(index: index, post: post))
        }
        if changed.isEmpty, posts.count == generated.count { return nil }
        return TopicPosts(topicId: topicId, count: posts.count, changed: changed)
    }

    /// Applies the snapshot to the freshly generated community it was made from.
    func apply(to data: inout CommunityData, generatedPosts: (Int) -> [DemoPost]) throws {
        data.title = title
        data.description = description
        data.users = Dictionary(users.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        data.userIdsByUsername = userIdsByUsername
        data.badges = badges
        data.categories = categories
        for topicId in removedTopicIds { data.topics[topicId] = nil }
        for topic in changedTopics { data.topics[topic.id] = topic }
        for entry in topicPosts {
            var posts = Array(generatedPosts(entry.topicId).prefix(entry.count))
            for change in entry.changed {
                if change.index < posts.count {
                    posts[change.index] = change.post
                } else if change.index == posts.count {
                    posts.append(change.post)
                } else {
                    throw CommunityPersistenceError.inconsistentSnapshot(
                        "post \(change.index) of topic \(entry.topicId) has a gap before it")
                }
            }
            guard posts.count == entry.count else {
                throw CommunityPersistenceError.inconsistentSnapshot(
                    "topic \(entry.topicId) should have \(entry.count) posts")
            }
            data.postsByTopic[entry.topicId] = posts
        }
        data.addedPostTopic = Dictionary(
            addedPostTopic.compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }, uniquingKeysWith: { $1 })
        data.reviewables = Dictionary(reviewables.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        data.notifications = Dictionary(notifications.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        data.drafts = drafts
        data.userApiKeys = userApiKeys
        data.lastReadPostNumber = [:]
        for mark in readMarks { data.lastReadPostNumber[mark.userId, default: [:]][mark.topicId] = mark.postNumber }
        data.nextPostId = nextPostId
        data.nextTopicId = nextTopicId
        data.nextReviewableId = nextReviewableId
        data.nextNotificationId = nextNotificationId
        data.nextUserId = nextUserId
    }
}
