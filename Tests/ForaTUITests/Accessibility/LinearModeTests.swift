import ForaCore
import ForaRender
import Foundation
import XCTest

@testable import ForaTUI

/// The linear mode for screen readers and braille displays: one pane, no line drawing, states
/// and positions as words, a status line that is one sentence, numbered choices.
final class LinearModeTests: XCTestCase, @unchecked Sendable {
    private let runner = TestRunner()
    private static let now = ISO8601DateFormatter().date(from: "2026-03-04T16:05:00Z") ?? Date()
    private static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden")

    /// Any line or block drawing character (U+2500–U+259F).
    static func lineDrawing(in text: String) -> [Character] {
        text.filter { $0.unicodeScalars.contains { (0x2500...0x259F).contains($0.value) } }
    }

    /// Compares with `Golden/NAME.txt`; FORA_RECORD_GOLDEN=1 writes it instead.
    private func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = Self.goldenDirectory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["FORA_RECORD_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
            try? (text + "\n").write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? "(no golden file \(name).txt)"
        XCTAssertEqual(text + "\n", expected, "linear golden \(name) differs", file: file, line: line)
    }

    @MainActor
    private static func linearGrid(rows: Int = 24, columns: Int = 80) -> GridTerminal {
        let grid = GridTerminal(rows: rows, columns: columns)
        grid.presentation = Presentation(linear: true)
        return grid
    }

    @MainActor
    private static func topics() -> [Topic] {
        var topics = FakeService.topics(14)
        topics[0].hasAcceptedAnswer = true
        topics[0].pinned = true
        topics[1].unreadPosts = 3
        for index in topics.indices { topics[index].bumpedAt = "2026-03-04T14:05:00Z" }
        return topics
    }

    /// A post whose rendering draws lines in the standard look: a quote bar, a rule, a table.
    static let linedCooked = """
        <p>Try this:</p><aside class="quote"><blockquote><p>the quoted advice</p></blockquote></aside>\
        <hr><table><thead><tr><th>key</th><th>value</th></tr></thead><tbody><tr><td>a</td><td>1</td></tr></tbody></table>
        """

    @MainActor
    private static func reader() -> ReaderScreen {
        let posts = (1...3).map { number in
            ReaderPost(
                id: 100 + number, number: number, username: number == 1 ? "alice" : "bob",
                createdAt: "2026-03-04T14:05:00Z",
                replyToPostNumber: number == 1 ? nil : 1, cooked: linedCooked, isSolution: number == 3,
                likes: number == 2 ? 2 : 0, isRead: number < 3)
        }
        let topic = ReaderTopic(
            id: 9, title: "Printer offline after update", categoryName: "Support", postCount: 120, initialPosts: posts)
        let reader = ReaderScreen(topic: topic, renderer: CookedRenderer())
        reader.now = { now }
        return reader
    }

    func testTheStandardLookDrawsLinesThatTheLinearModeDoesNot() {
        MainActor.assumeIsolated {
            let reader = Self.reader()
            _ = reader.perform(.toggleQuotes, count: nil)
            let standard = GridTerminal(rows: 24, columns: 80)
            reader.draw(on: standard, focused: true)
            XCTAssertFalse(
                Self.lineDrawing(in: standard.text).isEmpty, "the test post must draw lines:\n\(standard.text)")
            let grid = Self.linearGrid()
            reader.draw(on: grid, focused: true)
            XCTAssertEqual(Self.lineDrawing(in: grid.text), [], grid.text)
            assertGolden(grid.text, "linear-reader-80x24")
        }
    }

    func testEachPostIsIntroducedBySentence() {
        MainActor.assumeIsolated {
            let reader = Self.reader()
            let grid = Self.linearGrid()
            reader.draw(on: grid, focused: true)
            XCTAssertEqual(
                grid.line(1).trimmingCharacters(in: .whitespaces), "post 1 of 120, by alice, 2 hours ago", grid.text)
            XCTAssertTrue(
                grid.text.contains("post 2 of 120, by bob, 2 hours ago, reply to post 1, 2 likes"), grid.text)
            XCTAssertTrue(
                grid.text.contains("post 3 of 120, by bob, 2 hours ago, reply to post 1, solution, unread"), grid.text)
        }
    }

    /// Seen in a walkthrough: a deleted post was introduced like any other in the linear mode.
    func testAPostsStatesAreSaidInItsIntroduction() {
        var post = ReaderPost(id: 9, number: 2, username: "carol", cooked: "<p>x</p>", likes: 1)
        post.moderation.deleted = true
        post.moderation.hidden = true
        post.postType = 4
        post.wiki = true
        post.liked = true
        post.bookmarked = true
        XCTAssertEqual(
            PostIntroduction.text(for: post, position: 1, count: 3, now: Date()),
            "post 2 of 3, by carol, deleted, hidden, whisper, staff only, wiki, 1 like, liked by you, bookmarked")
    }

    func testAMarkedReviewItemSaysMarkedInTheLinearMode() {
        let item = ReviewItem(id: 1, type: "ReviewableFlaggedPost", status: .pending, score: 6)
        XCTAssertTrue(
            ReviewRow.first(item, marked: true, now: Date(), spoken: true).hasPrefix("marked, 6.0  "),
            ReviewRow.first(item, marked: true, now: Date(), spoken: true))
        XCTAssertTrue(ReviewRow.first(item, marked: true, now: Date()).hasPrefix("● "))
        XCTAssertFalse(ReviewRow.first(item, marked: false, now: Date(), spoken: true).contains("marked"))
    }

    func testTheListSaysStatesInWordsAndThePositionOnTheFocusedRow() {
        MainActor.assumeIsolated {
            let list = ThreadListScreen(siteTitle: "demo", now: { Self.now })
            list.show(topics: Self.topics(), categories: [ForaCore.Category(id: 1, name: "Support", slug: "support")])
            let grid = Self.linearGrid()
            list.draw(on: grid, focused: true)
            XCTAssertTrue(grid.line(1).hasPrefix("> Topic number 1, solved, pinned, in Support"), grid.line(1))
            XCTAssertTrue(grid.line(1).hasSuffix(", 1 of 14"), grid.line(1))
            XCTAssertTrue(grid.line(2).hasPrefix("  Topic number 2, 3 new posts"), grid.line(2))
            XCTAssertTrue(grid.line(3).contains("Topic number 3, unread"), grid.line(3))
            XCTAssertFalse(grid.line(2).contains(" of 14"), "only the focused row says where it is")
            _ = list.perform(.moveDown, count: 11)
            list.draw(on: grid, focused: true)
            XCTAssertTrue(grid.line(12).trimmingCharacters(in: .whitespaces).hasSuffix(", 12 of 14"), grid.text)
            XCTAssertEqual(list.cursorPosition, FocusCursor(row: 12))
            XCTAssertEqual(Self.lineDrawing(in: grid.text), [])
            _ = list.perform(.first, count: nil)
            list.draw(on: grid, focused: true)
            assertGolden(grid.text, "linear-list-80x24")
        }
    }

    func testThePositionSurvivesALongTitle() {
        MainActor.assumeIsolated {
            var topics = Self.topics()
            topics[0].title = String(repeating: "very long title ", count: 10)
            let list = ThreadListScreen(siteTitle: "demo", now: { Self.now })
            list.show(topics: topics, categories: [])
            let grid = Self.linearGrid()
            list.draw(on: grid, focused: true)
            XCTAssertTrue(grid.line(1).hasSuffix(", 1 of 14"), grid.line(1))
        }
    }

    func testOnePaneNoDividerAndAStatusLineThatIsOneSentence() {
        MainActor.assumeIsolated {
            let grid = Self.linearGrid(rows: 40, columns: 200)
            let app = AppController(
                terminal: grid, service: FakeService(topics: FakeService.topics(30)), siteTitle: "http://demo.test",
                readerSource: FakeReaderSource(postCount: 40), runner: runner, renderer: FakeRenderer(),
                opener: RecordingOpener())
            app.start()
            runner.settle()
            app.handle(.enter)
            runner.settle()
            app.draw()
            XCTAssertEqual(app.frame(rows: 40, columns: 200)?.sideBySide, false, "one pane even at 200 columns")
            XCTAssertTrue(grid.line(0).hasPrefix("Topic number 1"), grid.text)
            XCTAssertEqual(Self.lineDrawing(in: grid.text), [])
            XCTAssertTrue(grid.line(39).hasPrefix("http://demo.test · online"), grid.line(39))
            XCTAssertFalse(grid.line(39).contains("post 1"), "the position is on the post's own line")
            app.handle(.character("/"))
            for character in "zzzz" { app.handle(.character(character)) }
            app.handle(.enter)
            // The search goes on through the posts not loaded yet before it says "not found".
            for _ in 0..<10 {
                runner.settle()
                app.draw()
            }
            XCTAssertEqual(grid.line(39).trimmingCharacters(in: .whitespaces), "not found: zzzz", "the whole line")
        }
    }

    func testTheComposerTakesTheWholeScreenAndSwitchingShowsTheReader() {
        MainActor.assumeIsolated {
            let grid = Self.linearGrid()
            let app = AppController(
                terminal: grid, service: FakeService(topics: FakeService.topics(3)), siteTitle: "http://demo.test",
                readerSource: FakeReaderSource(postCount: 5), runner: runner, renderer: FakeRenderer(),
                opener: RecordingOpener())
            app.start()
            runner.settle()
            app.handle(.enter)
            runner.settle()
            app.openComposer(
                ComposerScreen(target: ComposerTarget(topicID: 1, topicTitle: "T"), renderer: FakeRenderer()), rows: 8)
            app.draw()
            XCTAssertTrue(grid.line(0).hasPrefix("Reply"), grid.text)
            XCTAssertFalse(grid.text.contains("post 1 of 5"), "the reader is not beside it:\n\(grid.text)")
            XCTAssertEqual(grid.cursor?.row, 1, "the insertion point, at the top of the body")
            app.perform(.switchPane, count: nil)
            app.draw()
            XCTAssertTrue(grid.line(1).hasPrefix("post 1 of 5"), grid.text)
            XCTAssertFalse(grid.text.contains("Reply"), grid.text)
            XCTAssertEqual(grid.cursor?.row, 1)
        }
    }

    func testConfirmationsOfferNumberedChoices() {
        MainActor.assumeIsolated {
            var answered: [String] = []
            let confirm = ConfirmScreen(question: "Delete post #3 by bob?", details: ["it cannot be recovered"]) {
                answered.append("yes")
                return .none
            }
            let grid = Self.linearGrid()
            confirm.draw(on: grid, focused: true)
            XCTAssertTrue(grid.text.contains("1. yes, confirm"), grid.text)
            XCTAssertTrue(grid.text.contains("2. no, cancel"), grid.text)
            let row = (0..<24).first { grid.line($0).hasPrefix("Choose 1 or 2:") }
            XCTAssertEqual(confirm.cursorPosition, FocusCursor(row: row ?? -1, column: 15, takesText: true))
            XCTAssertEqual(confirm.handleDirect(.character("2")), .backWith("cancelled: nothing done"))
            XCTAssertEqual(answered, [], "2 is no")
        }
    }

    func testTheComposersCloseQuestionIsNumberedAndAnsweredByNumber() {
        MainActor.assumeIsolated {
            var hooks = ComposerHooks()
            var saved: [String] = []
            hooks.saveDraft = { saved.append($0.raw) }
            let screen = ComposerScreen(
                target: ComposerTarget(topicID: 1, topicTitle: "T"), hooks: hooks, renderer: FakeRenderer())
            var finished: [String?] = []
            screen.onFinish = { message, _ in finished.append(message) }
            for character in "half a thought" { _ = screen.takeInput(.character(character), bound: false) }
            _ = screen.perform(.back, count: nil)
            let grid = Self.linearGrid()
            screen.draw(on: grid, focused: true)
            let row = (0..<24).first { grid.line($0).hasPrefix("Close? 1. discard, 2. keep as draft, 3. go on") }
            XCTAssertNotNil(row, grid.text)
            XCTAssertTrue(grid.text.contains("Choose 1, 2 or 3: "), "whole at 80 columns:\n\(grid.text)")
            XCTAssertLessThan(ComposerScreen.numberedConflictQuestion.count, 80)
            XCTAssertEqual(screen.cursorPosition?.row, row, "the cursor waits on the question")
            XCTAssertEqual(screen.cursorPosition?.column, ComposerScreen.numberedCloseQuestion.count)
            _ = screen.takeInput(.character("3"), bound: false)
            XCTAssertEqual(screen.body.text, "half a thought", "3 goes on writing")
            XCTAssertTrue(finished.isEmpty)
            _ = screen.perform(.back, count: nil)
            _ = screen.takeInput(.character("2"), bound: false)
            XCTAssertEqual(saved, ["half a thought"], "2 keeps a draft")
            XCTAssertEqual(finished.count, 1)
        }
    }

    func testTheModeAndTheCursorComeFromConfigEnvironmentAndFlag() {
        let config = TUIConfig.parse(
            "[ui]\nscreen_reader = true\ncursor = \"hidden\"\nselection_marker = \"\\u001B[31m=>\"\n")
        XCTAssertEqual(config.accessibility.screenReader, true)
        XCTAssertEqual(config.accessibility.cursor, .hidden)
        XCTAssertEqual(config.accessibility.presentation.selectionMarker, "[31", "escape bytes never reach the screen")
        XCTAssertEqual(TUIConfig.parse("[ui]\ncursor = \"blinking\"\n").warnings.count, 1)
        XCTAssertEqual(TUIConfig.parse("[tui]\nscreen_reader = true\n").accessibility.screenReader, true)
        var fromEnvironment = AccessibilityConfig()
        fromEnvironment.apply(environment: ["FORA_SCREEN_READER": "1"])
        XCTAssertTrue(fromEnvironment.screenReader)
        fromEnvironment.apply(environment: ["FORA_SCREEN_READER": "0"])
        XCTAssertFalse(fromEnvironment.screenReader)
        XCTAssertEqual(Presentation(selectionMarker: "   ").selectionMarker, ">", "never an invisible marker")
        XCTAssertEqual(Presentation(selectionMarker: "▶").rowPrefix(selected: false), "  ")
    }

    func testLineDrawingBecomesASCII() {
        XCTAssertEqual(LinearText.plain("│ quote ─┼─ ═ ▏"), "| quote -+- = |")
        XCTAssertEqual(LinearText.plain("plain · text ✓"), "plain · text ✓")
    }
}
