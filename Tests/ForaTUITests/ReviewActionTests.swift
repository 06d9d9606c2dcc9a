import ForaCore
import XCTest

@testable import ForaTUI

/// Acting on the review queue: optimistic moves, failures, conflicts, bulk confirmation,
/// destructive confirmation, the penalty form, the 2025 two-bundle flow and claims.
final class ReviewActionTests: XCTestCase, @unchecked Sendable {
    func testActingMovesToTheNextItemWhileTheRequestRuns() {
        MainActor.assumeIsolated {
            let review = ReviewHarness()
            review.pressWithoutSettling(review.key("agree_and_hide", on: 1))
            XCTAssertEqual(review.screen?.queue.selected?.id, 2, "the next item at once")
            XCTAssertTrue(review.grid.line(0).contains("4 items · 1 sending"), review.grid.line(0))
            XCTAssertTrue(review.grid.line(1).contains("18.0"), review.grid.text)
            XCTAssertTrue(review.source.performed.isEmpty, "the request has not run yet")
            review.runner.settle()
            review.app.draw()
            XCTAssertEqual(review.source.performed, [.init(id: 1, action: "agree_and_hide", version: 1, penalty: nil)])
            XCTAssertTrue(review.grid.line(0).contains("4 items"), review.grid.line(0))
            XCTAssertFalse(review.grid.line(0).contains("sending"), review.grid.line(0))
            XCTAssertTrue(
                review.statusLine.contains("post #2 by @spammer1 in “Topic 1”: agree and hide done"), review.statusLine)
            XCTAssertTrue(review.statusLine.contains("4 to review"), review.statusLine)
        }
    }

    func testAFailurePutsTheItemBackAndSaysWhy() {
        MainActor.assumeIsolated {
            let review = ReviewHarness()
            review.source.fail(1, with: .serverError(status: 502))
            review.pressWithoutSettling(review.key("disagree", on: 1))
            review.pressWithoutSettling(.character("y"))
            XCTAssertEqual(review.screen?.queue.visible.count, 4)
            review.runner.settle()
            review.app.draw()
            XCTAssertEqual(review.screen?.queue.visible.count, 5, "back in the queue")
            XCTAssertTrue(review.grid.line(2).contains("number 1"), review.grid.text)
            XCTAssertTrue(
                review.app.status.lastError?.contains(
                    "post #2 by @spammer1 in “Topic 1” is back: disagree failed: server error")
                    == true, review.statusLine)
        }
    }

    func testAConflictRefreshesTheItemAndExplains() {
        MainActor.assumeIsolated {
            let review = ReviewHarness()
            review.source.bump(1)  // another moderator edited it: our version 1 is stale
            review.press(review.key("agree_and_keep", on: 1))
            XCTAssertTrue(review.source.performed.isEmpty)
            XCTAssertTrue(
                review.app.status.lastError?.contains(
                    "conflict: post #2 by @spammer1 in “Topic 1” changed on the server")
                    == true, review.statusLine)
            XCTAssertEqual(review.screen?.queue.items.first { $0.id == 1 }?.version, 2, "refreshed")
            XCTAssertEqual(review.screen?.queue.visible.count, 5)
            review.select(1)
            review.press(review.key("agree_and_keep", on: 1))
            XCTAssertEqual(review.source.performed.map(\.version), [2], "acted once, on the fresh version")
            XCTAssertTrue(
                review.statusLine.contains("post #2 by @spammer1 in “Topic 1”: agree and keep done"),
                "the old error gives way: \(review.statusLine)")
            XCTAssertEqual(review.screen?.queue.visible.count, 4)
        }
    }

    func testAnItemSomeoneElseFinishedLeavesWithTheirName() {
        MainActor.assumeIsolated {
            let review = ReviewHarness()
            var done = FakeReviewSource.sample()[0]
            done.status = .approved
            done.version = 5
            done.reviewedBy = "moderator2"
            review.source.add(done)
            review.press(review.key("agree_and_hide", on: 1))
            XCTAssertTrue(
                review.app.status.lastError?.contains("conflict: @moderator2 already approved post #2 by @spammer1")
                    == true,
                review.statusLine)
            XCTAssertEqual(review.screen?.queue.visible.map(\.id), [2, 3, 4, 5])
        }
    }

    func testTheNewStyleNeedsOneActionFromEachBundle() {
        MainActor.assumeIsolated {
            let review = ReviewHarness()
            review.select(3)
            review.press(review.key("no_action_post", on: 3))
            XCTAssertTrue(
                review.app.status.message?.contains(
                    "post #4 by @spammer3 in “Topic 3”: no action on post done; it needs one more action") == true,
                review.statusLine)
            review.select(3)
            let hints = review.screen?.directHints ?? ""
            XCTAssertTrue(hints.contains("silence user") && !hints.contains("hide post"), hints)
            let before = TriageActionKeys(bundles: [FakeReviewSource.postActions, FakeReviewSource.userActions])
            let suspendKey = before.keyed.first { $0.action.id == "suspend_user" }?.key
            XCTAssertTrue(hints.contains("\(suspendKey ?? "?") suspend user"), "keys stay put: \(hints)")
            review.press(review.key("no_action_user", on: 3))
            XCTAssertEqual(review.source.performed.map(\.action), ["no_action_post", "no_action_user"])
            XCTAssertFalse(review.screen?.queue.items.contains { $0.id == 3 } ?? true)
        }
    }

    func testBulkActsOnAllMarkedAfterOneConfirmation() {
        MainActor.assumeIsolated {
            let review = ReviewHarness()
            review.press(.character(" "), .character("x"), .character("x"))
            XCTAssertEqual(review.screen?.queue.marked, [1, 2, 3])
            XCTAssertTrue(review.grid.line(0).contains("3 marked"), review.grid.line(0))
            XCTAssertTrue(review.grid.line(1).dropFirst(2).hasPrefix("● "), review.grid.line(1))
            review.press(review.key("agree_and_hide", on: 1))
            let text = review.grid.text
            XCTAssertTrue(text.contains("Agree and Hide on 2 marked items (1 skipped: they do not offer it)?"), text)
            XCTAssertTrue(text.contains("post #2 by @spammer1"), text)
            XCTAssertTrue(text.contains("skipped: post #4"), text)
            XCTAssertTrue(review.source.performed.isEmpty)
            review.press(.character("y"))
            XCTAssertEqual(review.source.performed.map(\.id).sorted(), [1, 2])
            XCTAssertEqual(review.screen?.queue.visible.map(\.id), [3, 4, 5])
            XCTAssertTrue(review.grid.line(0).hasPrefix("Review queue"), "the confirmation closed")
        }
    }

    func testDestructiveActionsAlwaysConfirm() {
        MainActor.assumeIsolated {
            let review = ReviewHarness()
            review.press(review.key("delete_and_agree", on: 1))
            XCTAssertTrue(review.grid.line(0).contains("this cannot be undone"), review.grid.text)
            XCTAssertTrue(review.grid.text.contains("Delete this post?"), review.grid.text)
            review.press(.character("n"))
            XCTAssertTrue(review.source.performed.isEmpty)
            XCTAssertEqual(review.screen?.queue.visible.count, 5)
            review.press(review.key("delete_and_agree", on: 1), .character("j"))
            XCTAssertTrue(review.source.performed.isEmpty, "any other key cancels a confirmation")
            XCTAssertEqual(review.screen?.queue.cursor, 0, "and does nothing else")
            review.press(review.key("delete_and_agree", on: 1), .enter)
            XCTAssertTrue(review.source.performed.isEmpty, "Enter does not confirm a destructive action")
            review.press(review.key("delete_and_agree", on: 1), .character("y"))
            XCTAssertEqual(review.source.performed.map(\.action), ["delete_and_agree"])
        }
    }

    func testSuspendAsksForAReasonAndADuration() {
        MainActor.assumeIsolated {
            let review = ReviewHarness()
            review.press(review.key("agree_and_suspend", on: 1))
            XCTAssertTrue(review.grid.line(0).hasPrefix("Agree and Suspend · suspend @spammer1"), review.grid.text)
            XCTAssertTrue(review.statusLine.contains("Enter submit"), review.statusLine)
            review.press(.enter)
            XCTAssertTrue(review.grid.text.contains("a reason is required"), review.grid.text)
            review.type("spam links")
            review.press(.tab, .backspace)
            review.type("30")
            XCTAssertTrue(review.grid.text.contains("Days:   30"), review.grid.text)
            review.press(.enter)
            XCTAssertEqual(
                review.source.performed,
                [
                    .init(
                        id: 1, action: "agree_and_suspend", version: 1,
                        penalty: .init(kind: .suspend, userID: 51, reason: "spam links", days: 30))
                ])
            XCTAssertTrue(review.grid.line(0).hasPrefix("Review queue"), review.grid.text)
        }
    }

    func testClaimAndAClaimConflict() {
        MainActor.assumeIsolated {
            let review = ReviewHarness()
            review.press(.character("c"))
            XCTAssertTrue(review.grid.line(1).contains("claimed by moderator"), review.grid.line(1))
            XCTAssertTrue(review.statusLine.contains("claimed topic 101"), review.statusLine)
            review.press(.character("u"))
            XCTAssertFalse(review.grid.line(1).contains("claimed by"), review.grid.line(1))
            review.source.conflictOnClaim()
            review.press(.character("c"))
            XCTAssertTrue(review.statusLine.contains("already claimed by someone else"), review.statusLine)
        }
    }

    /// The next item is on screen before the request has even started, whatever the server's
    /// latency (the time this takes is measured by the benchmarks, not here).
    func testTheNextItemIsOnScreenBeforeTheRequestRuns() {
        MainActor.assumeIsolated {
            let review = ReviewHarness()
            let key = review.key("agree_and_hide", on: 1)
            review.app.handle(key)
            review.app.draw()
            XCTAssertTrue(review.grid.line(1).contains("18.0"), "the next item is on screen")
            XCTAssertGreaterThan(review.runner.pending, 0, "the request has not run yet")
            review.runner.settle()
            XCTAssertEqual(review.runner.pending, 0)
        }
    }

    func testReloadKeepsMarksSelectionAndItemsInFlight() {
        var queue = TriageQueue((1...4).map { ReviewItem(id: $0) })
        queue.toggleMark()  // marks 1, cursor on 2
        queue.begin([ReviewItem(id: 2)])  // 2 in flight, cursor on 3
        XCTAssertEqual(queue.selected?.id, 3)
        queue.reload([ReviewItem(id: 3), ReviewItem(id: 1), ReviewItem(id: 5)])
        XCTAssertEqual(queue.selected?.id, 3, "the selection follows its item")
        XCTAssertEqual(queue.marked, [1])
        XCTAssertEqual(queue.visible.map(\.id), [3, 1, 5])
        queue.finish(2, .failed("boom"))
        XCTAssertTrue(queue.visible.contains { $0.id == 2 }, "a failure still puts it back")
        queue.remove(1)
        XCTAssertEqual(queue.marked, [])
    }
}
