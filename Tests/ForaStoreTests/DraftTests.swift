import Foundation
import XCTest

@testable import ForaStore

final class DraftTests: StoreTestCase {
    func testDraftsRoundTripAndList() throws {
        try store.saveDraft(Draft(key: "topic_3", topicID: 3, body: "first", updatedAt: Date(timeIntervalSince1970: 1)))
        try store.saveDraft(
            Draft(key: "new_topic", title: "Idea", body: "x", updatedAt: Date(timeIntervalSince1970: 2)))
        XCTAssertEqual(try store.drafts().map(\.key), ["new_topic", "topic_3"])
        try store.deleteDraft(key: "new_topic")
        XCTAssertNil(try store.draft(key: "new_topic"))
    }

    /// What a second process (the next fora after a crash) sees while the journal's owner
    /// is still alive and never flushed or closed.
    func testJournalIsAtMostAnIntervalBehindWithoutFlush() async throws {
        let journal = DraftJournal(store: store, interval: .milliseconds(300))
        let reader = try Store.open(at: path)
        defer { try? reader.close() }
        journal.update(Draft(key: "topic_1", topicID: 1, body: "H"))
        XCTAssertEqual(try reader.draft(key: "topic_1")?.body, "H", "the first keystroke is written at once")
        for text in ["He", "Hel", "Hell", "Hello"] { journal.update(Draft(key: "topic_1", topicID: 1, body: text)) }
        XCTAssertEqual(try reader.draft(key: "topic_1")?.body, "H", "later keystrokes are coalesced")
        let deadline = ContinuousClock.now + .seconds(1)
        while try reader.draft(key: "topic_1")?.body != "Hello", ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        XCTAssertEqual(try reader.draft(key: "topic_1")?.body, "Hello", "written within a second")
    }

    func testFlushWritesAtOnce() throws {
        let journal = DraftJournal(store: store, interval: .seconds(30))
        journal.update(Draft(key: "k", body: "a"))
        journal.update(Draft(key: "k", body: "ab"))
        try journal.flush()
        XCTAssertEqual(try store.draft(key: "k")?.body, "ab")
    }
}
