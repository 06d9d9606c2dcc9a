import ForaCore
import XCTest

@testable import ForaTUI

/// The terminal's cursor sits on the focus after every draw, on every screen: screen readers
/// and braille displays follow it and nothing else.
final class FocusCursorTests: XCTestCase, @unchecked Sendable {
    private let runner = TestRunner()

    @MainActor
    private func makeApp(
        rows: Int = 24, columns: Int = 80, config: TUIConfig = TUIConfig(), linear: Bool = false
    ) -> (AppController, GridTerminal) {
        let grid = GridTerminal(rows: rows, columns: columns)
        grid.presentation = Presentation(linear: linear, selectionMarker: config.accessibility.selectionMarker)
        let app = AppController(
            terminal: grid, service: FakeService(topics: FakeService.topics(30)), siteTitle: "http://demo.test",
            readerSource: FakeReaderSource(postCount: 40, solution: 5, lastRead: 10), runner: runner, config: config,
            renderer: FakeRenderer(), opener: RecordingOpener())
        app.start()
        runner.settle()
        app.draw()
        return (app, grid)
    }

    @MainActor
    private func press(_ app: AppController, _ keys: InputEvent...) {
        for key in keys {
            app.handle(key)
            app.draw()
            runner.settle()
            app.draw()
        }
    }

    @MainActor
    private func cursor(_ grid: GridTerminal) -> [Int] { grid.cursor.map { [$0.row, $0.column] } ?? [] }

    func testTheCursorFollowsTheSelectedRowOfTheListAndItsMarker() {
        MainActor.assumeIsolated {
            let (app, grid) = makeApp()
            XCTAssertEqual(cursor(grid), [1, 0], "on the first topic's row")
            XCTAssertTrue(grid.line(1).hasPrefix("> "), grid.line(1))
            XCTAssertTrue(grid.line(2).hasPrefix("  "), grid.line(2))
            press(app, .character("j"), .character("j"))
            XCTAssertEqual(cursor(grid), [3, 0])
            XCTAssertTrue(grid.line(3).hasPrefix("> "), "the marker moves with the selection:\n\(grid.text)")
            XCTAssertFalse(grid.line(1).hasPrefix(">"))
            press(app, .character("G"))
            XCTAssertEqual(cursor(grid), [22, 0], "the last topic at the bottom of the pane:\n\(grid.text)")
            XCTAssertTrue(grid.line(22).hasPrefix("> "))
            XCTAssertFalse(grid.cursorVisible, "hidden on lists unless configured or in the linear mode")
        }
    }

    func testTheCursorIsOnTheFocusedPostInTheReader() {
        MainActor.assumeIsolated {
            let (app, grid) = makeApp()
            press(app, .enter)
            XCTAssertTrue(grid.line(1).hasPrefix("#1 "), grid.text)
            XCTAssertEqual(cursor(grid), [1, 0], "on the first post's header")
            press(app, .character("J"))
            let second = (0..<24).first { grid.line($0).hasPrefix("#2 ") }
            XCTAssertEqual(cursor(grid), [second ?? -1, 0], "on the focused post's header:\n\(grid.text)")
            press(app, .character("j"))
            let third = (0..<24).first { grid.line($0).hasPrefix("#3 ") }
            XCTAssertEqual(cursor(grid), [third ?? -1, 0], "j moves the focus to the next post")
            press(app, .character("q"))
            XCTAssertEqual(cursor(grid), [1, 0], "back on the list's selected row")
        }
    }

    func testTheCursorWaitsOnThePromptsAnswerAndShows() {
        MainActor.assumeIsolated {
            let (app, grid) = makeApp()
            press(app, .character(":"))
            XCTAssertEqual(cursor(grid), [23, 1], "after the colon:\n\(grid.line(23))")
            for character in "goto" { app.handle(.character(character)) }
            app.draw()
            XCTAssertEqual(cursor(grid), [23, 5])
            XCTAssertTrue(grid.cursorVisible, "text is typed here")
            press(app, .escape)
            XCTAssertEqual(cursor(grid), [1, 0])
        }
    }

    func testOverlaysPutTheCursorOnTheirFocus() {
        MainActor.assumeIsolated {
            let (app, grid) = makeApp()
            press(app, .character("?"))
            XCTAssertTrue(grid.line(0).hasPrefix("Help"), grid.text)
            XCTAssertEqual(cursor(grid), [1, 0], "help: its first line")
            press(app, .character("q"))
            var confirmed = false
            let confirm = ConfirmScreen(question: "Delete post #3 by bob?") {
                confirmed = true
                return .none
            }
            app.overlays.append(confirm)
            app.draw()
            let answerRow = grid.text.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.hasPrefix(ConfirmScreen.answerPrompt) }
            XCTAssertEqual(cursor(grid), [answerRow ?? -1, ConfirmScreen.answerPrompt.count], grid.text)
            press(app, .character("1"))
            XCTAssertTrue(confirmed, "1 is yes")
        }
    }

    func testTheCursorIsAtTheComposersInsertionPoint() {
        MainActor.assumeIsolated {
            let (app, grid) = makeApp()
            press(app, .enter)
            let composer = ComposerScreen(target: ComposerTarget(topicID: 1, topicTitle: "T"), renderer: FakeRenderer())
            app.openComposer(composer, rows: 8)
            app.draw()
            let start = cursor(grid)
            for character in "hello" { app.handle(.character(character)) }
            app.draw()
            XCTAssertEqual(cursor(grid), [start[0], start[1] + 5], grid.text)
            XCTAssertTrue(grid.cursorVisible)
        }
    }

    func testTheCursorSettingShowsItEverywhereOrNowhere() {
        MainActor.assumeIsolated {
            var config = TUIConfig.parse("[ui]\ncursor = \"visible\"\n")
            var (_, grid) = makeApp(config: config)
            XCTAssertTrue(grid.cursorVisible)
            XCTAssertEqual(cursor(grid), [1, 0])
            config = TUIConfig.parse("[ui]\ncursor = \"hidden\"\n")
            let (app, hidden) = makeApp(config: config)
            press(app, .character(":"))
            XCTAssertFalse(hidden.cursorVisible, "hidden means hidden")
            XCTAssertEqual(cursor(hidden), [23, 1], "but still placed")
            grid = makeApp(linear: true).1
            XCTAssertTrue(grid.cursorVisible, "shown by default in the linear mode")
        }
    }

    func testTooSmallAndSideBySideKeepTheCursorInTheFocusedPane() {
        MainActor.assumeIsolated {
            let (app, grid) = makeApp(rows: 40, columns: 200)
            press(app, .enter)
            let frame = app.frame(rows: 40, columns: 200)
            XCTAssertEqual(frame?.sideBySide, true)
            XCTAssertEqual(cursor(grid), [1, frame?.reader?.column ?? -1], "the reader has the focus")
            press(app, .tab)
            XCTAssertEqual(cursor(grid), [1, 0], "the list has it now")
            grid.resize(rows: 5, columns: 20)
            app.draw()
            XCTAssertEqual(cursor(grid), [0, 0])
        }
    }
}
