import ForaCore
import XCTest

@testable import ForaTUI

final class ListNavigatorTests: XCTestCase {
    func testCursorStaysInBoundsAndWindowFollows() {
        MainActor.assumeIsolated {
            var nav = ListNavigator(count: 10, visibleRows: 3)
            nav.move(by: -1)
            XCTAssertEqual(nav.cursor, 0)
            nav.move(by: 4)
            XCTAssertEqual(nav.cursor, 4)
            XCTAssertEqual(nav.visibleRange, 2..<5)
            nav.toLast()
            XCTAssertEqual(nav.cursor, 9)
            XCTAssertEqual(nav.visibleRange, 7..<10)
            nav.pageUp()
            XCTAssertEqual(nav.cursor, 6)
            nav.toFirst()
            XCTAssertEqual(nav.visibleRange, 0..<3)
        }
    }

    func testShrinkingTheListClampsTheCursor() {
        MainActor.assumeIsolated {
            var nav = ListNavigator(count: 10, visibleRows: 5)
            nav.toLast()
            nav.update(count: 2, visibleRows: 5)
            XCTAssertEqual(nav.cursor, 1)
            XCTAssertEqual(nav.top, 0)
        }
    }
}

/// XCTest on Linux cannot run `@MainActor` test methods; it runs tests on the main thread, so
/// each test asserts that isolation instead.
final class ThreadListScreenTests: XCTestCase {
    @MainActor
    private static func makeScreen() -> ThreadListScreen {
        let screen = ThreadListScreen(siteTitle: "http://127.0.0.1:8766")
        let topics = (1...30).map {
            Topic(
                id: $0, title: $0 == 2 ? "日本語のタイトル" : "Topic number \($0)", categoryID: 1, replyCount: $0,
                views: $0 * 10)
        }
        screen.show(topics: topics, categories: [Category(id: 1, name: "Support", slug: "support")])
        return screen
    }

    func testDrawsRowsAndStatusAt80x24() {
        MainActor.assumeIsolated {
            let grid = GridTerminal(rows: 24, columns: 80)
            let screen = Self.makeScreen()
            screen.draw(on: grid)
            XCTAssertTrue(grid.line(0).contains("127.0.0.1:8766"))
            XCTAssertTrue(grid.line(1).contains("Topic number 1"))
            XCTAssertTrue(grid.line(1).contains("Support"))
            XCTAssertTrue(grid.line(23).contains("online"))
            // The CJK title's row keeps the numeric columns aligned with its neighbours.
            let ascii = grid.line(1)
            let cjk = grid.line(2)
            XCTAssertEqual(DisplayWidth.of(ascii), 80)
            XCTAssertEqual(DisplayWidth.of(cjk), 80)
            XCTAssertEqual(grid.style(row: 1, column: 5), .selected)
        }
    }

    func testKeysMoveTheCursorAndQQuits() {
        MainActor.assumeIsolated {
            let screen = Self.makeScreen()
            let grid = GridTerminal(rows: 10, columns: 40)
            screen.draw(on: grid)
            XCTAssertEqual(screen.handle(.character("j")), .none)
            XCTAssertEqual(screen.navigator.cursor, 1)
            _ = screen.handle(.character("G"))
            XCTAssertEqual(screen.navigator.cursor, 29)
            screen.draw(on: grid)
            XCTAssertTrue(grid.text.contains("Topic number 30"))
            XCTAssertEqual(screen.handle(.character("q")), .quit)
        }
    }

    func testTinyTerminalShowsANotice() {
        MainActor.assumeIsolated {
            let grid = GridTerminal(rows: 8, columns: 30)
            Self.makeScreen().draw(on: grid)
            XCTAssertTrue(grid.text.contains("too small"))
            XCTAssertFalse(grid.text.contains("Topic number"))
        }
    }

    func testErrorShowsInTheStatusBar() {
        MainActor.assumeIsolated {
            let screen = ThreadListScreen(siteTitle: "http://127.0.0.1:9")
            screen.show(error: ForaError.hostUnreachable(host: "127.0.0.1:9").message)
            let grid = GridTerminal(rows: 24, columns: 80)
            screen.draw(on: grid)
            XCTAssertTrue(grid.line(23).contains("cannot connect to 127.0.0.1:9"), grid.line(23))
        }
    }
}
