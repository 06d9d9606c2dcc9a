import ForaCore
import ForaStore
import Foundation
import XCTest

@testable import ForaTUI

/// `l` likes and `B` bookmarks the post at the top of the reader through the outbox: the write
/// is committed first, and while the site cannot take it the user is told it waits.
final class PostWritesTests: XCTestCase, @unchecked Sendable {
    private let runner = TestRunner()
    private var directory = ""
    private var store: Store?

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "fora-post-writes-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        store = try Store.open(at: directory + "/store.sqlite")
    }

    override func tearDown() {
        store = nil
        try? FileManager.default.removeItem(atPath: directory)
    }

    func testLikeAndBookmarkAreQueuedForThePostAtTheTop() throws {
        let store = try XCTUnwrap(store)
        MainActor.assumeIsolated {
            let grid = GridTerminal(rows: 24, columns: 120)
            let app = AppController(
                terminal: grid, service: FakeService(topics: FakeService.topics(5)), siteTitle: "http://demo.test",
                readerSource: FakeReaderSource(postCount: 10), runner: runner, config: TUIConfig(),
                renderer: FakeRenderer(), opener: RecordingOpener())
            // The site does not answer: the write stays pending in the outbox.
            app.queueWrite = { action in try store.enqueue(action) }
            app.outbox = OutboxWiring(counts: { try store.outboxCounts() })
            app.start()
            runner.settle()
            for key in [InputEvent.enter, .character("J"), .character("l"), .character("B")] {
                app.handle(key)
                runner.settle()
            }
            app.draw()
            XCTAssertTrue(grid.line(23).contains("2 pending"), grid.line(23))
            XCTAssertTrue(grid.line(23).contains("queued: post #2 is bookmarked"), grid.line(23))
        }
        let actions = try store.outboxItems().map(\.action)
        guard actions.count == 2, case .like(let liked, _) = actions[0], case .bookmark(let marked, _) = actions[1]
        else { return XCTFail("\(actions)") }
        XCTAssertEqual(liked, marked, "both for the post at the top")
    }

    /// `l` does not open a topic from a list: pressed twice it would open one and like its post.
    func testLFromAListOpensNothingAndLikesNothing() throws {
        let store = try XCTUnwrap(store)
        MainActor.assumeIsolated {
            let grid = GridTerminal(rows: 24, columns: 120)
            let app = AppController(
                terminal: grid, service: FakeService(topics: FakeService.topics(5)), siteTitle: "http://demo.test",
                readerSource: FakeReaderSource(postCount: 10), runner: runner, config: TUIConfig(),
                renderer: FakeRenderer(), opener: RecordingOpener())
            app.queueWrite = { action in try store.enqueue(action) }
            app.start()
            runner.settle()
            for key in [InputEvent.character("l"), .character("l")] {
                app.handle(key)
                runner.settle()
            }
            app.draw()
            XCTAssertTrue(grid.line(0).hasPrefix("Latest"), grid.text)
        }
        XCTAssertEqual(try store.outboxItems().count, 0, "nothing liked")
    }

    /// `l` twice queues a like then an unlike of the same post; `:unlike` on a post not liked
    /// sends nothing; `B` twice queues a bookmark then its removal.
    func testLikeAndBookmarkToggleThroughTheOutbox() throws {
        let store = try XCTUnwrap(store)
        MainActor.assumeIsolated {
            let grid = GridTerminal(rows: 24, columns: 120)
            let app = AppController(
                terminal: grid, service: FakeService(topics: FakeService.topics(5)), siteTitle: "http://demo.test",
                readerSource: FakeReaderSource(postCount: 10), runner: runner, config: TUIConfig(),
                renderer: FakeRenderer(), opener: RecordingOpener())
            app.queueWrite = { action in try store.enqueue(action) }
            app.start()
            runner.settle()
            let keys: [InputEvent] =
                [.enter, .character("l"), .character("l")] + ":unlike".map { .character($0) } + [.enter]
            for key in keys {
                app.handle(key)
                runner.settle()
            }
            app.draw()
            XCTAssertTrue(grid.line(23).contains("already unliked: nothing sent"), grid.line(23))
            for key in [InputEvent.character("B"), .character("B")] {
                app.handle(key)
                runner.settle()
            }
        }
        let actions = try store.outboxItems().map(\.action)
        guard actions.count == 4, case .like(let liked, _) = actions[0], case .unlike(let unliked, _) = actions[1],
            case .bookmark(let marked, _) = actions[2], case .unbookmark(let unmarked, _) = actions[3]
        else { return XCTFail("\(actions)") }
        XCTAssertEqual([liked, unliked, marked], [unmarked, unmarked, unmarked], "all for the focused post")
    }

    func testAcceptingASolutionIsCommittedToTheOutboxFirst() throws {
        let store = try XCTUnwrap(store)
        MainActor.assumeIsolated {
            let grid = GridTerminal(rows: 24, columns: 120)
            let app = AppController(
                terminal: grid, service: FakeService(topics: FakeService.topics(5)), siteTitle: "http://demo.test",
                readerSource: FakeReaderSource(postCount: 10), runner: runner, config: TUIConfig(),
                renderer: FakeRenderer(), opener: RecordingOpener())
            app.queueWrite = { action in try store.enqueue(action) }
            app.outbox = OutboxWiring(counts: { try store.outboxCounts() })
            app.start()
            runner.settle()
            for key in [InputEvent.enter, .character("J"), .character("S")] {
                app.handle(key)
                runner.settle()
            }
            app.draw()
            XCTAssertTrue(grid.line(23).contains("queued: #2 becomes the solution"), grid.line(23))
            XCTAssertTrue(grid.line(23).contains("1 pending"), grid.line(23))
        }
        guard case .accept = try store.outboxItems().first?.action else {
            return XCTFail("the accept waits in the outbox")
        }
    }

    func testWithoutAStoreTheReaderSaysWritingIsUnavailable() {
        MainActor.assumeIsolated {
            let grid = GridTerminal(rows: 24, columns: 120)
            let app = AppController(
                terminal: grid, service: FakeService(topics: FakeService.topics(5)), siteTitle: "http://demo.test",
                readerSource: FakeReaderSource(postCount: 10), runner: runner, config: TUIConfig(),
                renderer: FakeRenderer(), opener: RecordingOpener())
            app.start()
            runner.settle()
            app.handle(.enter)
            runner.settle()
            app.handle(.character("l"))
            app.draw()
            XCTAssertTrue(grid.line(23).contains("writing is not available here"), grid.line(23))
        }
    }
}
