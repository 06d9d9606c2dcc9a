import XCTest

@testable import ForaCore

final class SoftWrapTests: XCTestCase {
    private func rows(_ text: String, width: Int) -> [String] {
        let characters = Array(text)
        return SoftWrap(characters, width: width).rows.map { String(characters[$0.start..<$0.end]) }
    }

    func testBreaksAtTheLastSpaceThatFits() {
        XCTAssertEqual(rows("the quick brown fox", width: 10), ["the quick ", "brown fox"])
        XCTAssertEqual(rows("a\n\nb", width: 10), ["a", "", "b"])
    }

    func testLongWordsBreakInsideButNeverInsideACluster() {
        XCTAssertEqual(rows("abcdefghij", width: 4), ["abcd", "efgh", "ij"])
        XCTAssertEqual(rows("日本語のテキスト", width: 5), ["日本", "語の", "テキ", "スト"], "wide characters take two columns")
        XCTAssertEqual(rows("👍🏽👍🏽👍🏽", width: 4), ["👍🏽👍🏽", "👍🏽"])
    }

    func testCursorPositionAndVerticalMotionUseDisplayColumns() {
        var buffer = EditBuffer("日本語 text\nabc", cursorAtEnd: false)
        buffer.moveCursor(to: 2)
        let layout = SoftWrap(buffer.characters, width: 40)
        XCTAssertEqual(layout.position(of: buffer.cursor, in: buffer.characters).column, 4)
        buffer.moveVertically(by: 1, width: 40)
        XCTAssertEqual(buffer.lineAndColumn.line, 1)
        XCTAssertEqual(buffer.lineAndColumn.column, 3, "column 4 is past the end of 'abc'")
        buffer.moveVertically(by: -1, width: 40)
        XCTAssertEqual(buffer.lineAndColumn.line, 0)
        buffer.moveVertically(by: -1, width: 40)
        XCTAssertEqual(buffer.cursor, 0)
    }

    func testMovingDownASoftWrappedLineStaysInTheLine() {
        var buffer = EditBuffer("the quick brown fox", cursorAtEnd: false)
        buffer.moveVertically(by: 1, width: 10)
        XCTAssertEqual(buffer.cursor, 10)
        XCTAssertEqual(buffer.lineAndColumn.line, 0)
    }

    func testAWindowMatchesTheSameRowsOfTheWholeLayout() {
        let text = (0..<200).map { "line \($0) " + String(repeating: "word ", count: $0 % 30) }.joined(separator: "\n")
        let characters = Array(text)
        let whole = SoftWrap(characters, width: 37)
        let offset = characters.count / 2
        let window = SoftWrap(characters, width: 37, fromLineAt: offset, rowLimit: 15)
        XCTAssertGreaterThanOrEqual(window.rows.count, 15)
        let first = whole.rows.firstIndex(of: window.rows[0])
        XCTAssertNotNil(first)
        if let first {
            XCTAssertEqual(Array(whole.rows[first..<first + window.rows.count]), window.rows)
        }
        XCTAssertLessThanOrEqual(window.rows[0].start, offset)
    }
}
