import ForaCore
import Foundation
import XCTest

@testable import ForaTUI

/// The composer on a grid terminal, keys going through the default keymap as the app sends them.
final class ComposerScreenTests: XCTestCase, @unchecked Sendable {
    private let keymap = Keymap()

    @MainActor
    private func composer(
        _ target: ComposerTarget = ComposerTarget(
            topicID: 7, topicTitle: "Printer trouble", replyToPostNumber: 3,
            replyToUsername: "bob"),
        hooks: ComposerHooks = ComposerHooks(), participants: [String] = [], categories: [ForaCore.Category] = [],
        variables: [String: String] = [:]
    ) -> ComposerScreen {
        ComposerScreen(
            target: target, hooks: hooks, participants: participants, categories: categories,
            renderer: FakeRenderer(), snippetVariables: variables)
    }

    @MainActor
    private func press(_ screen: ComposerScreen, _ events: InputEvent...) {
        for event in events {
            let bound = keymap.ownOperation(for: event, in: .composer) != nil
            if screen.takeInput(event, bound: bound) { continue }
            if let operation = keymap.operation(for: event, in: .composer) { _ = screen.perform(operation, count: nil) }
        }
    }

    @MainActor
    private func type(_ screen: ComposerScreen, _ text: String) {
        for character in text { press(screen, character == "\n" ? .enter : .character(character)) }
    }

    private func control(_ letter: Character) -> InputEvent {
        guard let event = KeyName.parse("C-" + String(letter)) else { fatalError("no such key C-\(letter)") }
        return event
    }

    func testTypingWideCharactersAndEmojiPutsTheCursorByDisplayWidth() {
        MainActor.assumeIsolated {
            let screen = composer()
            let grid = GridTerminal(rows: 8, columns: 80)
            type(screen, "日本 👍🏽 ok")
            screen.draw(on: grid, focused: true)
            XCTAssertEqual(screen.body.text, "日本 👍🏽 ok")
            XCTAssertTrue(grid.line(1).hasPrefix("日本 👍🏽 ok"), grid.line(1))
            XCTAssertEqual(screen.cursorPosition?.row, 1)
            XCTAssertEqual(screen.cursorPosition?.column, 10)
            XCTAssertEqual(grid.style(row: 1, column: 10), .selected)
            press(screen, .left, .left, .left, .left)
            screen.draw(on: grid, focused: true)
            XCTAssertEqual(screen.cursorPosition?.column, 5, "on the emoji, after two wide and one narrow cell")
            XCTAssertEqual(grid.style(row: 1, column: 5), .selected)
            XCTAssertTrue(grid.line(1).hasPrefix("日本 👍🏽 ok"), "the emoji is drawn whole under the cursor")
            XCTAssertTrue(grid.line(0).hasPrefix("Reply to #3 by bob · Printer trouble"), grid.line(0))
            XCTAssertTrue(grid.line(0).hasSuffix("7/32000 (13 more needed)"), grid.line(0))
        }
    }

    func testTheCursorAtSoftWrapBoundaries() {
        MainActor.assumeIsolated {
            let screen = composer()
            let grid = GridTerminal(rows: 8, columns: 11)  // text wraps at 10, the last column is the cursor's
            type(screen, "abcdefghij")
            screen.draw(on: grid, focused: true)
            XCTAssertEqual(grid.line(1), "abcdefghij ")
            XCTAssertEqual(screen.cursorPosition?.row, 1)
            XCTAssertEqual(screen.cursorPosition?.column, 10, "after a full row the cursor still fits on it")
            type(screen, "k")
            screen.draw(on: grid, focused: true)
            XCTAssertEqual(grid.line(2).trimmingCharacters(in: .whitespaces), "k")
            XCTAssertEqual(screen.cursorPosition?.row, 2)
            XCTAssertEqual(screen.cursorPosition?.column, 1)
            press(screen, control("a"))
            type(screen, "hello world ")
            press(screen, control("e"))
            screen.draw(on: grid, focused: true)
            XCTAssertEqual(grid.line(1).trimmingCharacters(in: .whitespaces), "hello")
            XCTAssertEqual(grid.line(2).trimmingCharacters(in: .whitespaces), "world")
            XCTAssertEqual(grid.line(3).trimmingCharacters(in: .whitespaces), "abcdefghij")
            XCTAssertEqual(screen.cursorPosition?.row, 4, "the end of the text, on the row where it wrapped")
            XCTAssertEqual(screen.cursorPosition?.column, 1)
            press(screen, .up)
            XCTAssertEqual(screen.body.cursor, 13, "up one screen row keeps the column: after the a")
        }
    }

    func testScrollingKeepsTheCursorVisible() {
        MainActor.assumeIsolated {
            let screen = composer()
            let grid = GridTerminal(rows: 5, columns: 20)  // header, three body rows, the footer
            type(screen, (1...10).map { "line \($0)" }.joined(separator: "\n"))
            screen.draw(on: grid, focused: true)
            XCTAssertEqual(grid.line(3).trimmingCharacters(in: .whitespaces), "line 10")
            XCTAssertEqual(screen.cursorPosition?.row, 3)
            press(screen, .pageUp, .pageUp)
            screen.draw(on: grid, focused: true)
            XCTAssertEqual(grid.line(1).trimmingCharacters(in: .whitespaces), "line 6")
            press(screen, .alt("<"))
            screen.draw(on: grid, focused: true)
            XCTAssertEqual(grid.line(1).trimmingCharacters(in: .whitespaces), "line 1")
            XCTAssertEqual(screen.cursorPosition?.row, 1)
        }
    }

    func testReadlineKeys() {
        MainActor.assumeIsolated {
            let screen = composer()
            type(screen, "one two three")
            press(screen, control("w"))
            XCTAssertEqual(screen.body.text, "one two ")
            press(screen, control("y"))
            XCTAssertEqual(screen.body.text, "one two three")
            press(screen, .alt("b"))
            XCTAssertEqual(screen.body.cursor, 8)
            press(screen, control("k"))
            XCTAssertEqual(screen.body.text, "one two ")
            press(screen, control("u"))
            XCTAssertEqual(screen.body.text, "")
            press(screen, control("y"))
            XCTAssertEqual(screen.body.text, "one two ")
            press(screen, control("a"), .alt("f"), control("f"), control("d"))
            XCTAssertEqual(screen.body.text, "one wo ")
            press(screen, .end, .backspace, control("b"), .delete, .home)
            XCTAssertEqual(screen.body.text, "one w")
            XCTAssertEqual(screen.body.cursor, 0)
            type(screen, "x\n")
            XCTAssertEqual(screen.body.text, "x\none w", "Enter is a newline in the body")
            type(screen, "\n\npara")
            press(screen, .alt("{"))
            XCTAssertEqual(screen.body.cursor, 0)
            press(screen, .alt("}"))
            XCTAssertEqual(screen.body.cursor, 2, "the blank line after the first paragraph")
            type(screen, "?:q5")
            XCTAssertTrue(screen.body.text.contains("?:q5"), "printable keys are text, never commands")
        }
    }

    func testUndoAndRedo() {
        MainActor.assumeIsolated {
            let screen = composer()
            type(screen, "hello world")
            press(screen, control("_"))
            XCTAssertEqual(screen.body.text, "hello ")
            press(screen, control("^"))
            XCTAssertEqual(screen.body.text, "hello world")
            press(screen, control("a"), control("k"), control("_"))
            XCTAssertEqual(screen.body.text, "hello world")
        }
    }

    func testQuoteGoesOnALineOfItsOwn() {
        MainActor.assumeIsolated {
            let screen = composer()
            type(screen, "Thanks!")
            screen.insertQuote(QuotedPost(username: "bob", postNumber: 3, topicID: 7, text: "It works\n"))
            XCTAssertEqual(screen.body.text, "Thanks!\n\n[quote=\"bob, post:3, topic:7\"]\nIt works\n[/quote]\n\n")
            press(screen, control("_"))
            XCTAssertEqual(screen.body.text, "Thanks!", "a quote is one undo step")
        }
    }

    func testMentionCompletionShowsAndCyclesCandidates() {
        MainActor.assumeIsolated {
            let screen = composer(participants: ["bob", "bella", "alice"])
            let grid = GridTerminal(rows: 6, columns: 60)
            type(screen, "hi @b")
            screen.draw(on: grid, focused: true)
            XCTAssertEqual(grid.line(5).trimmingCharacters(in: .whitespaces), "Tab completes: @bob @bella")
            press(screen, .tab)
            XCTAssertEqual(screen.body.text, "hi @bob ")
            press(screen, .tab)
            XCTAssertEqual(screen.body.text, "hi @bella ")
            screen.draw(on: grid, focused: true)
            XCTAssertTrue(grid.line(5).contains("[@bella]"), grid.line(5))
            type(screen, "and @z")
            press(screen, .tab)
            XCTAssertEqual(screen.body.text, "hi @bella and @z")
            XCTAssertEqual(screen.notice, "no one in this topic is called @z…")
            type(screen, " @al")
            press(screen, .tab)
            XCTAssertEqual(screen.body.text, "hi @bella and @z @alice ")
        }
    }

    func testSnippetByNameWithCompletionAndVariables() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fora-snippets-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "Thanks {username}! The answer: {solution_link}\n".write(
            to: directory.appendingPathComponent("thanks.md"), atomically: true, encoding: .utf8)
        try "Please share your logs.".write(
            to: directory.appendingPathComponent("logs.md"), atomically: true, encoding: .utf8)
        MainActor.assumeIsolated {
            var hooks = ComposerHooks()
            hooks.snippets = SnippetLibrary(directory: directory)
            let screen = composer(hooks: hooks, variables: ["username": "bob", "solution_link": "http://x/t/7/4"])
            let grid = GridTerminal(rows: 6, columns: 60)
            press(screen, control("t"))
            screen.draw(on: grid, focused: true)
            XCTAssertTrue(grid.line(5).hasPrefix("snippet:    [logs thanks]"), grid.line(5))
            type(screen, "t")
            press(screen, .tab, .enter)
            XCTAssertEqual(screen.body.text, "Thanks bob! The answer: http://x/t/7/4")
            press(screen, control("t"))
            type(screen, "nope")
            press(screen, .enter)
            XCTAssertEqual(screen.notice, "no snippet called nope")
            press(screen, control("t"), .escape)
            type(screen, "!")
            XCTAssertTrue(screen.body.text.hasSuffix("http://x/t/7/4!"), "Esc left the prompt, typing goes on")
        }
    }

    func testPreviewRendersTheMarkdownAndTogglesBack() {
        MainActor.assumeIsolated {
            let screen = composer()
            let grid = GridTerminal(rows: 8, columns: 60)
            type(screen, "Hello **world**")
            press(screen, control("r"))
            screen.draw(on: grid, focused: true)
            XCTAssertTrue(screen.showingPreview)
            XCTAssertTrue(grid.line(0).hasPrefix("Preview · Reply to #3"), grid.line(0))
            XCTAssertTrue(
                grid.text.contains("<p>Hello <strong>world</strong></p>"), "markdown went through cmark:\n\(grid.text)")
            XCTAssertEqual(screen.cursorPosition, FocusCursor(row: 0))
            press(screen, control("r"))
            screen.draw(on: grid, focused: true)
            XCTAssertTrue(grid.line(1).hasPrefix("Hello **world**"), grid.line(1))
            press(screen, control("r"))
            type(screen, "!")
            XCTAssertFalse(screen.showingPreview, "typing goes back to the editor")
            XCTAssertEqual(screen.body.text, "Hello **world**", "the preview is read-only: the key typed nothing")
            type(screen, "!")
            XCTAssertEqual(screen.body.text, "Hello **world**!")
        }
    }

    func testSendProducesTheReplyAndClosesOnlyOnSuccess() {
        MainActor.assumeIsolated {
            var sent: [ComposedPost] = []
            var deleted = 0
            var outcome: Result<SendReceipt, any Error> = .failure(ForaError.other("the server said no"))
            var hooks = ComposerHooks()
            hooks.minimumPostLength = 10
            hooks.send = { post, done in
                sent.append(post)
                done(outcome)
            }
            hooks.deleteDraft = { _ in deleted += 1 }
            let screen = composer(hooks: hooks)
            var finished: [String?] = []
            screen.onFinish = { message, _ in finished.append(message) }
            type(screen, "Try it")
            press(screen, control("x"))
            XCTAssertEqual(screen.notice, "too short: 4 more characters needed")
            XCTAssertTrue(sent.isEmpty)
            type(screen, " again, please")
            press(screen, control("x"))
            XCTAssertEqual(sent, [ComposedPost(raw: "Try it again, please", topicID: 7, replyToPostNumber: 3)])
            XCTAssertEqual(screen.notice, "not sent: the server said no")
            XCTAssertEqual(screen.body.text, "Try it again, please", "the text stays")
            XCTAssertTrue(finished.isEmpty)
            outcome = .success(SendReceipt(message: "held for approval"))
            press(screen, control("x"))
            XCTAssertEqual(finished, ["held for approval"])
            XCTAssertEqual(deleted, 1, "the draft goes once sent")
        }
    }

    func testANewTopicHasTitleCategoryAndTags() {
        MainActor.assumeIsolated {
            var sent: [ComposedPost] = []
            var hooks = ComposerHooks()
            hooks.send = { post, done in
                sent.append(post)
                done(.success(SendReceipt()))
            }
            let categories = [
                ForaCore.Category(id: 1, name: "Support", slug: "support"),
                ForaCore.Category(id: 2, name: "Meta", slug: "meta"),
            ]
            let screen = composer(.newTopic, hooks: hooks, categories: categories)
            let grid = GridTerminal(rows: 10, columns: 60)
            XCTAssertEqual(screen.field, .title)
            type(screen, "Cannot print\n")
            XCTAssertEqual(screen.field, .category)
            type(screen, "me")
            screen.draw(on: grid, focused: true)
            XCTAssertTrue(grid.line(2).hasPrefix("Category: me   → Meta"), grid.line(2))
            press(screen, .tab)
            XCTAssertEqual(screen.text(of: .category), "Meta")
            XCTAssertEqual(screen.field, .category, "Tab completes without moving")
            press(screen, .tab)
            XCTAssertEqual(screen.field, .tags, "nothing left to complete: Tab moves on")
            type(screen, "linux, cups")
            press(screen, .tab)
            XCTAssertEqual(screen.field, .body)
            type(screen, "My printer stopped printing today.")
            press(screen, control("x"))
            XCTAssertEqual(
                sent,
                [
                    ComposedPost(
                        raw: "My printer stopped printing today.", title: "Cannot print", categoryID: 2,
                        tags: ["linux", "cups"])
                ])
            screen.draw(on: grid, focused: true)
            XCTAssertTrue(grid.line(0).hasPrefix("New topic"), grid.line(0))
        }
    }

    func testEscAsksBeforeDiscardingText() {
        MainActor.assumeIsolated {
            var saved: [ComposedPost] = []
            var deleted = 0
            var hooks = ComposerHooks()
            hooks.saveDraft = { saved.append($0) }
            hooks.deleteDraft = { _ in deleted += 1 }
            let empty = composer(hooks: hooks)
            XCTAssertEqual(empty.perform(.back, count: nil), .back, "nothing to lose: it closes")
            let screen = composer(hooks: hooks)
            var finished: [String?] = []
            screen.onFinish = { message, _ in finished.append(message) }
            type(screen, "half a thought")
            XCTAssertEqual(screen.perform(.back, count: nil), ScreenAction.none)
            let grid = GridTerminal(rows: 6, columns: 90)
            screen.draw(on: grid, focused: true)
            XCTAssertTrue(grid.line(5).hasPrefix("Close the composer?  d discard · k keep as draft"), grid.line(5))
            type(screen, "x")
            XCTAssertEqual(screen.body.text, "half a thought", "any other key goes on writing")
            XCTAssertTrue(finished.isEmpty)
            press(screen, .escape)
            type(screen, "k")
            XCTAssertEqual(saved.map(\.raw), ["half a thought"])
            XCTAssertEqual(finished.count, 1)
            press(screen, .escape)
            type(screen, "d")
            XCTAssertEqual(finished.last, "discarded")
            XCTAssertEqual(deleted, 2)
        }
    }

    func testExternalEditorReplacesTheBodyUndoably() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fora-editor-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("editor.sh")
        try "#!/bin/sh\ncp \"$1\" \"\(directory.path)/seen\"\nsed -i 's/draft/DRAFT/' \"$1\"\n".write(
            to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script.path)
        MainActor.assumeIsolated {
            var hooks = ComposerHooks()
            hooks.environment = ["VISUAL": script.path, "PATH": "/usr/bin:/bin"]
            hooks.temporaryDirectory = directory
            let screen = ComposerScreen(
                target: ComposerTarget(topicID: 7, topicTitle: "t"), hooks: hooks, renderer: FakeRenderer(),
                editorContext: "#3 by bob:\n\nIt broke")
            var suspended = 0
            screen.suspend = { body in
                suspended += 1
                body()
            }
            type(screen, "my draft text")
            press(screen, control("o"))
            XCTAssertEqual(suspended, 1)
            XCTAssertEqual(screen.body.text, "my DRAFT text")
            press(screen, control("_"))
            XCTAssertEqual(screen.body.text, "my draft text")
        }
        let seen = try String(contentsOf: directory.appendingPathComponent("seen"), encoding: .utf8)
        XCTAssertTrue(seen.hasPrefix("my draft text\n"), seen)
        XCTAssertTrue(seen.contains(EditorHandoff.scissors) && seen.contains("It broke"), seen)
    }

    func testTheDraftIsSavedAtMostASecondBehindTheScreen() {
        MainActor.assumeIsolated {
            var saved: [String] = []
            var hooks = ComposerHooks()
            hooks.saveDraft = { saved.append($0.raw) }
            let screen = composer(hooks: hooks)
            var clock = ContinuousClock.now
            var timers: [(Duration, @MainActor () -> Void)] = []
            screen.now = { clock }
            screen.schedule = { delay, work in timers.append((delay, work)) }
            type(screen, "abc")
            XCTAssertEqual(timers.count, 1, "one timer for a burst of typing")
            XCTAssertEqual(timers.first?.0, .seconds(1))
            clock += .milliseconds(500)
            type(screen, "d")
            XCTAssertEqual(timers.count, 1, "still one timer")
            clock += .milliseconds(500)
            timers.removeFirst().1()
            XCTAssertEqual(saved, ["abcd"], "typing went on, but the first unsaved key is a second old")
            XCTAssertTrue(timers.isEmpty)
            clock += .milliseconds(200)
            type(screen, "e")
            XCTAssertEqual(timers.first?.0, .seconds(1))
            clock += .milliseconds(400)
            timers.removeFirst().1()
            XCTAssertEqual(saved, ["abcd"], "a pause shorter than a second saves nothing yet")
            XCTAssertEqual(timers.first?.0, .milliseconds(600))
            clock += .milliseconds(600)
            timers.removeFirst().1()
            XCTAssertEqual(saved, ["abcd", "abcde"])
        }
    }
}
