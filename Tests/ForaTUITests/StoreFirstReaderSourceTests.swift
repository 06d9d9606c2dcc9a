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
        XCTAssertEqual(try store.lastReadPostNumber(topicID: 1), 46, "reading marks the topic read as far as shown")
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

    func topic(id: Int) async throws -> ReaderTopic {
        lock.withLock { count += 1 }
        return ReaderTopic(id: id, title: "from the network", postCount: 0, initialPosts: [])
    }

    func posts(topicID: Int, positions: Range<Int>) async throws -> [ReaderPost] {
        lock.withLock { count += 1 }
        return []
    }
}
