import Foundation
import GRDB
import XCTest

@testable import ForaStore

final class HousekeepingTests: StoreTestCase {
    func testEvictionDropsLeastRecentlyReadAndSparesProtectedTopics() throws {
        try fill(topics: 8)
        let now = Date()
        try store.markRead(topicID: 1, upTo: 1, at: now)
        try store.markRead(topicID: 2, upTo: 1, at: now.addingTimeInterval(-10))
        try store.addBookmark(topicID: 3, postID: nil)
        try store.saveDraft(Draft(key: "topic_4", topicID: 4, body: "wip"))
        try store.enqueue(.reply(topicID: 5, raw: "queued", replyToPostNumber: nil))
        try store.noteOpened(topicID: 6, at: now.addingTimeInterval(-5))
        XCTAssertEqual(try store.evict(keepingAtMost: 6), 2)
        let left = Set(try store.topics(inList: "latest").map(\.topic.id))
        XCTAssertEqual(left, [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(try store.evict(keepingAtMost: 0), 3)
        XCTAssertEqual(Set(try store.topics(inList: "latest").map(\.topic.id)), [3, 4, 5])
        XCTAssertEqual(try store.stats().posts, 9)
        XCTAssertEqual(try store.lastReadPostNumber(topicID: 1), 1, "read state outlives eviction")
    }

    func testStatsVacuumAndClearKeepUserWork() throws {
        try fill(topics: 20, postsEach: 20)
        try store.saveDraft(Draft(key: "k", body: "keep me"))
        try store.enqueue(.like(postID: 1, topicID: 1))
        let before = try store.stats()
        XCTAssertEqual(before.topics, 20)
        XCTAssertEqual(before.posts, 400)
        XCTAssertEqual(before.outboxUnsent, 1)
        XCTAssertGreaterThan(before.fileBytes, 0)
        try store.clearCache()
        try store.vacuum()
        let after = try store.stats()
        XCTAssertEqual([after.topics, after.posts, after.drafts, after.outboxUnsent], [0, 0, 1, 1])
        XCTAssertLessThanOrEqual(after.fileBytes, before.fileBytes)
        XCTAssertThrowsError(try store.topics(inList: "latest"))
    }

    func testEvictToFitBytes() throws {
        try fill(topics: 30, postsEach: 30)
        let size = try store.read { db in
            (try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0)
                * (try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 0)
        }
        XCTAssertGreaterThan(try store.evict(toFitBytes: size / 2), 0)
        XCTAssertLessThan(try store.stats().topics, 30)
        XCTAssertEqual(try store.evict(toFitBytes: size * 10), 0)
    }

    func testAFullDiskFailsTheWriteClearlyAndLosesNothing() throws {
        try store.saveDraft(Draft(key: "safe", body: "already stored"))
        let pages = try store.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        try StoreError.mapping {
            try store.pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA max_page_count = \(pages + 2)")
            }
        }
        let big = String(repeating: "lorem ipsum ", count: 5_000)
        var failure: (any Error)?
        do {
            for index in 1...20 { try store.saveDraft(Draft(key: "d\(index)", body: big)) }
        } catch {
            failure = error
        }
        XCTAssertEqual(failure as? StoreError, .diskFull)
        XCTAssertTrue((failure as? StoreError)?.message.contains("nothing was lost") ?? false)
        XCTAssertEqual(try store.draft(key: "safe")?.body, "already stored")
        let journal = DraftJournal(store: store)
        journal.update(Draft(key: "typed", body: big + big))
        XCTAssertEqual(journal.lastError, .diskFull)
    }
}
