import ForaCore
import ForaStore
import Foundation
import Synchronization

/// The reader's posts from the local store when `fora sync` stored the whole topic, so a
/// synced topic opens at once and offline, with no network request; other topics come from
/// the site. A stored topic says what the site said at the sync: the accepted answer, the
/// authors' badges, post and topic states, and what the user has read.
///
/// Once the stored copy is known to be behind (the user pressed `r`, or wrote to the topic),
/// the topic comes from the site for the rest of the session, and from the store again only
/// when the site cannot be reached.
///
/// Each window reads only its own rows (a 20-post window of a 10,000-post topic reads 20
/// bodies, not 10,000); whether the topic is complete is a count in the index.
public final class StoreFirstReaderSource: ReaderDataSource, Sendable {
    public let store: Store
    public let network: any ReaderDataSource
    private let stale = Mutex<Set<Int>>([])

    public init(store: Store, network: any ReaderDataSource) {
        self.store = store
        self.network = network
    }

    public func invalidate(topicID: Int) {
        _ = stale.withLock { $0.insert(topicID) }
    }

    public func noteAcceptedAnswer(topicID: Int, postNumber: Int?, username: String?) {
        try? store.setAcceptedAnswer(topicID: topicID, postNumber: postNumber, username: username)
    }

    /// Records what the reader showed: the store's reading position and the posts' read marks,
    /// so unread counts and `u` are right offline before the site hears of it.
    public func noteRead(topicID: Int, postNumbers: [Int]) {
        guard let highest = postNumbers.max() else { return }
        try? store.markRead(topicID: topicID, upTo: highest)
        try? store.markPostsRead(topicID: topicID, postNumbers: postNumbers)
    }

    public func topic(id: Int) async throws -> ReaderTopic {
        if isStale(id) {
            do {
                return try await network.topic(id: id)
            } catch {
                guard let stored = try storedTopic(id) else { throw error }
                return stored
            }
        }
        if let stored = try storedTopic(id) { return stored }
        return try await network.topic(id: id)
    }

    public func posts(topicID: Int, positions: Range<Int>) async throws -> [ReaderPost] {
        if isStale(topicID), let fetched = try? await network.posts(topicID: topicID, positions: positions) {
            return fetched
        }
        guard complete(topicID) != nil,
            let stored = try? store.posts(topicID: topicID, offset: positions.lowerBound, limit: positions.count)
        else { return try await network.posts(topicID: topicID, positions: positions) }
        let states = try? store.topicStates(id: topicID)
        let lastRead = (try? store.lastReadPostNumber(topicID: topicID)) ?? nil
        return stored.map {
            Self.readerPost($0, accepted: states?.acceptedAnswerPostNumber, lastRead: lastRead)
        }
    }

    private func isStale(_ id: Int) -> Bool { stale.withLock { $0.contains(id) } }

    /// The topic from the store when every post of it is stored, else nil.
    private func storedTopic(_ id: Int) throws -> ReaderTopic? {
        guard let (entry, stored) = complete(id),
            let first = try? store.posts(topicID: id, offset: 0, limit: PostStream.windowSize), !first.isEmpty
        else { return nil }
        let states = try? store.topicStates(id: id)
        let accepted = states?.acceptedAnswerPostNumber
        var topic = ReaderTopic(
            id: id, title: entry.topic.title, postCount: stored, acceptedAnswerPostNumber: accepted,
            lastReadPostNumber: entry.lastReadPostNumber,
            initialPosts: first.map { Self.readerPost($0, accepted: accepted, lastRead: entry.lastReadPostNumber) })
        topic.highestPostNumber = entry.highestPostNumber
        topic.closed = entry.topic.closed
        topic.archived = states?.archived ?? false
        topic.isPrivateMessage = states?.archetype == "private_message"
        return topic
    }

    /// The stored topic and how many of its posts are stored, when every post of it is.
    private func complete(_ id: Int) -> (TopicListEntry, Int)? {
        guard let entry = try? store.topic(id: id), let stored = try? store.storedPostCount(topicID: id),
            stored > 0, stored >= entry.topic.postsCount
        else { return nil }
        return (entry, stored)
    }

    static func readerPost(_ post: StoredPost, accepted: Int? = nil, lastRead: Int? = nil) -> ReaderPost {
        let author = post.author
        let badge: ReaderPost.Badge? =
            author.admin ? .admin : author.moderator ? .moderator : author.staff ? .staff : nil
        var reader = ReaderPost(
            id: post.id, number: post.postNumber, username: post.username, trustLevel: author.trustLevel,
            badge: badge, createdAt: post.createdAt, replyToPostNumber: post.replyToPostNumber, cooked: post.cooked,
            isSolution: accepted == post.postNumber, likes: post.likeCount,
            isRead: post.read || post.postNumber <= (lastRead ?? 0))
        // The author, so a moderator can silence or suspend them from a synced topic too.
        reader.moderation.userID = post.userID
        reader.moderation.hidden = post.hidden
        reader.moderation.deleted = post.deletedAt != nil
        reader.postType = post.postType
        reader.actionCode = post.actionCode
        reader.userTitle = author.title
        reader.wiki = post.wiki
        return reader
    }
}
