import ForaCore
import XCTest

@testable import ForaTUI

/// A request held back by a 429 or by pacing says so in the status bar while it waits, from any
/// screen, and the notice goes when the wait is over.
final class NetworkWaitTests: XCTestCase, @unchecked Sendable {
    private let runner = TestRunner()

    func testAWaitShowsWhileItLastsAndGoesAfter() {
        MainActor.assumeIsolated {
            let grid = GridTerminal(rows: 24, columns: 120)
            let app = AppController(
                terminal: grid, service: FakeService(topics: FakeService.topics(5)), siteTitle: "http://demo.test",
                readerSource: nil, runner: runner, config: TUIConfig(), renderer: FakeRenderer(),
                opener: RecordingOpener())
            app.start()
            runner.settle()
            app.draw()
            XCTAssertFalse(grid.line(23).contains("rate limited"), grid.line(23))

            // From another thread, as the HTTP client reports it.
            let handler = app.networkWaitHandler
            let reported = expectation(description: "reported")
            DispatchQueue.global().async {
                handler(NetworkWait(kind: .rateLimited, seconds: 0.2))
                reported.fulfill()
            }
            wait(for: [reported], timeout: 5)
            // The first job shows the wait; the one it queues ends it.
            XCTAssertEqual(runner.pending, 1)
            runner.settleOne()
            app.draw()
            XCTAssertTrue(grid.line(23).contains("rate limited, 1s"), grid.line(23))
            runner.settle()
            app.draw()
            XCTAssertFalse(grid.line(23).contains("rate limited"), grid.line(23))
        }
    }

    func testPacingAndRetriesShowBesideTheMessageNotInsteadOfIt() {
        MainActor.assumeIsolated {
            let grid = GridTerminal(rows: 24, columns: 140)
            let app = AppController(
                terminal: grid, service: FakeService(topics: FakeService.topics(5)), siteTitle: "http://demo.test",
                readerSource: nil, runner: runner, config: TUIConfig(), renderer: FakeRenderer(),
                opener: RecordingOpener())
            app.start()
            runner.settle()
            app.status.message = "queued: the reply waits in the outbox"
            app.show(NetworkWait(kind: .pacing, seconds: 0.3))
            app.draw()
            XCTAssertTrue(grid.line(23).contains("waiting 1s (site limit)"), grid.line(23))
            XCTAssertTrue(grid.line(23).contains("queued: the reply waits"), grid.line(23))
            app.show(NetworkWait(kind: .retrying, seconds: 0.1))
            app.draw()
            XCTAssertTrue(grid.line(23).contains("retrying in 1s"), grid.line(23))
            // Only the latest wait's end clears the notice.
            runner.settle()
            app.draw()
            XCTAssertFalse(grid.line(23).contains("retrying"), grid.line(23))
        }
    }
}
