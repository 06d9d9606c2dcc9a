import XCTest

@testable import ForaTUI

final class HelpScreenTests: XCTestCase {
    func testHelpIsGeneratedFromTheTableAndTheLiveKeymap() {
        MainActor.assumeIsolated {
            let help = HelpScreen(for: .reader, keymap: Keymap())
            for operation in OperationTable.all where operation.keys[.reader] != nil {
                XCTAssertTrue(help.text.contains(operation.description), "missing \(operation.name)")
            }
            XCTAssertTrue(help.text.contains(":goto-post"))
            XCTAssertFalse(help.lines.contains { $0.text.hasPrefix("  Enter") }, "list-only keys stay out")
            let row = help.lines.first { $0.text.contains("Next unread post") }?.text ?? ""
            XCTAssertTrue(row.hasPrefix("  u "), row)

            var keymap = Keymap()
            keymap.rebind(.nextUnread, to: [.character("\u{0E}")], in: .reader)
            let remapped = HelpScreen(for: .reader, keymap: keymap)
            let newRow = remapped.lines.first { $0.text.contains("Next unread post") }?.text ?? ""
            XCTAssertTrue(newRow.hasPrefix("  C-n "), newRow)
        }
    }

    func testHelpScrollsAndDrawsAtTheSmallestSize() {
        MainActor.assumeIsolated {
            let help = HelpScreen(for: .list, keymap: Keymap())
            let grid = GridTerminal(rows: 9, columns: 40)
            help.draw(on: grid, focused: true)
            XCTAssertTrue(grid.line(0).hasPrefix("Help"))
            let first = grid.line(1)
            _ = help.perform(.moveDown, count: 3)
            help.draw(on: grid, focused: true)
            XCTAssertNotEqual(grid.line(1), first)
            XCTAssertEqual(help.perform(.back, count: nil), .back)
        }
    }

    func testStatusHintsFollowTheKeymap() {
        var keymap = Keymap()
        let groups: [[OperationID]] = [[.moveDown, .moveUp], [.open], [.help]]
        XCTAssertEqual(KeyHints.text(for: groups, context: .list, keymap: keymap), "j/k move  Enter open  ? help")
        keymap.rebind(.moveDown, to: [.character("t")], in: .list)
        XCTAssertEqual(KeyHints.text(for: groups, context: .list, keymap: keymap), "t/k move  Enter open  ? help")
    }
}

final class CommandPromptTests: XCTestCase {
    private func type(_ text: String, into prompt: inout CommandPrompt) {
        for character in text { _ = prompt.handle(.character(character)) }
    }

    func testTabCompletesUniqueNamesAndCyclesAmbiguousOnes() {
        var prompt = CommandPrompt(kind: .command, history: [])
        type("got", into: &prompt)
        _ = prompt.handle(.tab)
        XCTAssertEqual(prompt.text, "goto-post ")
        type("12", into: &prompt)
        XCTAssertEqual(prompt.handle(.enter), .submitted("goto-post 12"))

        var ambiguous = CommandPrompt(kind: .command, history: [])
        type("search-", into: &ambiguous)
        _ = ambiguous.handle(.tab)
        XCTAssertEqual(ambiguous.text, "search-next")
        _ = ambiguous.handle(.tab)
        XCTAssertEqual(ambiguous.text, "search-previous")

        var prefix = CommandPrompt(kind: .command, history: [])
        type("split", into: &prefix)
        _ = prefix.handle(.tab)
        XCTAssertEqual(prefix.text, "split-", "the common prefix comes first")
    }

    func testHistoryEditingAndCancel() {
        var prompt = CommandPrompt(kind: .command, history: ["help", "goto-post 3"])
        _ = prompt.handle(.up)
        XCTAssertEqual(prompt.text, "goto-post 3")
        _ = prompt.handle(.up)
        XCTAssertEqual(prompt.text, "help")
        _ = prompt.handle(.down)
        _ = prompt.handle(.down)
        XCTAssertEqual(prompt.text, "")
        type("ab", into: &prompt)
        _ = prompt.handle(.left)
        type("X", into: &prompt)
        XCTAssertEqual(prompt.text, "aXb")
        _ = prompt.handle(.backspace)
        XCTAssertEqual(prompt.text, "ab")
        XCTAssertEqual(prompt.handle(.escape), .cancelled)
        var empty = CommandPrompt(kind: .search, history: [])
        XCTAssertEqual(empty.handle(.backspace), .cancelled, "Backspace on an empty line leaves it")
    }

    func testTextCommandsKeepTheirWholeArgument() throws {
        XCTAssertEqual(
            try ParsedCommand.parse("category Feature Ideas")?.get(),
            ParsedCommand(operation: .showCategory, count: nil, argument: "Feature Ideas"))
        XCTAssertEqual(
            try ParsedCommand.parse("find status:solved @carol sync")?.get(),
            ParsedCommand(operation: .findOnSite, count: nil, argument: "status:solved @carol sync"))
        XCTAssertEqual(ParsedCommand.parse("tag"), .failure(.missingArgument("tag")))
        XCTAssertEqual(
            try ParsedCommand.parse("filter Sync 99%")?.get(),
            ParsedCommand(operation: .filterList, count: nil, argument: "Sync 99%"))
        XCTAssertEqual(
            try ParsedCommand.parse("filter")?.get(), ParsedCommand(operation: .filterList, count: nil),
            ":filter alone clears")
        XCTAssertEqual(ParsedCommand.parse("goto x"), .failure(.badArgument("x")), "counts stay numbers")
    }

    func testCommandsParseToOperationsWithCounts() throws {
        XCTAssertEqual(try ParsedCommand.parse("goto-post 12")?.get(), ParsedCommand(operation: .gotoPost, count: 12))
        XCTAssertEqual(try ParsedCommand.parse("goto 3")?.get(), ParsedCommand(operation: .gotoPost, count: 3))
        XCTAssertEqual(try ParsedCommand.parse("q")?.get(), ParsedCommand(operation: .back, count: nil))
        XCTAssertEqual(ParsedCommand.parse("frobnicate"), .failure(.unknown("frobnicate")))
        XCTAssertEqual(ParsedCommand.parse("goto-post x"), .failure(.badArgument("x")))
        XCTAssertNil(ParsedCommand.parse(""))
    }

    func testLongLinesScrollToKeepTheCursorVisible() {
        var prompt = CommandPrompt(kind: .search, history: [])
        type(String(repeating: "abcdefghij", count: 6), into: &prompt)
        let grid = GridTerminal(rows: 2, columns: 40)
        prompt.draw(on: grid, row: 1)
        XCTAssertTrue(grid.line(1).hasSuffix("j "), grid.line(1))
        XCTAssertEqual(grid.style(row: 1, column: 39), .selected)
    }
}
