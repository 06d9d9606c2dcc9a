import Foundation
import XCTest

@testable import ForaStore

/// A draft whose deletion failed after its post was queued does not come back as a draft,
/// and two journal flushes at once never leave the older text stored.
final class DraftsSentTests: StoreTestCase {
    func testADraftLeftBehindByAFailedDeleteIsRecognisedAsSent() throws {
        let saved = Date(timeIntervalSince1970: 1_800_000_000)
        let draft = Draft(key: "topic_5", topicID: 5, body: "Fixed by resetting the cache.\n", updatedAt: saved)
        try store.saveDraft(draft)
        XCTAssertFalse(try store.isDraftAlreadyQueued(draft))
        try store.enqueue(
            .reply(topicID: 5, raw: "Fixed by resetting the cache.", replyToPostNumber: nil), at: saved + 1)
        XCTAssertTrue(try store.isDraftAlreadyQueued(draft))
        // The same words written again later, or for another topic, are a real draft.
        XCTAssertFalse(try store.isDraftAlreadyQueued(Draft(key: "topic_5", body: draft.body, updatedAt: saved + 5)))
        XCTAssertFalse(try store.isDraftAlreadyQueued(Draft(key: "topic_6", body: draft.body, updatedAt: saved)))
    }

    func testTwoFlushesAtOnceNeverStoreTheOlderDraft() throws {
        let journal = DraftJournal(store: store, interval: .zero)
        let taken = DispatchSemaphore(value: 0)
        let go = DispatchSemaphore(value: 0)
        let first = FirstTime()
        journal.beforeWrite.withLock {
            $0 = { _ in
                guard first.take() else { return }
                taken.signal()
                go.wait()
            }
        }
        let group = DispatchGroup()
        // A flush takes the older text and is slow to store it…
        DispatchQueue.global().async(group: group) { journal.update(Draft(key: "topic_1", body: "older")) }
        taken.wait()
        // …while the newer text is typed and flushed.
        DispatchQueue.global().async(group: group) { journal.update(Draft(key: "topic_1", body: "newer")) }
        Thread.sleep(forTimeInterval: 0.2)
        go.signal()
        group.wait()
        try journal.flush()
        XCTAssertEqual(try store.draft(key: "topic_1")?.body, "newer")
    }
}

/// True the first time only, from any thread.
final class FirstTime: @unchecked Sendable {
    private let lock = NSLock()
    private var used = false

    func take() -> Bool {
        lock.withLock {
            defer { used = true }
            return !used
        }
    }
}
