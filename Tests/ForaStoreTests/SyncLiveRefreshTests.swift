import DemoServer
import DiscourseBackend
import ForaCore
import Foundation
import XCTest

@testable import ForaStore

/// The sync engine's small steps for live updates, against the demo server: one topic's new
/// posts, and one list's metadata, stored as `fora sync` stores them.
final class SyncLiveRefreshTests: DemoServerStoreTestCase {
    /// A one-post topic and the megathread, from the first two pages of the latest list.
    private func topics() async throws -> (short: Int, long: Int) {
        var listed: [SyncTopicSummary] = []
        for page in 0..<2 { listed += try await source.listPage(.latest, page: page).topics }
        let short = try XCTUnwrap(listed.first { $0.topic.postsCount == 1 }?.topic.id)
        let long = try XCTUnwrap(listed.first { $0.topic.postsCount > 1000 }?.topic.id)
        return (short, long)
    }

    func testATopicsNewPostsAreStoredEvenWhenNoListHeldIt() async throws {
        let (short, _) = try await topics()
        XCTAssertThrowsError(try store.topic(id: short), "not stored yet")
        let engine = engine()
        let first = try await withDeadline { try await engine.refreshTopic(short, maximumMissing: 100) }
        XCTAssertTrue(first)
        XCTAssertEqual(try store.posts(topicID: short).count, 1)

        _ = try await http.send(
            "POST", "/posts.json",
            [FormField("topic_id", String(short)), FormField("raw", "A reply the live refresh should store.")])
        let second = try await withDeadline { try await engine.refreshTopic(short, maximumMissing: 100) }
        XCTAssertTrue(second)
        let posts = try store.posts(topicID: short)
        XCTAssertEqual(posts.map(\.postNumber), [1, 2])
        XCTAssertEqual(posts.last?.username, "alice")
        XCTAssertEqual(try store.topic(id: short).topic.postsCount, 2)

        // An edit of the reply is stored again by post id.
        let reply = try XCTUnwrap(posts.last)
        _ = try await http.send(
            "PUT", "/posts/\(reply.id).json", [FormField("post[raw]", "The reply, edited while someone read it.")])
        try await withDeadline { try await engine.refreshPosts(topicID: short, postIDs: [reply.id]) }
        XCTAssertTrue(
            try store.posts(topicID: short).last?.cooked.contains("edited while someone read it") == true)
    }

    func testALongTopicNeverSyncedIsLeftToFullSyncs() async throws {
        let (_, long) = try await topics()
        let engine = engine()
        let stored = try await withDeadline { try await engine.refreshTopic(long, maximumMissing: 100) }
        XCTAssertFalse(stored)
        XCTAssertEqual(try store.stats().posts, 0, "nothing fetched for one reply")
    }

    func testAListRefreshStoresTopicsWithoutPosts() async throws {
        let engine = engine(limit: 60)
        let ids = try await withDeadline { try await engine.refreshList(.latest) }
        XCTAssertEqual(ids.count, 60)
        XCTAssertEqual(try store.topics(inList: "latest", limit: 100).map(\.topic.id), ids)
        XCTAssertEqual(try store.stats().posts, 0)
    }
}
