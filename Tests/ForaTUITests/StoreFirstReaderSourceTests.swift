import ForaCore
import ForaStore
import Foundation
import XCTest

@testable import ForaTUI

/// The reader over the store: a fully stored topic opens and pages from the store by stream
/// position (deleted post numbers leave no hole), an incomplete one from the network.
final class StoreFirstReaderSourceTests: XCTestCase {
    private var path = ""
    private var store: Store!

    override func setUpWithError() throws {
        path = NSTemporaryDirectory() + "fora-reader-source-\(UUID()).sqlite"
        store = try Store.open(at: path)
        // Topic 1: 45 posts numbered 1…46 without 10 (deleted). Topic 2: 5 of its 9 posts.
        try store.saveTopics([
            SyncTopicSummary(topic: Topic(id: 1, title: "Stored", postsCount: 45), highestPostNumber: 46),
            SyncTopicSummary(topic: Topic(id: 2, title: "Partly stored", postsCount: 9), highestPostNumber: 9),
        ])
        let numbers = (1...46).filter { $0 != 10 }
        try store.savePosts(
            numbers.map {
                StoredPost(id: 100 + $0, topicID: 1, postNumber: $0, username: "u\($0)", cooked: "<p>\($0)</p>")
            }
                + (1...5).map {
                    StoredPost(id: 900 + $0, topicID: 2, postNumber: $0, username: "v", cooked: "<p>x</p>")
                })
    }

    override func tearDownWithError() throws {
        try store.close()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    func testAStoredTopicPagesByPositionFromTheStore() async throws {
        let network = RecordingNetworkSource()
        let source = StoreFirstReaderSource(store: store, network: network)
        let topic = try await source.topic(id: 1)
        XCTAssertEqual(topic.postCount, 45)
        XCTAssertEqual(topic.initialPosts.map(\.number), Array(1...9) + Array(11...21))
        let window = try await source.posts(topicID: 1, positions: 20..<40)
        XCTAssertEqual(window.map(\.number), Array(22...41))
        let tail = try await source.posts(topicID: 1, positions: 40..<60)
        XCTAssertEqual(tail.map(\.number), Array(42...46))
        XCTAssertEqual(network.calls, 0)
        // Loading a window is not reading it: only what the reader showed counts.
        XCTAssertNil(try store.lastReadPostNumber(topicID: 1))
        source.noteRead(topicID: 1, postNumbers: [11, 12])
        XCTAssertEqual(try store.lastReadPostNumber(topicID: 1), 12)
        let reopened = try await source.topic(id: 1)
        XCTAssertEqual(reopened.resumePostNumber, 13, "opens at the first unread post")
        XCTAssertEqual(reopened.initialPosts.filter { !$0.isRead }.first?.number, 13)
    }

    func testAStoredTopicSaysWhatTheSiteSaid() async throws {
        var summary = SyncTopicSummary(
            topic: Topic(id: 1, title: "Stored", postsCount: 45, hasAcceptedAnswer: true, closed: true),
            highestPostNumber: 46)
        summary.acceptedAnswer = .some(AcceptedAnswer(postNumber: 3, username: "u3"))
        summary.archived = true
        summary.isWholeTopic = true
        try store.saveTopics([summary])
        var badged = StoredPost(id: 102, topicID: 1, postNumber: 2, username: "u2", cooked: "<p>2</p>")
        badged.author = PostAuthorBadges(moderator: true, staff: true, trustLevel: 4, title: "Team")
        badged.hidden = true
        var action = StoredPost(id: 104, topicID: 1, postNumber: 4, username: "u4", postType: 3, cooked: "")
        action.actionCode = "closed.enabled"
        action.deletedAt = "2026-01-01T00:00:00Z"
        try store.savePosts([badged, action])

        let source = StoreFirstReaderSource(store: store, network: RecordingNetworkSource())
        let topic = try await source.topic(id: 1)
        XCTAssertEqual(topic.acceptedAnswerPostNumber, 3)
        XCTAssertEqual(topic.initialPosts.filter(\.isSolution).map(\.number), [3])
        XCTAssertTrue(topic.closed)
        XCTAssertTrue(topic.archived)
        XCTAssertEqual(topic.replyRefusal, "this topic is archived: no one can reply")
        let two = try XCTUnwrap(topic.initialPosts.first { $0.number == 2 })
        XCTAssertEqual(two.badge, .moderator)
        XCTAssertEqual(two.trustLevel, 4)
        XCTAssertEqual(two.userTitle, "Team")
        XCTAssertTrue(two.moderation.hidden)
        let four = try XCTUnwrap(topic.initialPosts.first { $0.number == 4 })
        XCTAssertEqual(four.postType, 3)
        XCTAssertEqual(four.actionCode, "closed.enabled")
        XCTAssertTrue(four.moderation.deleted)

        // Accepting another answer here is in the store at once.
        source.noteAcceptedAnswer(topicID: 1, postNumber: 5, username: "u5")
        let later = try await source.posts(topicID: 1, positions: 0..<10)
        XCTAssertEqual(later.filter(\.isSolution).map(\.number), [5])
    }

    func testAStaleTopicComesFromTheSiteAndFromTheStoreWhenTheSiteIsAway() async throws {
        let network = RecordingNetworkSource()
        let source = StoreFirstReaderSource(store: store, network: network)
        source.invalidate(topicID: 1)
        let fresh = try await source.topic(id: 1)
        XCTAssertEqual(fresh.title, "from the network")
        network.failing = true
        let stored = try await source.topic(id: 1)
        XCTAssertEqual(stored.title, "Stored", "offline, the stored copy still opens")
    }

    func testAnIncompleteTopicComesFromTheNetwork() async throws {
        let network = RecordingNetworkSource()
        let source = StoreFirstReaderSource(store: store, network: network)
        let topic = try await source.topic(id: 2)
        XCTAssertEqual(topic.title, "from the network")
        _ = try await source.posts(topicID: 2, positions: 0..<20)
        XCTAssertEqual(network.calls, 2)
    }
}

private final class RecordingNetworkSource: ReaderDataSource, @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var calls: Int { lock.withLock { count } }
    var failing = false

    func topic(id: Int) async throws -> ReaderTopic {
        lock.withLock { count += 1 }
        if failing { throw ForaError.hostUnreachable(host: "demo") }
        return ReaderTopic(id: id, title: "from the network", postCount: 0, initialPosts: [])
    }

    func posts(topicID: Int, positions: Range<Int>) async throws -> [ReaderPost] {
        lock.withLock { count += 1 }
        return []
    }
}
