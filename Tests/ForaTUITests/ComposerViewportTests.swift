import ForaCore
import XCTest

@testable import ForaTUI

/// The windowed body layout agrees with laying out the whole draft.
final class ComposerViewportTests: XCTestCase {
    private let text = Array(
        (0..<120).map { "line \($0) " + String(repeating: "wörd 日本 ", count: $0 % 13) }.joined(separator: "\n"))

    func testTheWindowShowsTheCursorRowsAsTheWholeLayoutDoes() {
        let whole = SoftWrap(text, width: 23)
        var viewport = BodyViewport()
        var cursors = Array(stride(from: 0, through: text.count, by: 89))
        cursors += cursors.reversed() + [text.count, 0, text.count / 2]
        for cursor in cursors {
            let (rows, position) = viewport.layout(text, cursor: cursor, width: 23, rows: 6)
            guard let first = rows.first, let start = whole.rows.firstIndex(of: first) else {
                return XCTFail("the window's first row is not a row of the whole layout (cursor \(cursor))")
            }
            XCTAssertEqual(rows, Array(whole.rows[start..<min(whole.rows.count, start + 6)]), "cursor \(cursor)")
            let expected = whole.position(of: cursor, in: text)
            XCTAssertEqual(start + position.row, expected.row, "cursor \(cursor)")
            XCTAssertEqual(position.column, expected.column, "cursor \(cursor)")
        }
    }

    func testMovingByRowsMatchesTheWholeLayout() {
        for cursor in stride(from: 0, through: text.count, by: 71) {
            for delta in [-7, -1, 1, 3, 40] {
                var reference = EditBuffer(String(text))
                reference.moveCursor(to: cursor)
                reference.moveVertically(by: delta, width: 23)
                let moved = BodyViewport.move(text, cursor: cursor, by: delta, column: nil, width: 23)
                XCTAssertEqual(moved.offset, reference.cursor, "from \(cursor) by \(delta)")
            }
        }
    }
}

/// The key names the composer's defaults use.
final class ComposerKeyNameTests: XCTestCase {
    func testAltAndPunctuationControlKeysRoundTrip() {
        XCTAssertEqual(KeyName.parse("M-b"), .alt("b"))
        XCTAssertEqual(KeyName.name(of: .alt("{")), "M-{")
        XCTAssertEqual(KeyName.parse("C-_"), .character("\u{1F}"))
        XCTAssertEqual(KeyName.name(of: .character("\u{1F}")), "C-_")
        XCTAssertEqual(KeyName.name(of: .character("\u{1E}")), "C-^")
        XCTAssertEqual(KeyName.name(of: .character("\u{18}")), "C-x")
    }

    func testEveryComposerKeyIsBoundOnceAndPrintableKeysStayText() {
        let keymap = Keymap()
        for operation in OperationTable.composerOperations {
            for key in keymap.ownKeys(for: operation.id, in: .composer) {
                if case .character(let character) = key {
                    XCTAssertTrue(character.isControl, "\(operation.name) takes the printable key \(character)")
                }
            }
        }
        XCTAssertEqual(keymap.ownOperation(for: .character("\u{18}"), in: .composer), .send)
        XCTAssertEqual(keymap.ownOperation(for: .tab, in: .composer), .complete)
        XCTAssertNil(keymap.ownOperation(for: .character("q"), in: .composer))
    }
}
