import Foundation
import GRDB
import XCTest

@testable import ForaStore

final class RecoveryTests: StoreTestCase {
    func testGarbageFileIsMovedAsideAndAFreshStoreCreated() throws {
        try store.close()
        store = nil
        try FileManager.default.removeItem(atPath: path)
        try Data(repeating: 0x5A, count: 64 * 1024).write(to: URL(fileURLWithPath: path))
        let (opened, recovery) = try StoreOpener.open(at: path)
        store = opened
        let report = try XCTUnwrap(recovery)
        XCTAssertTrue(FileManager.default.fileExists(atPath: report.movedAsideTo))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: report.movedAsideTo)).first, 0x5A, "kept as it was")
        XCTAssertTrue(report.message.contains("moved to"))
        XCTAssertEqual(try store.schemaVersion(), StoreSchema.versions.last)
    }

    func testDraftsAndOutboxAreSalvagedWhenOtherTablesAreDamaged() throws {
        try fill(topics: 40, postsEach: 40)
        try store.saveDraft(Draft(key: "topic_1", topicID: 1, body: "my long reply"))
        try store.enqueue(.reply(topicID: 2, raw: "unsent", replyToPostNumber: nil))
        let (pageSize, postsRoot) = try store.read { db in
            (
                try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096,
                try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'posts'") ?? 0
            )
        }
        try store.close()
        store = nil
        // Checkpointed into the main file by close; now scribble over the posts table's root.
        let handle = try XCTUnwrap(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: UInt64((postsRoot - 1) * pageSize))
        handle.write(Data(repeating: 0xFF, count: pageSize))
        try handle.close()

        let damaged = try Store.open(at: path)
        XCTAssertThrowsError(try damaged.posts(topicID: 1)) { error in
            guard case .corrupt = error as? StoreError else { return XCTFail("\(error)") }
        }
        try damaged.close()
        let (fresh, recovery) = try StoreOpener.recover(at: path, reason: "posts unreadable")
        store = fresh
        XCTAssertEqual(recovery?.salvagedDrafts, 1)
        XCTAssertEqual(recovery?.salvagedOutboxItems, 1)
        XCTAssertEqual(try store.draft(key: "topic_1")?.body, "my long reply")
        XCTAssertEqual(
            try store.outboxItems().map(\.action), [.reply(topicID: 2, raw: "unsent", replyToPostNumber: nil)])
        XCTAssertEqual(try store.stats().posts, 0)
    }
}
