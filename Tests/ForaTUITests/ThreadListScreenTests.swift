import ForaCore
import XCTest

@testable import ForaTUI

final class ListNavigatorTests: XCTestCase {
    func testCursorStaysInBoundsAndWindowFollows() {
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

    func testShrinkingTheListClampsTheCursor() {
        var nav = ListNavigator(count: 10, visibleRows: 5)
        nav.toLast()
        nav.update(count: 2, visibleRows: 5)
        XCTAssertEqual(nav.cursor, 1)
        XCTAssertEqual(nav.top, 0)
    }
}

/// XCTest on Linux cannot run `@MainActor` test methods; it runs tests on the main thread, so
/// each test asserts that isolation instead.
final class ThreadListScreenTests: XCTestCase {
    @MainActor
    private static func makeScreen() -> ThreadListScreen {
        let screen = ThreadListScreen(siteTitle: "http://127.0.0.1:8766")
        var topics = FakeService.topics(30)
        topics[1].title = "日本語のタイトル"
        screen.show(topics: topics, categories: [Category(id: 1, name: "Support", slug: "support", color: "0088CC")])
        return screen
    }

    func testDrawsRowsWithAlignedColumnsAndCategoryColour() {
        MainActor.assumeIsolated {
            let grid = GridTerminal(rows: 23, columns: 80)
            let screen = Self.makeScreen()
            screen.draw(on: grid, focused: true)
            XCTAssertTrue(grid.line(0).contains("127.0.0.1:8766"))
            XCTAssertTrue(grid.line(1).contains("Topic number 1"))
            XCTAssertTrue(grid.line(1).contains("Support"))
            // The CJK title's row keeps the numeric columns aligned with its neighbours.
            XCTAssertEqual(DisplayWidth.of(grid.line(1)), 80)
            XCTAssertEqual(DisplayWidth.of(grid.line(2)), 80)
            XCTAssertEqual(grid.style(row: 1, column: 5), .selected)
            let column = DisplayWidth.of(String(grid.line(2).prefix { $0 != "S" }))
            XCTAssertEqual(grid.style(row: 2, column: column), .category("0088CC"))
        }
    }

    func testCountsMoveFurtherAndOpenReturnsTheTopic() {
        MainActor.assumeIsolated {
            let screen = Self.makeScreen()
            screen.draw(on: GridTerminal(rows: 9, columns: 40), focused: true)
            XCTAssertEqual(screen.perform(.moveDown, count: nil), .none)
            XCTAssertEqual(screen.navigator.cursor, 1)
            _ = screen.perform(.moveDown, count: 5)
            XCTAssertEqual(screen.navigator.cursor, 6)
            _ = screen.perform(.last, count: nil)
            XCTAssertEqual(screen.navigator.cursor, 29)
            _ = screen.perform(.last, count: 4)
            XCTAssertEqual(screen.navigator.cursor, 3)
            XCTAssertEqual(screen.perform(.open, count: nil), .openTopic(screen.topics[3]))
            XCTAssertEqual(screen.perform(.back, count: nil), .back)
        }
    }

    func testSearchFindsTitlesAndRepeatsWithN() {
        MainActor.assumeIsolated {
            let screen = Self.makeScreen()
            XCTAssertTrue(screen.search("number 2", forward: true))
            XCTAssertEqual(screen.navigator.cursor, 19)  // "number 20": the cursor starts on 1, 2 is CJK
            _ = screen.perform(.searchNext, count: nil)
            XCTAssertEqual(screen.navigator.cursor, 20)
            _ = screen.perform(.searchPrevious, count: nil)
            XCTAssertEqual(screen.navigator.cursor, 19)
            XCTAssertFalse(screen.search("no such title", forward: true))
        }
    }

    func testRefreshKeepsTheCursorOnTheSameTopic() {
        MainActor.assumeIsolated {
            let screen = Self.makeScreen()
            screen.draw(on: GridTerminal(rows: 24, columns: 80), focused: true)
            _ = screen.perform(.moveDown, count: 4)
            let selected = screen.selectedTopic?.id
            var reordered = FakeService.topics(30)
            reordered.insert(Topic(id: 99, title: "Brand new"), at: 0)
            screen.show(topics: reordered, categories: [])
            XCTAssertEqual(screen.selectedTopic?.id, selected)
        }
    }
}
