import ForaCore
import ForaStore
import ForaTUI
import Foundation

/// The reader's posts from the local store when `fora sync` stored the whole topic, so a
/// synced topic opens at once and offline, with no network request; other topics come from
/// the site. Reading marks the topic read in the store, so unread counts stay right offline.
struct StoreFirstReaderSource: ReaderDataSource {
    let store: Store
    let network: any ReaderDataSource

    func topic(id: Int) async throws -> ReaderTopic {
        guard let (entry, posts) = complete(id) else { return try await network.topic(id: id) }
        let window = posts.prefix(20).map(Self.readerPost)
        try? store.markRead(topicID: id, upTo: window.last?.number ?? 1)
        return ReaderTopic(
            id: id, title: entry.topic.title, postCount: posts.count,
            lastReadPostNumber: entry.lastReadPostNumber, initialPosts: Array(window))
    }

    func posts(topicID: Int, positions: Range<Int>) async throws -> [ReaderPost] {
        guard let (_, posts) = complete(topicID) else {
            return try await network.posts(topicID: topicID, positions: positions)
        }
        let window = posts.dropFirst(positions.lowerBound).prefix(positions.count).map(Self.readerPost)
        if let last = window.last { try? store.markRead(topicID: topicID, upTo: last.number) }
        return Array(window)
    }

    /// The stored topic and all its posts, when every post of it is stored.
    private func complete(_ id: Int) -> (TopicListEntry, [StoredPost])? {
        guard let entry = try? store.topic(id: id),
            let posts = try? store.posts(topicID: id, from: 1, limit: max(1, entry.topic.postsCount)),
            !posts.isEmpty, posts.count >= entry.topic.postsCount
        else { return nil }
        return (entry, posts)
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
