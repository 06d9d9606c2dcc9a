import ForaCore
import Foundation
import XCTest

@testable import ForaTUI

/// The composer inside the app: opened from the reader, keys routed as text, quotes, focus,
/// sending, drafts and the external editor, on a grid terminal.
final class ComposerAppTests: XCTestCase, @unchecked Sendable, AppDriving {
    let runner = TestRunner()

    @MainActor
    private func makeApp(
        hooks: ComposerHooks = ComposerHooks(), limits: (@Sendable () async throws -> (Int, Int))? = nil
    ) -> (AppController, GridTerminal) {
        let grid = GridTerminal(rows: 30, columns: 80)
        let app = AppController(
            terminal: grid, service: FakeService(topics: FakeService.topics(5)), siteTitle: "http://demo.test",
            readerSource: FakeReaderSource(postCount: 12, solution: 4), runner: runner, renderer: FakeRenderer(),
            opener: RecordingOpener())
        var hooks = hooks
        hooks.draftDelay = .zero
        app.composerHooks = hooks
        app.postLengthLimits = limits
        app.start()
        runner.settle()
        press(app, .enter)
        return (app, grid)
    }

    func testTheSitesPostLengthLimitsReachTheComposer() {
        MainActor.assumeIsolated {
            let (app, grid) = makeApp(limits: { (5, 500) })
            press(app, .character("R"))
            type(app, "Hi")
            XCTAssertTrue(grid.text.contains("2/500 (3 more needed)"), grid.text)
        }
    }

    func testRepliesFromTheReaderAndTypesTextNotCommands() {
        MainActor.assumeIsolated {
            let (app, grid) = makeApp()
            press(app, .character("R"))
            let composer = app.composer as? ComposerScreen
            XCTAssertNotNil(composer)
            XCTAssertEqual(composer?.target, ComposerTarget(topicID: 1, topicTitle: "Topic number 1"))
            type(app, "?5q:Q x\nline two")
            XCTAssertEqual(composer?.body.text, "?5q:Q x\nline two")
            XCTAssertTrue(app.isRunning)
            XCTAssertTrue(app.overlays.isEmpty, "? typed text, it did not open help")
            XCTAssertTrue(grid.text.contains("Reply to the topic · Topic number 1"), grid.text)
            XCTAssertTrue(grid.text.contains("?5q:Q x"), grid.text)
            XCTAssertTrue(grid.line(29).contains("C-x send"), grid.line(29))
            XCTAssertTrue(grid.line(29).contains("C-r preview"), grid.line(29))
            XCTAssertTrue(grid.line(29).contains("C-o editor"), grid.line(29))
            XCTAssertTrue(grid.text.contains("16/32000 (4 more needed)"), "the length in the pane's header")
            XCTAssertNotNil(grid.cursor)
            XCTAssertTrue(grid.line(1).hasPrefix("#1 alice"), "the reader stays above:\n\(grid.text)")
            press(app, .alt("?"))
            XCTAssertTrue(app.overlays.last is HelpScreen, "M-? is help in the composer")
            XCTAssertTrue(grid.text.contains("C-x"), grid.text)
        }
    }

    func testReplyToThePostAtTheTopAndQuoteAnother() {
        MainActor.assumeIsolated {
            let (app, grid) = makeApp()
            press(app, .character("J"), .character("a"))
            let composer = app.composer as? ComposerScreen
            XCTAssertEqual(composer?.target.replyToPostNumber, 2)
            XCTAssertEqual(composer?.target.replyToUsername, "user2")
            XCTAssertTrue(grid.text.contains("Reply to #2 by user2"), grid.text)
            XCTAssertTrue(grid.rawKeys, "C-c and C-z are keys while the composer has the focus")
            press(app, .alt("o"))
            XCTAssertTrue(app.focused is ReaderScreen, "M-o gives the reader the focus")
            XCTAssertFalse(grid.cursorVisible, "the reader has the focus: the cursor is placed there, not shown")
            XCTAssertTrue(grid.rawKeys, "C-c must not kill the draft from the reader either")
            press(app, .character("K"), .character("\""))
            XCTAssertTrue(app.focused is ComposerScreen, "quoting goes back to the composer")
            XCTAssertEqual(composer?.body.text, "[quote=\"alice, post:1, topic:1\"]\nBody of post 1\n[/quote]\n\n")
            type(app, "@us")
            press(app, .tab)
            XCTAssertEqual(composer?.body.text.hasSuffix("\n\n@user12 "), true, composer?.body.text ?? "")
        }
    }

    func testQuoteOpensAReplyToThatPost() {
        MainActor.assumeIsolated {
            let (app, _) = makeApp()
            press(app, .character("\""))
            let composer = app.composer as? ComposerScreen
            XCTAssertEqual(composer?.target.replyToPostNumber, 1)
            XCTAssertEqual(composer?.body.text, "[quote=\"alice, post:1, topic:1\"]\nBody of post 1\n[/quote]\n\n")
        }
    }

    func testSendClosesThePaneAndDraftsAreJournaled() {
        MainActor.assumeIsolated {
            var sent: [ComposedPost] = []
            var drafts: [String] = []
            var hooks = ComposerHooks()
            hooks.send = { post, done in
                sent.append(post)
                done(.success(SendReceipt(message: "sent", postNumber: 12)))
            }
            hooks.saveDraft = { drafts.append($0.raw) }
            let (app, grid) = makeApp(hooks: hooks)
            press(app, .character("a"))
            type(app, "This is long enough to be sent.")
            XCTAssertEqual(drafts.last, "This is long enough to be sent.", "saved once typing paused")
            let before = app.reader
            press(app, .character("\u{18}"))
            XCTAssertEqual(
                sent, [ComposedPost(raw: "This is long enough to be sent.", topicID: 1, replyToPostNumber: 1)])
            XCTAssertNil(app.composer)
            XCTAssertTrue(grid.line(29).contains("sent"), grid.line(29))
            XCTAssertFalse(app.reader === before, "the reader reloads the topic")
            XCTAssertTrue(grid.text.contains("#12 user12"), "at the new post:\n\(grid.text)")
        }
    }

    func testAKeptDraftComesBackWhenTheComposerReopens() {
        MainActor.assumeIsolated {
            var stored: ComposedPost?
            var hooks = ComposerHooks()
            hooks.saveDraft = { stored = $0 }
            hooks.deleteDraft = { _ in stored = nil }
            hooks.loadDraft = { topicID in stored?.topicID == topicID ? stored : nil }
            let (app, grid) = makeApp(hooks: hooks)
            press(app, .character("R"))
            type(app, "unfinished")
            press(app, .character("\u{03}"), .character("k"))
            XCTAssertNil(app.composer, "C-c asks like Esc")
            XCTAssertEqual(stored?.raw, "unfinished")
            press(app, .character("R"))
            XCTAssertEqual((app.composer as? ComposerScreen)?.body.text, "unfinished")
            XCTAssertEqual(app.status.message, "draft restored")
            press(app, .escape, .character("d"))
            XCTAssertNil(stored)
            XCTAssertFalse(grid.rawKeys, "C-c is an interrupt again once the composer is closed")
            press(app, .character("R"))
            type(app, "said before quitting")
            stored = nil
            press(app, .alt("o"), .character("Q"))
            XCTAssertFalse(app.isRunning)
            XCTAssertEqual(stored?.raw, "said before quitting", "quitting keeps the draft")
        }
    }

    func testWithoutAStoreDraftsLastTheSession() {
        MainActor.assumeIsolated {
            let (app, _) = makeApp()
            press(app, .character("R"))
            type(app, "kept for later")
            press(app, .escape, .character("k"), .character("R"))
            XCTAssertEqual((app.composer as? ComposerScreen)?.body.text, "kept for later")
        }
    }

    func testTheExternalEditorSuspendsTheTerminal() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fora-app-editor-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("editor.sh")
        try "#!/bin/sh\nprintf 'written in the editor\\n' > \"$1\"\n".write(
            to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script.path)
        MainActor.assumeIsolated {
            var hooks = ComposerHooks()
            hooks.environment = ["VISUAL": script.path, "PATH": "/usr/bin:/bin"]
            hooks.temporaryDirectory = directory
            let (app, grid) = makeApp(hooks: hooks)
            press(app, .character("R"), .character("\u{0F}"))
            XCTAssertEqual(grid.suspensions, 1)
            XCTAssertEqual((app.composer as? ComposerScreen)?.body.text, "written in the editor")
            press(app, .escape, .character("d"))
            app.composerHooks.alwaysExternalEditor = true
            press(app, .character("R"))
            XCTAssertEqual(grid.suspensions, 2, "configured to always use the editor: it opens at once")
            XCTAssertEqual((app.composer as? ComposerScreen)?.body.text, "written in the editor")
        }
    }

    func testNewTopicFromTheListIsAFullScreenComposer() {
        MainActor.assumeIsolated {
            let grid = GridTerminal(rows: 24, columns: 80)
            let app = AppController(
                terminal: grid, service: FakeService(topics: FakeService.topics(5)), siteTitle: "http://demo.test",
                readerSource: nil, runner: runner, renderer: FakeRenderer(), opener: RecordingOpener())
            app.start()
            runner.settle()
            press(app, .character("c"))
            XCTAssertTrue(app.focused is ComposerScreen)
            XCTAssertTrue(grid.line(0).hasPrefix("New topic"), grid.text)
            XCTAssertTrue(grid.line(2).contains("(Support)"), grid.line(2))
            press(app, .escape)
            XCTAssertTrue(app.overlays.isEmpty, "an empty composer closes at once")
        }
    }
}
