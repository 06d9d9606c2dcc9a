import DemoServer
import DiscourseBackend
import ForaCore
import Foundation
import XCTest

@testable import ForaStore

/// Sync keeps the store true to the server: edits and deletions there show here after the
/// next (still incremental) sync, and the account's own lists are kept for offline use.
final class SyncFidelityDemoServerTests: DemoServerStoreTestCase {
    /// Acts on the demo as its admin (who may edit and delete anyone's posts).
    private var admin: DiscourseHTTP { LoopbackHTTP.discourse(box, username: "admin") }

    func testAnEditedPostIsRefetchedAndADeletedOneDropped() async throws {
        let engine = engine(limit: 10)
        _ = try await withDeadline { try await engine.run() }
        let entry = try XCTUnwrap(try store.topics(inList: "latest").first { $0.topic.postsCount >= 4 })
        let topicID = entry.topic.id
        let before = try store.posts(topicID: topicID, limit: 100)
        let edited = before[1]
        let deleted = before[2]
        let oldWord = try XCTUnwrap(edited.plainText.split(separator: " ").first { $0.count > 5 }.map(String.init))
        XCTAssertTrue(
            try store.search(oldWord, limit: 200).contains {
                $0.postNumber == edited.postNumber && $0.topicID == topicID
            })

        _ = try await admin.send(
            "PUT", "/posts/\(edited.id).json",
            [FormField("post[raw]", "Rewritten entirely: quokkazanzibar lives here now.")])
        _ = try await admin.send("DELETE", "/posts/\(deleted.id).json", [])

        let again = try await withDeadline { try await engine.run() }
        XCTAssertEqual(again.topics, 1, "only the changed topic is visited")
        XCTAssertEqual(again.changedTopicIDs, [topicID])
        XCTAssertLessThanOrEqual(again.requests, 3, "list page, topic stream, its recent posts")

        let after = try store.posts(topicID: topicID, limit: 100)
        XCTAssertFalse(after.contains { $0.id == deleted.id }, "the post deleted on the server is gone")
        XCTAssertEqual(after.count, before.count - 1)
        let rewritten = try XCTUnwrap(after.first { $0.id == edited.id })
        XCTAssertTrue(rewritten.plainText.contains("quokkazanzibar"), rewritten.plainText)
        XCTAssertEqual(rewritten.version, 2)
        let hits = try store.search("quokkazanzibar")
        XCTAssertEqual(hits.map(\.topicID), [topicID])
        XCTAssertEqual(hits.first?.postNumber, edited.postNumber)
        XCTAssertFalse(
            try store.search(oldWord, limit: 200).contains {
                $0.topicID == topicID && $0.postNumber == edited.postNumber
            },
            "the old text left the index")
        XCTAssertFalse(
            try store.search(String(deleted.plainText.split(separator: " ").first { $0.count > 5 } ?? "x"), limit: 200)
                .contains { $0.topicID == topicID && $0.postNumber == deleted.postNumber })
        XCTAssertEqual(try store.integrityProblems(), [])

        let quiet = try await withDeadline { try await engine.run() }
        XCTAssertEqual([quiet.topics, quiet.requests], [0, 1], "nothing changed since: one list page")
    }

    func testAPostDeletedOnTheServerIsKeptMarkedForStaffWhoStillSeeIt() async throws {
        var options = SyncEngine.Options()
        options.topicLimit = 10
        let engine = SyncEngine(
            store: store, source: DiscourseSyncSource(http: LoopbackHTTP.discourse(box, username: "moderator")),
            options: options)
        _ = try await withDeadline { try await engine.run() }
        let entry = try XCTUnwrap(try store.topics(inList: "latest").first { $0.topic.postsCount >= 4 })
        let deleted = try store.posts(topicID: entry.topic.id, limit: 100)[2]
        _ = try await admin.send("DELETE", "/posts/\(deleted.id).json", [])

        let again = try await withDeadline { try await engine.run() }
        XCTAssertEqual(again.changedTopicIDs, [entry.topic.id])
        // Staff see it on the site, marked deleted: so here too, and search no longer finds it.
        let kept = try XCTUnwrap(try store.posts(topicID: entry.topic.id, limit: 100).first { $0.id == deleted.id })
        XCTAssertNotNil(kept.deletedAt)
        XCTAssertEqual(kept.plainText, "")
        let quiet = try await withDeadline { try await engine.run() }
        XCTAssertEqual([quiet.topics, quiet.requests], [0, 1], "the topic counts as synced without the post")
    }

    func testAccountListsAreKeptForAModerator() async throws {
        let moderator = LoopbackHTTP.discourse(box, username: "moderator")
        let page = try await DiscourseSyncSource(http: moderator).listPage(.latest, page: 0)
        let topic = try XCTUnwrap(page.topics.first?.topic.id)
        let stream = try await DiscourseSyncSource(http: moderator).topicStream(topicID: topic)
        let marked = try XCTUnwrap(stream.posts.last)
        _ = try await moderator.send(
            "POST", "/bookmarks.json",
            [FormField("bookmarkable_id", "\(marked.id)"), FormField("bookmarkable_type", "Post")])

        XCTAssertThrowsError(try store.syncedNotifications(), "not synced yet")
        var options = SyncEngine.Options()
        options.topicLimit = 3
        options.account = SyncEngine.AccountLists(username: "moderator")
        let engine = SyncEngine(store: store, source: DiscourseSyncSource(http: moderator), options: options)
        _ = try await withDeadline { try await engine.run() }

        let online = try await DiscourseSyncSource(http: moderator).notifications()
        XCTAssertFalse(online.isEmpty, "the demo's moderator has notifications")
        XCTAssertEqual(try store.syncedNotifications().map(\.id), online.map(\.id))
        let bookmarks = try store.bookmarks()
        XCTAssertEqual(bookmarks.map(\.postID), [marked.id])
        XCTAssertEqual(bookmarks.first?.topicID, topic)
        XCTAssertEqual(bookmarks.first?.postNumber, marked.postNumber)
        XCTAssertFalse(bookmarks.first?.title.isEmpty ?? true)
        XCTAssertEqual(try store.bookmarkedTopicIDs(), [topic])
        let kept = try XCTUnwrap(try store.document(Store.reviewQueueKey))
        let queue = try JSONDecoder().decode(ReviewQueue.self, from: Data(kept.body))
        let liveBody = try await DiscourseSyncSource(http: moderator).reviewQueue()
        let live = try JSONDecoder().decode(ReviewQueue.self, from: Data(liveBody))
        XCTAssertFalse(queue.reviewables.isEmpty, "the demo has pending reviewables")
        XCTAssertEqual(queue.reviewables.map(\.id), live.reviewables.map(\.id))
        XCTAssertEqual(try store.reviewables().count, queue.reviewables.count)

        // The bookmark removed on the server leaves the store at the next sync.
        _ = try await moderator.send("DELETE", "/bookmarks/\(marked.id).json", [])
        _ = try await withDeadline { try await engine.run() }
        XCTAssertEqual(try store.bookmarks(), [])
    }

    func testTheReviewQueueIsNotKeptForAnAccountThatCannotSeeIt() async throws {
        var options = SyncEngine.Options()
        options.topicLimit = 2
        options.account = SyncEngine.AccountLists(username: "carol")
        let carol = LoopbackHTTP.discourse(box, username: "carol")
        try store.saveDocument(Store.reviewQueueKey, body: Array("{}".utf8))
        let engine = SyncEngine(store: store, source: DiscourseSyncSource(http: carol), options: options)
        _ = try await withDeadline { try await engine.run() }
        XCTAssertNil(try store.document(Store.reviewQueueKey), "a queue kept from before is dropped")
        XCTAssertNoThrow(try store.syncedNotifications())
        XCTAssertEqual(try store.bookmarks(), [])
    }
}
