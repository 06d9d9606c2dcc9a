import ForaCore
import ForaRender
import XCTest

@testable import ForaTUI

/// Keys that never surprise, on a grid terminal: fixed review keys by action type, digits that
/// only count, confirmations any other key cancels, a focused post in the reader that counts
/// and post actions target, lists that start at their first row and a terminal too small to act.
final class KeysNeverSurpriseTests: XCTestCase, @unchecked Sendable, AppDriving {
    func testReviewKeysAreFixedByActionTypeAndNeverDigits() {
        let legacy = TriageActionKeys(bundles: FakeReviewSource.legacy)
        let refreshed = TriageActionKeys(bundles: [FakeReviewSource.postActions, FakeReviewSource.userActions])
        for keys in [legacy, refreshed] {
            XCTAssertTrue(keys.keyed.allSatisfy { !$0.key.isNumber }, "\(keys.keyed.map(\.key))")
        }
        // Deleting the post is `D` on both kinds of item, hiding `h`, suspending `Z`.
        for (id, key) in [("delete_and_agree", "D"), ("agree_and_hide", "h"), ("agree_and_suspend", "Z")] {
            XCTAssertEqual(legacy.keyed.first { $0.action.id == id }?.key, Character(key), id)
        }
        for (id, key) in [("delete_post", "D"), ("hide_post", "h"), ("suspend_user", "Z")] {
            XCTAssertEqual(refreshed.keyed.first { $0.action.id == id }?.key, Character(key), id)
        }
        XCTAssertEqual(ReviewActionKind(actionID: "disagree_and_restore"), .disagree)
        XCTAssertTrue(TriageAction(id: "disagree").isDestructive, "disagreeing cannot be undone: it asks")
    }

    func testADigitBeforeAnActionKeyIsRefusedAndNothingIsSent() {
        MainActor.assumeIsolated {
            let review = ReviewHarness()
            review.press(.character("1"), .character("N"))
            XCTAssertTrue(review.source.performed.isEmpty)
            XCTAssertTrue(review.statusLine.contains("does not apply to that key: nothing done"), review.statusLine)
            XCTAssertTrue(review.grid.line(0).hasPrefix("Review queue"), "no confirmation opened:\n\(review.grid.text)")
            review.press(.character("2"), .character("j"))
            XCTAssertEqual(review.screen?.queue.cursor, 2)
            XCTAssertTrue(review.source.performed.isEmpty)
        }
    }

    func testAKeyTheItemDoesNotOfferIsRefusedWithWhatItOffers() {
        MainActor.assumeIsolated {
            let review = ReviewHarness()
            review.press(.character("y"))
            XCTAssertTrue(review.source.performed.isEmpty)
            let message = review.app.status.message ?? ""
            XCTAssertTrue(message.contains("is not offered on post #"), message)
            XCTAssertTrue(message.contains("it offers "), message)
        }
    }

    func testAConfirmationCancelledByAnyOtherKeyDoesNothingElse() {
        MainActor.assumeIsolated {
            let review = ReviewHarness()
            review.press(.character("N"))
            XCTAssertTrue(review.grid.text.contains("Disagree on post #"), review.grid.text)
            XCTAssertTrue(review.grid.text.contains("Cannot be undone"), review.grid.text)
            review.press(.character("j"))
            XCTAssertTrue(review.source.performed.isEmpty)
            XCTAssertEqual(review.screen?.queue.cursor, 0, "the j was spent cancelling, not moving")
            XCTAssertEqual(review.app.status.message, "cancelled: nothing done")
            review.press(.character("N"), .enter)
            XCTAssertTrue(review.source.performed.isEmpty, "Enter does not confirm what cannot be undone")
            review.press(.character("N"), .character("y"))
            XCTAssertEqual(review.source.performed.map(\.action), ["disagree"])
        }
    }

    func testWithItemsMarkedTheHintsSayActionsActOnThem() {
        MainActor.assumeIsolated {
            let review = ReviewHarness()
            review.press(.character("x"))
            XCTAssertTrue(
                review.statusLine.contains("1 marked: keys act on them"), review.statusLine)
        }
    }

    func testTheErrorHintNamesWhatReallyDismissesIt() {
        MainActor.assumeIsolated {
            let review = ReviewHarness()
            review.app.status.lastError = "boom"
            review.app.draw()
            XCTAssertTrue(review.statusLine.contains("(:dismiss-error dismisses)"), review.statusLine)
            XCTAssertFalse(review.statusLine.contains("x dismisses"), review.statusLine)
        }
    }

    // MARK: Reader

    let runner = TestRunner()

    @MainActor
    private func readerApp(staff: Bool = true, posts: Int = 7) -> (AppController, GridTerminal, PostModerator) {
        let grid = GridTerminal(rows: 30, columns: 100)
        let app = AppController(
            terminal: grid, service: FakeService(topics: FakeService.topics(5)), siteTitle: "http://demo.test",
            readerSource: FakeReaderSource(postCount: posts), runner: runner, renderer: FakeRenderer(),
            opener: RecordingOpener())
        let moderator = PostModerator(staff: staff)
        app.topicModerator = moderator
        app.start()
        runner.settle()
        press(app, .enter)
        return (app, grid, moderator)
    }

    func testACountBeforeHideNamesThePostAndItAsksFirst() {
        MainActor.assumeIsolated {
            let (app, grid, moderator) = readerApp()
            press(app, .character("7"), .character("H"))
            XCTAssertTrue(moderator.postOperations.isEmpty, "nothing before the confirmation")
            XCTAssertTrue(grid.text.contains("Hide post #7 by @"), grid.text)
            press(app, .character("y"))
            XCTAssertEqual(moderator.postOperations.map(\.1), [1007], "post 7, not the question")
        }
    }

    func testJMovesTheFocusAndPostActionsTargetIt() {
        MainActor.assumeIsolated {
            let (app, grid, _) = readerApp()
            XCTAssertEqual(app.reader?.currentPostNumber, 1)
            press(app, .character("j"), .character("j"))
            XCTAssertEqual(app.reader?.currentPostNumber, 3)
            XCTAssertEqual(app.reader?.position, "post 3 (3/7)")
            let row = app.reader?.focusedScreenRow ?? -1
            XCTAssertTrue(grid.line(row).hasPrefix("#3 "), "the cursor row is post 3's header:\n\(grid.text)")
            XCTAssertTrue(grid.line(row + 1).hasPrefix("┃"), "a bar marks the focused post, not colour alone")
            XCTAssertFalse(grid.line(row - 2).hasPrefix("┃"), "only the focused post")
            press(app, .character("G"))
            XCTAssertEqual(app.reader?.currentPostNumber, 7, "G focuses the last post though it is not at the top")
            press(app, .character("2"), .character("G"))
            XCTAssertEqual(app.reader?.currentPostNumber, 2)
        }
    }

    func testNothingActsWhileTheTerminalIsTooSmall() {
        MainActor.assumeIsolated {
            let grid = GridTerminal(rows: 5, columns: 20)
            let app = AppController(
                terminal: grid, service: FakeService(topics: FakeService.topics(5)), siteTitle: "http://demo.test",
                readerSource: FakeReaderSource(postCount: 7), runner: runner, renderer: FakeRenderer(),
                opener: RecordingOpener())
            app.start()
            runner.settle()
            press(app, .enter)
            XCTAssertTrue(grid.text.contains("Terminal too small"), grid.text)
            XCTAssertNil(app.reader, "Enter opened nothing unseen")
            press(app, .character("q"))
            XCTAssertFalse(app.isRunning, "q quits")
        }
    }

    func testANewListStartsAtItsFirstRow() {
        MainActor.assumeIsolated {
            let grid = GridTerminal(rows: 30, columns: 100)
            let app = AppController(
                terminal: grid, service: FakeService(topics: FakeService.topics(20)), siteTitle: "http://demo.test",
                readerSource: FakeReaderSource(postCount: 7), runner: runner, renderer: FakeRenderer(),
                opener: RecordingOpener())
            app.start()
            runner.settle()
            app.draw()
            for _ in 0..<5 { press(app, .character("j")) }
            XCTAssertEqual(app.list.navigator.cursor, 5)
            app.perform(.showTop, count: nil)
            runner.settle()
            app.draw()
            XCTAssertEqual(app.list.navigator.cursor, 0, "the new list starts at its first row")
        }
    }

    func testLongMessagesWrapAboveTheStatusBarInsteadOfBeingCut() {
        MainActor.assumeIsolated {
            let grid = GridTerminal(rows: 24, columns: 80)
            let app = AppController(
                terminal: grid, service: FakeService(topics: FakeService.topics(5)), siteTitle: "http://demo.test",
                readerSource: FakeReaderSource(postCount: 7), runner: runner, renderer: FakeRenderer(),
                opener: RecordingOpener())
            app.start()
            runner.settle()
            let long =
                "post #4 by @dave: hide post done; it needs one more action (a user action) before it is finished"
            app.status.message = long
            app.draw()
            let text = (20...23).map { grid.line($0) }.joined(separator: " ")
            XCTAssertTrue(text.contains("it needs one more action"), text)
            XCTAssertTrue(text.contains("before it is finished"), text)
            XCTAssertTrue(grid.line(23).contains("1/5"), "the position stays in the status bar: \(grid.line(23))")
        }
    }
}

/// The composer's preview shows Discourse quote markup as a quote.
final class QuoteMarkupPreviewTests: XCTestCase {
    func testQuoteMarkupBecomesAQuoteInThePreview() {
        let html = MarkdownPreview.html("[quote=\"alice, post:3, topic:12\"]\nIt **crashed**.\n[/quote]\n\nThanks!")
        XCTAssertTrue(html.contains("<aside class=\"quote\">"), html)
        XCTAssertTrue(html.contains("<blockquote>"), html)
        XCTAssertTrue(html.contains("alice:"), html)
        XCTAssertTrue(html.contains("<strong>crashed</strong>"), "the quoted markdown is still markdown: \(html)")
        XCTAssertFalse(html.contains("[quote"), html)
        let hostile = MarkdownPreview.html("[quote=\"<script>, post:1\"]\nx\n[/quote]")
        XCTAssertFalse(hostile.contains("<script>"), hostile)
    }
}

/// Selection follows the item: a refresh keeps the selected reviewable, and says so plainly when
/// another moderator's work took it away, naming the item selected now.
final class ReviewSelectionFollowsTheItemTests: XCTestCase, @unchecked Sendable {
    func testARefreshKeepsTheItemOrSaysItLeft() {
        MainActor.assumeIsolated {
            let review = ReviewHarness()
            review.select(3)
            review.screen?.reload()
            review.runner.settle()
            XCTAssertEqual(review.screen?.selected?.id, 3, "a refresh keeps the same item")
            var done = FakeReviewSource.sample()[2]
            done.status = .approved
            done.reviewedBy = "moderator2"
            review.source.add(done)
            review.screen?.reload()
            review.runner.settle()
            review.app.draw()
            let message = review.app.status.message ?? ""
            XCTAssertTrue(message.contains("post #4 by @spammer3"), message)
            XCTAssertTrue(message.contains("left the queue (handled elsewhere); now on post #"), message)
            XCTAssertNotEqual(review.screen?.selected?.id, 3)
        }
    }
}

/// Help lines longer than the screen wrap instead of being cut.
final class HelpWrapTests: XCTestCase, @unchecked Sendable {
    func testLongHelpLinesWrapUnderTheirDescription() {
        MainActor.assumeIsolated {
            let help = HelpScreen(for: .reader, keymap: Keymap())
            let grid = GridTerminal(rows: 200, columns: 60)
            help.draw(on: grid, focused: true)
            XCTAssertTrue(grid.text.contains("focus the next post; a count"), grid.text)
            XCTAssertTrue(grid.text.contains("moves further)"), "the end of a long line is shown:\n\(grid.text)")
        }
    }
}
