import ForaCore
import XCTest

@testable import ForaTUI

/// The app on a grid terminal with a fake review queue, opened with `M`.
@MainActor
struct ReviewHarness {
    let app: AppController
    let grid: GridTerminal
    let runner: TestRunner
    let source: FakeReviewSource

    init(
        source: FakeReviewSource = FakeReviewSource(), rows: Int = 30, columns: Int = 120, config: TUIConfig? = nil,
        open: Bool = true
    ) {
        var settings = config ?? TUIConfig()
        settings.reviewPollSeconds = nil
        runner = TestRunner()
        grid = GridTerminal(rows: rows, columns: columns)
        self.source = source
        app = AppController(
            terminal: grid, service: FakeService(topics: FakeService.topics(5)), siteTitle: "http://demo.test",
            readerSource: FakeReaderSource(postCount: 20), runner: runner, config: settings,
            renderer: FakeRenderer(), opener: RecordingOpener(), reviewSource: source)
        app.start()
        runner.settle()
        app.draw()
        if open {
            press(.character("M"))
            app.reviewScreen?.now = { FakeReviewSource.now }
            app.draw()
        }
    }

    var screen: ReviewQueueScreen? { app.reviewScreen }
    var statusLine: String { grid.line(grid.size.rows - 1) }

    /// Keys in, background work settled, screen drawn.
    func press(_ keys: InputEvent...) {
        for key in keys {
            app.handle(key)
            runner.settle()
        }
        app.draw()
    }

    /// A key without settling: the request is still "running".
    func pressWithoutSettling(_ key: InputEvent) {
        app.handle(key)
        app.draw()
    }

    func type(_ text: String) {
        for character in text { app.handle(.character(character)) }
        runner.settle()
        app.draw()
    }

    /// The key the payload gives `actionID` on `item`.
    func key(_ actionID: String, on item: Int) -> InputEvent {
        let entry = screen?.queue.items.first { $0.id == item }
        let keys = entry.flatMap { screen?.keys(for: $0) } ?? []
        guard let key = keys.first(where: { $0.action.id == actionID })?.key else {
            XCTFail("no key for \(actionID) on #\(item)")
            return .character("~")
        }
        return .character(key)
    }

    /// Moves the cursor to `item`.
    func select(_ item: Int) {
        screen?.queue.select(item)
        app.draw()
    }
}
