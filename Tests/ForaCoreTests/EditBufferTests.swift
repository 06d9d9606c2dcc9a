import XCTest

@testable import ForaCore

final class EditBufferTests: XCTestCase {
    func testTypingAndDeletingMoveByGraphemeClusters() {
        var buffer = EditBuffer()
        for piece in ["h", "i", " ", "👍🏽", "🇫🇷", "e\u{301}"] { buffer.insert(piece) }
        XCTAssertEqual(buffer.text, "hi 👍🏽🇫🇷é")
        XCTAssertEqual(buffer.cursor, 6)
        buffer.deleteBackward()
        buffer.deleteBackward()
        XCTAssertEqual(buffer.text, "hi 👍🏽", "a flag and an accented letter are one step each")
        buffer.moveLeft()
        buffer.insert("x")
        XCTAssertEqual(buffer.text, "hi x👍🏽")
    }

    func testACombiningMarkTypedAfterALetterJoinsIt() {
        var buffer = EditBuffer("cafe")
        buffer.insert("\u{301}")
        XCTAssertEqual(buffer.characters.count, 4)
        XCTAssertEqual(buffer.cursor, 4)
        XCTAssertEqual(buffer.text, "café")
    }

    func testWordAndLineMotion() {
        var buffer = EditBuffer("first line\nsecond  line here", cursorAtEnd: true)
        buffer.moveWordLeft()
        XCTAssertEqual(buffer.cursor, buffer.characters.count - 4)
        buffer.moveWordLeft()
        buffer.moveWordLeft()
        XCTAssertEqual(buffer.lineAndColumn.line, 1)
        XCTAssertEqual(buffer.lineAndColumn.column, 0)
        buffer.moveWordLeft()
        XCTAssertEqual(buffer.lineAndColumn.line, 0)
        XCTAssertEqual(buffer.lineAndColumn.column, 6)
        buffer.moveToLineEnd()
        XCTAssertEqual(buffer.cursor, 10)
        buffer.moveWordRight()
        XCTAssertEqual(buffer.cursor, 17)
        buffer.moveToLineStart()
        XCTAssertEqual(buffer.cursor, 11)
    }

    func testParagraphMotion() {
        var buffer = EditBuffer("one\ntwo\n\nthree\nfour\n\nfive", cursorAtEnd: false)
        buffer.moveParagraphDown()
        XCTAssertEqual(buffer.lineAndColumn.line, 2, "to the blank line after the first paragraph")
        buffer.moveParagraphDown()
        XCTAssertEqual(buffer.lineAndColumn.line, 5)
        buffer.moveParagraphUp()
        XCTAssertEqual(buffer.lineAndColumn.line, 3, "to the first line of the paragraph above")
        buffer.moveParagraphUp()
        XCTAssertEqual(buffer.cursor, 0)
    }

    func testParagraphDownFromTheLastLineStopsAtTheBlankLineAfterIt() {
        var buffer = EditBuffer("one\ntwo\n\n\nthree\nfour", cursorAtEnd: false)
        buffer.moveCursor(to: 5)
        buffer.moveParagraphDown()
        XCTAssertEqual(buffer.cursor, 8, "the first blank line, not past the next paragraph")
        buffer.moveParagraphDown()
        XCTAssertEqual(buffer.cursor, buffer.characters.count, "over the blanks and the last paragraph: the end")
    }

    func testKillAndYankLikeReadline() {
        var buffer = EditBuffer("hello brave new world")
        buffer.killWordBackward()
        XCTAssertEqual(buffer.text, "hello brave new ")
        XCTAssertEqual(buffer.killBuffer, "world")
        buffer.moveToLineStart()
        buffer.killToLineEnd()
        XCTAssertEqual(buffer.text, "")
        buffer.yank()
        XCTAssertEqual(buffer.text, "hello brave new ")
        var lines = EditBuffer("a\nb", cursorAtEnd: false)
        lines.moveToLineEnd()
        lines.killToLineEnd()
        XCTAssertEqual(lines.text, "ab", "Ctrl-K at the end of a line joins the next")
        lines.moveToEnd()
        lines.killToLineStart()
        XCTAssertEqual(lines.text, "")
    }

    func testUndoRemovesAWordAtATimeAndRedoRestoresIt() {
        var buffer = EditBuffer()
        for character in "one two" { buffer.insert(String(character)) }
        buffer.undo()
        XCTAssertEqual(buffer.text, "one ")
        buffer.undo()
        XCTAssertEqual(buffer.text, "")
        XCTAssertFalse(buffer.canUndo)
        buffer.redo()
        buffer.redo()
        XCTAssertEqual(buffer.text, "one two")
        buffer.insert("!")
        XCTAssertFalse(buffer.canRedo, "a new edit clears the redo history")
    }

    func testPasteIsOneUndoStep() {
        var buffer = EditBuffer("x")
        buffer.insert("pasted\nseveral lines")
        buffer.undo()
        XCTAssertEqual(buffer.text, "x")
    }

    func testReplaceAllIsUndoable() {
        var buffer = EditBuffer("draft")
        buffer.replaceAll(with: "from the editor")
        XCTAssertEqual(buffer.cursor, 15)
        buffer.undo()
        XCTAssertEqual(buffer.text, "draft")
    }

    func testBackspacesUndoAsOneWordAndRedoReplaysThem() {
        var buffer = EditBuffer("keep these words")
        for _ in 0..<5 { buffer.deleteBackward() }
        XCTAssertEqual(buffer.text, "keep these ")
        buffer.undo()
        XCTAssertEqual(buffer.text, "keep these words")
        XCTAssertEqual(buffer.cursor, 16)
        buffer.redo()
        XCTAssertEqual(buffer.text, "keep these ")
        XCTAssertEqual(buffer.cursor, 11)
    }

    func testKillsAreUndoable() {
        var buffer = EditBuffer("one two")
        buffer.killWordBackward()
        buffer.undo()
        XCTAssertEqual(buffer.text, "one two")
        XCTAssertEqual(buffer.cursor, 7)
    }

    func testUndoHistoryCostsTheEditsNotTheDraft() {
        var buffer = EditBuffer(String(repeating: "x", count: 20_000))
        for _ in 0..<2_000 { buffer.insert("y") }
        for _ in 0..<2_000 { buffer.undo() }
        XCTAssertEqual(buffer.text.count, 20_000)
        XCTAssertFalse(buffer.canUndo, "typing without spaces is one step, undone at once")
    }
}
