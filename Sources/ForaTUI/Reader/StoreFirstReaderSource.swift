import ForaCore
import ForaStore
import Foundation

/// The reader's posts from the local store when `fora sync` stored the whole topic, so a
/// synced topic opens at once and offline, with no network request; other topics come from
/// the site. Reading marks the topic read in the store, so unread counts stay right offline.
///
/// Each window reads only its own rows (a 20-post window of a 10,000-post topic reads 20
/// bodies, not 10,000); whether the topic is complete is a count in the index.
public struct StoreFirstReaderSource: ReaderDataSource {
    public let store: Store
    public let network: any ReaderDataSource

    public init(store: Store, network: any ReaderDataSource) {
        self.store = store
        self.network = network
    }

    public func topic(id: Int) async throws -> ReaderTopic {
        guard let (entry, stored) = complete(id),
            let first = try? store.posts(topicID: id, offset: 0, limit: PostStream.windowSize), !first.isEmpty
        else { return try await network.topic(id: id) }
        let window = first.map(Self.readerPost)
        try? store.markRead(topicID: id, upTo: window.last?.number ?? 1)
        return ReaderTopic(
            id: id, title: entry.topic.title, postCount: stored, lastReadPostNumber: entry.lastReadPostNumber,
            initialPosts: window)
    }

    public func posts(topicID: Int, positions: Range<Int>) async throws -> [ReaderPost] {
        guard complete(topicID) != nil,
            let stored = try? store.posts(topicID: topicID, offset: positions.lowerBound, limit: positions.count)
        else { return try await network.posts(topicID: topicID, positions: positions) }
        let window = stored.map(Self.readerPost)
        if let last = window.last { try? store.markRead(topicID: topicID, upTo: last.number) }
        return window
    }

    /// The stored topic and how many of its posts are stored, when every post of it is.
    private func complete(_ id: Int) -> (TopicListEntry, Int)? {
        guard let entry = try? store.topic(id: id), let stored = try? store.storedPostCount(topicID: id),
            stored > 0, stored >= entry.topic.postsCount
        else { return nil }
        return (entry, stored)
    }

    static func readerPost(_ post: StoredPost) -> ReaderPost {
        var reader = ReaderPost(
            id: post.id, number: post.postNumber, username: post.username, createdAt: post.createdAt,
            replyToPostNumber: post.replyToPostNumber, cooked: post.cooked, likes: post.likeCount)
        // The author, so a moderator can silence or suspend them from a synced topic too.
        reader.moderation.userID = post.userID
        return reader
    }
}
