import ForaCore
import Foundation

@testable import ForaTUI

/// A reader source whose topic grows while it is open (posts published live).
final class GrowingReaderSource: ReaderDataSource, @unchecked Sendable {
    private let lock = NSLock()
    private var count: Int
    private var bodies: [Int: String] = [:]

    init(postCount: Int) { count = postCount }

    /// Edits post `number` (as its author would on the site).
    func edit(_ number: Int, to body: String) { lock.withLock { bodies[number] = body } }

    var postCount: Int {
        get { lock.withLock { count } }
        set { lock.withLock { count = newValue } }
    }

    func post(at position: Int) -> ReaderPost {
        ReaderPost(
            id: 5000 + position + 1, number: position + 1, username: "user\(position + 1)",
            createdAt: "2026-03-04T14:05:00Z",
            cooked: lock.withLock { bodies[position + 1] } ?? "Body of post \(position + 1)")
    }

    func topic(id: Int) async throws -> ReaderTopic {
        let count = postCount
        return ReaderTopic(
            id: id, title: "Topic number \(id)", postCount: count,
            initialPosts: (0..<min(PostStream.windowSize, count)).map(post(at:)))
    }

    func posts(topicID: Int, positions: Range<Int>) async throws -> [ReaderPost] {
        positions.clamped(to: 0..<postCount).map(post(at:))
    }
}

/// Records what the app asks of live updates; its events are applied by the test itself.
final class RecordingLiveSource: LiveUpdateSource, @unchecked Sendable {
    private let lock = NSLock()
    private var topics: [Int?] = []

    var watched: [Int?] { lock.withLock { topics } }

    func watchTopic(_ topicID: Int?) async { lock.withLock { topics.append(topicID) } }
    func nextEvents() async -> [LiveEvent] { [] }
}

/// The store path of live updates, in memory: the latest list it returns, the topics it refreshed.
final class MemoryLiveStore: LiveStoreSync, @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Topic]
    private var refreshed: [Int] = []
    private var listRefreshes = 0
    private var changed: [Int] = []

    init(latest: [Topic]) { list = latest }

    var latest: [Topic] {
        get { lock.withLock { list } }
        set { lock.withLock { list = newValue } }
    }
    var refreshedTopics: [Int] { lock.withLock { refreshed } }
    var latestRefreshes: Int { lock.withLock { listRefreshes } }

    func refreshTopic(_ topicID: Int) async throws { lock.withLock { refreshed.append(topicID) } }
    func refreshPosts(topicID: Int, postIDs: [Int]) async throws { lock.withLock { changed += postIDs } }
    var changedPosts: [Int] { lock.withLock { changed } }

    func refreshLatest() async throws -> (topics: [Topic], categories: [ForaCore.Category]) {
        lock.withLock { listRefreshes += 1 }
        return (latest, [Category(id: 1, name: "Support", slug: "support", color: "0088CC")])
    }
}
