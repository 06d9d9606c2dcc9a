import ForaCore
import Foundation
import XCTest

@testable import ForaStore
@testable import ForaTUI

/// `:outbox` over a real store on an 80x24 grid: the items with their state in words, `r`
/// makes a failed item due now, `d` drops only after a `y` that names the item.
final class OutboxScreenTests: XCTestCase, @unchecked Sendable, AppDriving {
    let runner = TestRunner()
    private var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "fora-outbox-screen-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: directory) }

    /// A store with a like that failed and a bookmark still waiting.
    private func storeWithItems() throws -> (Store, failed: OutboxItem, waiting: OutboxItem) {
        let store = try Store.open(at: directory + "/store.sqlite")
        let failed = try store.enqueue(.like(postID: 41, topicID: 7))
        try store.finishAttempt(
            id: failed.id, state: .failed, reason: "you have already liked this post", nextAttemptAt: nil, at: Date())
        let waiting = try store.enqueue(.bookmark(postID: 42, topicID: 7))
        return (store, try store.outboxItem(id: failed.id), waiting)
    }

    @MainActor
    private func makeApp(_ store: Store) -> (AppController, GridTerminal) {
        let grid = GridTerminal(rows: 24, columns: 80)
        let app = AppController(
            terminal: grid, service: FakeService(topics: FakeService.topics(3)), siteTitle: "http://demo.test",
            readerSource: FakeReaderSource(postCount: 3), runner: runner, renderer: FakeRenderer(),
            opener: RecordingOpener())
        app.outboxSource = OutboxSource(
            items: { try store.outboxItems() }, retry: { try store.retryOutboxItem(id: $0) },
            drop: { try store.dropOutboxItem(id: $0) })
        app.start()
        runner.settle()
        app.draw()
        return (app, grid)
    }

    @MainActor
    private func command(_ app: AppController, _ line: String) {
        app.handle(.character(":"))
        for character in line { app.handle(.character(character)) }
        press(app, .enter)
    }

    private func screenText(_ grid: GridTerminal) -> String { (0..<24).map { grid.line($0) }.joined(separator: "\n") }

    func testOutboxListsItemsWithStateAttemptsAndReasonInWords() throws {
        let (store, failed, waiting) = try storeWithItems()
        MainActor.assumeIsolated {
            let (app, grid) = makeApp(store)
            command(app, "outbox")
            XCTAssertTrue(app.focused is OutboxScreen)
            let text = screenText(grid)
            XCTAssertTrue(grid.line(0).hasPrefix("Outbox: 2 items"), grid.line(0))
            XCTAssertTrue(
                text.contains("#\(failed.id)  like  post 41  failed  0 attempts  reason: you have already liked"), text)
            XCTAssertTrue(text.contains("#\(waiting.id)  bookmark  post 42  pending"), text)
            XCTAssertEqual(grid.cursor?.row, 1, "the terminal cursor sits on the selected item")
        }
    }

    func testRRetriesTheFailedItemAndDropNeedsY() throws {
        let (store, failed, waiting) = try storeWithItems()
        try MainActor.assumeIsolated {
            let (app, grid) = makeApp(store)
            command(app, "outbox")
            press(app, .character("r"))
            XCTAssertEqual(try store.outboxItem(id: failed.id).state, .pending)
            XCTAssertTrue(screenText(grid).contains("will be sent now"), screenText(grid))
            // d then any other key: nothing dropped.
            press(app, .character("j"), .character("d"))
            XCTAssertTrue(screenText(grid).contains("drop #\(waiting.id) bookmark post 42"), screenText(grid))
            press(app, .character("n"))
            XCTAssertNoThrow(try store.outboxItem(id: waiting.id))
            XCTAssertTrue(screenText(grid).contains("drop cancelled"), screenText(grid))
            // d then y drops exactly the named item.
            press(app, .character("d"), .character("y"))
            XCTAssertThrowsError(try store.outboxItem(id: waiting.id))
            XCTAssertNoThrow(try store.outboxItem(id: failed.id))
            XCTAssertTrue(grid.line(0).hasPrefix("Outbox: 1 item"), grid.line(0))
            press(app, .character("q"))
            XCTAssertFalse(app.focused is OutboxScreen)
        }
    }
}
