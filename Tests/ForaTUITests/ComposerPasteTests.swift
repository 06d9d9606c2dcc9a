import XCTest

@testable import ForaTUI

/// Bracketed paste as curses delivers it (Alt-[ and characters), folded into `.paste` events.
final class ComposerPasteTests: XCTestCase {
    private func marker(_ last: Character) -> [InputEvent] {
        [.alt("["), .character("2"), .character("0"), .character(last), .character("~")]
    }

    func testAPasteBecomesOneEventWithItsTabsAndNewlines() {
        var filter = BracketedPaste()
        let events =
            marker("0") + [.character("a"), .tab, .enter, .character("b")] + marker("1") + [.character("x")]
        XCTAssertEqual(filter.filter(events), [.paste("a\t\nb"), .character("x")])
        XCTAssertFalse(filter.isPasting)
    }

    func testAPasteSpansReads() {
        var filter = BracketedPaste()
        XCTAssertEqual(filter.filter(marker("0") + [.character("h"), .character("e")]), [])
        XCTAssertTrue(filter.isPasting)
        XCTAssertEqual(filter.filter([.character("y"), .alt("[")]), [])
        XCTAssertEqual(filter.filter(Array(marker("1").dropFirst())), [.paste("hey")])
    }

    func testKeysThatOnlyLookLikeAMarkerPassThroughInOrder() {
        var filter = BracketedPaste()
        XCTAssertEqual(filter.filter([.alt("["), .character("q")]), [.alt("["), .character("q")])
        XCTAssertEqual(
            filter.filter([.alt("["), .character("2"), .character("x")]), [.alt("["), .character("2"), .character("x")])
        XCTAssertEqual(filter.filter([.alt("[")]), [.alt("[")], "a lone Alt-[ is not held back")
    }

    func testTheComposerInsertsAPasteAsOneUndoStep() {
        MainActor.assumeIsolated {
            let screen = ComposerScreen(target: ComposerTarget(topicID: 1, topicTitle: "t"), renderer: FakeRenderer())
            XCTAssertTrue(screen.takeInput(.character(">"), bound: false))
            XCTAssertTrue(screen.takeInput(.paste("line one\n\tcode"), bound: false))
            XCTAssertEqual(screen.body.text, ">line one\n    code")
            _ = screen.perform(.undo, count: nil)
            XCTAssertEqual(screen.body.text, ">")
        }
    }
}
