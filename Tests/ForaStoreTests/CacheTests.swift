import ForaCore
import XCTest

@testable import ForaStore

final class CacheTests: StoreTestCase {
    func testListsReadInServerOrderWithoutBodies() throws {
        try fill(topics: 5)
        let generation = try store.beginListSync("latest")
        try store.saveListPage(
            "latest", generation: generation, startPosition: 0, topics: [summary(3), summary(1), summary(5)], users: [])
        // Until the run completes, the old membership stays (an interrupted sync empties nothing).
        XCTAssertEqual(try store.topics(inList: "latest").count, 5)
        try store.finishListSync("latest", generation: generation)
        XCTAssertEqual(try store.topics(inList: "latest").map(\.topic.id), [3, 1, 5])
        XCTAssertEqual(try store.topics(inList: "latest", offset: 1, limit: 1).map(\.topic.id), [1])
        XCTAssertNotNil(try store.lastSynced("latest"))
    }

    func testUnsyncedListAndTopicSayNotSynced() throws {
        XCTAssertThrowsError(try store.topics(inList: "c/support")) { error in
            XCTAssertEqual(error as? StoreError, .notSynced("the c/support list"))
            XCTAssertTrue((error as? StoreError)?.message.contains("fora sync") ?? false)
        }
        XCTAssertThrowsError(try store.posts(topicID: 42)) { error in
            XCTAssertEqual(error as? StoreError, .notSynced("topic 42"))
        }
        try store.saveTopics([summary(42)])
        XCTAssertEqual(try store.posts(topicID: 42), [])
    }

    func testPostWindowsByPostNumber() throws {
        try store.saveTopics([summary(9, posts: 250)])
        try store.savePosts((1...250).map { post(9, $0) })
        let first = try store.posts(topicID: 9, limit: 100)
        XCTAssertEqual(first.map(\.postNumber), Array(1...100))
        XCTAssertEqual(try store.posts(topicID: 9, from: 201, limit: 100).map(\.postNumber), Array(201...250))
        XCTAssertEqual(first.first?.plainText, "Post 1 of topic 9")
    }

    func testResavingATopicKeepsItsPostsAndRawOnceFetched() throws {
        try store.saveTopics([summary(4)])
        var withRaw = post(4, 1)
        withRaw.raw = "Post 1 of topic **4**"
        try store.savePosts([withRaw])
        try store.saveTopics([summary(4, title: "Renamed")])
        try store.savePosts([post(4, 1)])  // a later sync without raw
        XCTAssertEqual(try store.posts(topicID: 4).first?.raw, "Post 1 of topic **4**")
        XCTAssertEqual(try store.topic(id: 4).topic.title, "Renamed")
    }

    func testRawIsKeptForTheSameVersionAndDroppedForAnEditedOne() throws {
        try store.saveTopics([summary(4)])
        var first = post(4, 1)
        first.version = 1
        first.raw = "the original **markdown**"
        try store.savePosts([first])
        var again = post(4, 1)
        again.version = 1
        try store.savePosts([again])
        XCTAssertEqual(try store.posts(topicID: 4).first?.raw, "the original **markdown**", "same version")
        var edited = post(4, 1, text: "rewritten")
        edited.version = 2
        try store.savePosts([edited])
        let stored = try XCTUnwrap(try store.posts(topicID: 4).first)
        XCTAssertNil(stored.raw, "the old markdown would no longer match the post")
        XCTAssertEqual(stored.version, 2)
        XCTAssertEqual(stored.plainText, "rewritten")
    }

    func testReadStateDrivesNewAndUnreadCountsOffline() throws {
        try fill(topics: 3, postsEach: 5)
        XCTAssertEqual(try store.counts(inList: "latest").new, 3)
        try store.markRead(topicID: 1, upTo: 5)
        try store.markRead(topicID: 2, upTo: 2)
        try store.markRead(topicID: 2, upTo: 1)  // never goes backwards
        let counts = try store.counts(inList: "latest")
        XCTAssertEqual(counts.new, 1)
        XCTAssertEqual(counts.unread, 1)
        let entries = try store.topics(inList: "latest")
        XCTAssertEqual(entries.map(\.unreadPosts), [0, 3, 0])
        XCTAssertEqual(entries.map(\.isNew), [false, false, true])
        XCTAssertEqual(entries.map(\.topic.unread), [false, true, true])
    }

    func testTimingsAreBatchedIntoOneOutboxItemPerTopic() throws {
        try fill(topics: 2)
        try store.markRead(topicID: 1, upTo: 2, timings: [1: 1000, 2: 500])
        try store.markRead(topicID: 1, upTo: 3, timings: [2: 250, 3: 4000])
        try store.markRead(topicID: 2, upTo: 1, timings: [1: 800])
        XCTAssertEqual(try store.flushTimings(), 2)
        XCTAssertEqual(
            try store.outboxItems().map(\.action),
            [
                .timings(topicID: 1, topicTimeMs: 5750, timings: [1: 1000, 2: 750, 3: 4000]),
                .timings(topicID: 2, topicTimeMs: 800, timings: [1: 800]),
            ])
        XCTAssertEqual(try store.flushTimings(), 0)
    }
}
