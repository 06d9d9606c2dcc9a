import ForaCore
import ForaRender
import ForaStore
import Foundation
import XCTest

@testable import ForaTUI

/// A transport that cannot reach the site until told otherwise.
final class SwitchableTransport: OutboxTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var isReachable = false
    private var performed: [OutboxAction] = []
    let username = "alice"

    var reachable: Bool {
        get { lock.withLock { isReachable } }
        set { lock.withLock { isReachable = newValue } }
    }
    var sent: [OutboxAction] { lock.withLock { performed } }

    func perform(_ action: OutboxAction) async throws -> OutboxResult {
        try lock.withLock {
            guard isReachable else { throw ForaError.hostUnreachable(host: "127.0.0.1") }
            // The site refuses likes of post 7.
            if action == .like(postID: 7, topicID: 1) { throw ForaError.validation(["you cannot like that"]) }
            performed.append(action)
            return OutboxResult(remoteID: 99)
        }
    }
    func recentPosts(topicID: Int, count: Int) async throws -> [RemotePost] {
        guard reachable else { throw ForaError.hostUnreachable(host: "127.0.0.1") }
        return []
    }
    func recentTopics(createdBy username: String) async throws -> [RemoteTopic] { [] }
}

/// The status bar's outbox count, read from a real store: a reply queued while the site is
/// unreachable shows as pending, then goes once the site answers and the outbox is sent.
final class OutboxStatusTests: XCTestCase, @unchecked Sendable, AppDriving {
    let runner = TestRunner()
    private var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "fora-outbox-status-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: directory) }

    func testAReplyQueuedOfflineShowsAsPendingUntilTheOutboxIsSent() throws {
        let store = try Store.open(at: directory + "/store.sqlite")
        let transport = SwitchableTransport()
        var options = OutboxSender.Options()
        options.minimumInterval = .zero
        options.baseBackoff = 0
        let sender = OutboxSender(store: store, transport: transport, options: options)
        try MainActor.assumeIsolated {
            let grid = GridTerminal(rows: 30, columns: 100)
            let app = AppController(
                terminal: grid, service: FakeService(topics: FakeService.topics(3)), siteTitle: "http://demo.test",
                readerSource: FakeReaderSource(postCount: 3), runner: runner, renderer: FakeRenderer(),
                opener: RecordingOpener())
            var hooks = ComposerHooks()
            hooks.draftDelay = .zero
            hooks.sendInBackground = { post in
                try store.enqueue(
                    .reply(topicID: post.topicID ?? 0, raw: post.raw, replyToPostNumber: post.replyToPostNumber))
                _ = try? await sender.drain()
                return SendReceipt(message: "queued")
            }
            app.composerHooks = hooks
            app.outbox = OutboxWiring(counts: { try store.outboxCounts() }, send: { _ = try? await sender.drain() })
            app.start()
            runner.settle()
            app.draw()
            XCTAssertFalse(grid.line(29).contains("pending"), grid.line(29))
            press(app, .enter, .character("a"))
            for character in "A reply written while the site is away." { app.handle(.character(character)) }
            press(app, .character("\u{18}"))
            XCTAssertEqual(try store.outboxCounts(), OutboxCounts(waiting: 1, failed: 0))
            XCTAssertTrue(grid.line(29).contains("1 pending"), grid.line(29))

            transport.reachable = true
            app.loadList()  // the site answers again
            runner.settle()
            app.draw()
            XCTAssertEqual(transport.sent.count, 1)
            XCTAssertEqual(try store.outboxCounts(), OutboxCounts(waiting: 0, failed: 0))
            XCTAssertFalse(grid.line(29).contains("pending"), grid.line(29))
        }
    }

    func testRefusedWritesShowApartFromPendingOnes() throws {
        let store = try Store.open(at: directory + "/store.sqlite")
        try store.enqueue(.like(postID: 7, topicID: 1))
        try store.enqueue(.like(postID: 8, topicID: 1))
        let transport = SwitchableTransport()
        transport.reachable = true
        var options = OutboxSender.Options()
        options.minimumInterval = .zero
        let sender = OutboxSender(store: store, transport: transport, options: options)
        let drained = DispatchSemaphore(value: 0)
        Task.detached {
            _ = try? await sender.drain()
            drained.signal()
        }
        drained.wait()
        try store.enqueue(.like(postID: 9, topicID: 1))
        try MainActor.assumeIsolated {
            let grid = GridTerminal(rows: 30, columns: 100)
            let app = AppController(
                terminal: grid, service: FakeService(topics: FakeService.topics(3)), siteTitle: "http://demo.test",
                readerSource: nil, runner: runner, renderer: FakeRenderer(), opener: RecordingOpener())
            app.outbox = OutboxWiring(counts: { try store.outboxCounts() })
            app.start()
            runner.settle()
            app.draw()
            XCTAssertEqual(try store.outboxCounts(), OutboxCounts(waiting: 1, failed: 1))
            XCTAssertTrue(grid.line(29).contains("1 pending · 1 failed to send"), grid.line(29))
        }
    }
}
