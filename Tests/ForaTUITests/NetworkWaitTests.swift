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
                handler(
                    NetworkWait(
                        message: "rate limited by the server: waiting 0.2s before retrying /latest.json",
                        seconds: 0.2, rateLimited: true))
                reported.fulfill()
            }
            wait(for: [reported], timeout: 5)
            // The first job shows the wait; the one it queues ends it.
            XCTAssertEqual(runner.pending, 1)
            runner.settleOne()
            app.draw()
            XCTAssertTrue(grid.line(23).contains("rate limited, 1s"), grid.line(23))
            XCTAssertTrue(grid.line(23).contains("waiting 0.2s"), grid.line(23))
            runner.settle()
            app.draw()
            XCTAssertFalse(grid.line(23).contains("rate limited"), grid.line(23))
            XCTAssertFalse(grid.line(23).contains("waiting 0.2s"), grid.line(23))
        }
    }
}
