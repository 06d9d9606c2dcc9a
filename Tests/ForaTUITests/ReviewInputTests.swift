import ForaCore
import XCTest

@testable import ForaTUI

/// What the review queue asks for before acting, and what its detail view explains: a reason
/// for the actions that require one, the score's explanation, and silencing or suspending an
/// item's author from the queue with `:silence`/`:suspend`.
final class ReviewInputTests: XCTestCase, @unchecked Sendable {
    private static let queued = ReviewItem(
        id: 20, type: "ReviewableQueuedPost", score: 30, version: 2, topicID: 120, topicTitle: "New topic",
        excerpt: "Please approve me", author: ReviewAuthor(userID: 77, username: "newbie"),
        bundles: [
            TriageBundle(
                id: "reject", label: "Reject…",
                actions: [
                    TriageAction(id: "reject_post", label: "Reject Post"),
                    TriageAction(
                        id: "revise_and_reject_post", label: "Revise Post…", clientAction: "revise_and_reject_post",
                        requiresRejectReason: true),
                ])
        ])

    func testAnActionThatRequiresAReasonAsksForOneAndSendsIt() {
        MainActor.assumeIsolated {
            let review = ReviewHarness(source: FakeReviewSource(items: [Self.queued]))
            review.press(review.key("revise_and_reject_post", on: 20))
            XCTAssertTrue(review.grid.text.contains("Revise Post… · queued post #20 by @newbie"), review.grid.text)
            XCTAssertTrue(review.source.performed.isEmpty, "nothing before the reason")
            review.press(.enter)
            XCTAssertTrue(review.grid.text.contains("a reason is required"), review.grid.text)
            review.type("please add the version number")
            review.press(.enter)
            XCTAssertEqual(
                review.source.performed,
                [.init(id: 20, action: "revise_and_reject_post", version: 2, reason: "please add the version number")])
            XCTAssertTrue(
                review.statusLine.contains("queued post #20 by @newbie in “New topic”: revise post… done"),
                review.statusLine)
        }
    }

    func testEscapeInTheReasonFormActsOnNothing() {
        MainActor.assumeIsolated {
            let review = ReviewHarness(source: FakeReviewSource(items: [Self.queued]))
            review.press(review.key("revise_and_reject_post", on: 20), .character("x"), .escape)
            XCTAssertTrue(review.source.performed.isEmpty)
            XCTAssertEqual(review.screen?.queue.visible.map(\.id), [20])
        }
    }

    func testTheDetailViewExplainsTheScore() {
        MainActor.assumeIsolated {
            let review = ReviewHarness(rows: 40)
            review.press(.enter)
            let text = review.grid.text
            XCTAssertTrue(text.contains("Score 11.0 explained"), text)
            XCTAssertTrue(
                text.contains("+6.0 Spam by @dave: type bonus 1.0, trust level 2.0, staff 0.0, accuracy 3.0"), text)
            XCTAssertTrue(text.contains("their flags: 4 agreed, 1 disagreed, 0 ignored"), text)
        }
    }

    func testSuspendFromTheQueueActsOnTheSelectedItemsAuthor() {
        MainActor.assumeIsolated {
            let review = ReviewHarness()
            let moderator = PostModerator(staff: true)
            review.app.topicModerator = moderator
            review.app.start()
            review.runner.settle()
            review.select(2)
            review.press(.character(":"))
            review.type("suspend 30d selling watches")
            review.press(.enter)
            XCTAssertTrue(review.grid.text.contains("Suspend @spammer2 for 30d?"), review.grid.text)
            review.press(.character("y"))
            XCTAssertEqual(moderator.penalties.map(\.userID), [52])
            XCTAssertEqual(moderator.penalties.map(\.reason), ["selling watches"])
            XCTAssertTrue(review.statusLine.contains("suspended @spammer2 for 30d"), review.statusLine)
            XCTAssertNotNil(review.screen, "still in the queue")
        }
    }

    private static let editable = ReviewItem(
        id: 30, score: 12, version: 4, topicID: 7, topicTitle: "Watches", postNumber: 3,
        excerpt: "Buy cheap watches", author: ReviewAuthor(userID: 70, username: "seller"),
        bundles: [
            TriageBundle(
                id: "agree", label: "Agree…",
                actions: [
                    TriageAction(id: "agree_and_keep", label: "Keep Post"),
                    TriageAction(id: "agree_and_edit", label: "Edit Post", clientAction: "edit"),
                ])
        ])

    func testAgreeAndEditHandsThePostToTheEditorSavesItThenActs() {
        MainActor.assumeIsolated {
            let review = ReviewHarness(source: FakeReviewSource(items: [Self.editable]))
            var drafts: [(String, String)] = []
            review.screen?.editText = { draft, context in
                drafts.append((draft, context))
                return .success("Watches are off topic here; link removed.")
            }
            review.press(review.key("agree_and_edit", on: 30))
            XCTAssertEqual(drafts.map(\.0), ["Buy cheap watches at example.com"])
            XCTAssertTrue(drafts.first?.1.contains("review item #30") == true)
            XCTAssertEqual(review.source.edits.map(\.id), [703], "post 3 of topic 7")
            XCTAssertEqual(review.source.edits.map(\.raw), ["Watches are off topic here; link removed."])
            XCTAssertEqual(review.source.performed.map(\.action), ["agree_and_edit"], "acted after the save")
            XCTAssertTrue(review.statusLine.contains(": edit post done"), review.statusLine)
        }
    }

    func testAnUnchangedOrFailedEditActsOnNothing() {
        MainActor.assumeIsolated {
            let review = ReviewHarness(source: FakeReviewSource(items: [Self.editable]))
            review.screen?.editText = { draft, _ in .success(draft + "\n") }
            review.press(review.key("agree_and_edit", on: 30))
            XCTAssertTrue(review.statusLine.contains("#30: the post is unchanged, nothing done"), review.statusLine)
            review.screen?.editText = { _, _ in .failure(ForaError.other("editor exited with status 1")) }
            review.press(review.key("agree_and_edit", on: 30))
            XCTAssertTrue(review.statusLine.contains("the editor failed, nothing done"), review.statusLine)
            XCTAssertTrue(review.source.edits.isEmpty)
            XCTAssertTrue(review.source.performed.isEmpty)
            XCTAssertEqual(review.screen?.queue.visible.map(\.id), [30])
        }
    }
}
