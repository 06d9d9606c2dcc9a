import ForaCore
import XCTest

@testable import ForaTUI

/// The review queue's screen: rows, per-item keys from the payload, filters, permissions,
/// the detail view and the way in.
final class ReviewQueueScreenTests: XCTestCase, @unchecked Sendable {
    func testRowsShowTypeStatusScoreReasonsAuthorFlaggersAndAge() {
        MainActor.assumeIsolated {
            let review = ReviewHarness()
            let grid = review.grid
            XCTAssertTrue(grid.line(0).hasPrefix("Review queue · pending · by score · 5 items"), grid.line(0))
            let first = grid.line(1)
            for part in ["19.0", "Flagged post", "pending", "Spam ×2, Off-Topic", "· 1h"] {
                XCTAssertTrue(first.contains(part), "\(part) in \(first)")
            }
            let second = grid.line(2)
            for part in [
                "@spammer1 TL0, 1 earlier flag", "flagged by dave, erin, fred", "\u{201C}Buy cheap watches number 1",
            ] {
                XCTAssertTrue(second.contains(part), "\(part) in \(second)")
            }
            XCTAssertEqual(grid.style(row: 1, column: 3), .selected)
            XCTAssertTrue(grid.line(3).contains("18.0"), "highest score first:\n\(grid.text)")
            XCTAssertTrue(review.statusLine.contains("5 to review"), review.statusLine)
            XCTAssertTrue(review.statusLine.contains("item 1/5"), review.statusLine)
        }
    }

    func testKeysComeFromThePayloadInBothFormats() {
        MainActor.assumeIsolated {
            let review = ReviewHarness()
            let legacy = review.screen?.directHints ?? ""
            XCTAssertTrue(legacy.hasPrefix("h agree and hide"), legacy)
            for label in ["agree and keep", "delete post", "agree and suspend", "disagree", "ignore"] {
                XCTAssertTrue(legacy.contains(label), "\(label) in \(legacy)")
            }
            XCTAssertTrue(review.statusLine.contains("h agree and hide"), review.statusLine)
            review.press(.character("j"), .character("j"))
            XCTAssertEqual(review.screen?.queue.selected?.id, 3)
            let refreshed = review.screen?.directHints ?? ""
            for label in ["no action on post", "hide post", "delete post", "silence user", "suspend user"] {
                XCTAssertTrue(refreshed.contains(label), "\(label) in \(refreshed)")
            }
            XCTAssertFalse(refreshed.contains("agree"), refreshed)
            // No action key takes a key the screen keeps for itself.
            let keys = TriageActionKeys(bundles: FakeReviewSource.legacy + [FakeReviewSource.postActions])
            XCTAssertTrue(keys.keyed.allSatisfy { !TriageActionKeys.reserved.contains($0.key) })
        }
    }

    func testRemappedKeysAreNeverTakenByAnAction() {
        MainActor.assumeIsolated {
            let review = ReviewHarness(config: TUIConfig.parse("[keys.review]\nclaim = \"a\"\n"))
            let hints = review.screen?.directHints ?? ""
            XCTAssertFalse(hints.hasPrefix("a "), hints)
            XCTAssertTrue(hints.contains("agree and hide"), hints)
            review.press(.character("a"))
            XCTAssertTrue(review.grid.line(1).contains("claimed by moderator"), review.grid.line(1))
            XCTAssertTrue(review.source.performed.isEmpty)
        }
    }

    func testFiltersSwitchStatusTypeCategoryAndOrder() {
        MainActor.assumeIsolated {
            let review = ReviewHarness()
            review.press(.character("S"))
            XCTAssertTrue(review.grid.line(0).contains("approved · by score · 1 item"), review.grid.line(0))
            XCTAssertTrue(review.grid.line(2).contains("Old approved one"), review.grid.text)
            XCTAssertEqual(review.screen?.directHints, "", "nothing to do on an approved item")
            review.press(.character("S"), .character("S"), .character("S"))
            XCTAssertTrue(review.grid.line(0).contains("all · by score · 6 items"), review.grid.line(0))
            review.press(.character("S"), .character("C"))
            XCTAssertTrue(
                review.grid.line(0).contains("pending · category Support · by score · 3 items"), review.grid.line(0))
            review.press(.character("O"))
            XCTAssertTrue(review.grid.line(0).contains("oldest first"), review.grid.line(0))
            XCTAssertTrue(review.grid.line(2).contains("number 5"), "oldest first:\n\(review.grid.text)")
            review.press(.character("T"))
            XCTAssertTrue(review.grid.line(0).contains("type Flagged post"), review.grid.line(0))
            review.press(.character("T"), .character("T"))
            XCTAssertTrue(review.grid.line(0).contains("0 items"), review.grid.line(0))
            XCTAssertTrue(review.grid.text.contains("Nothing to review here"), review.grid.text)
        }
    }

    func testSavedFiltersFromTheConfig() {
        MainActor.assumeIsolated {
            let config = TUIConfig.parse(
                "[review]\npoll = 30\n[review.filters.done]\nstatus = \"approved\"\n[review.filters.oldest]\nsort = \"age\"\n"
            )
            XCTAssertEqual(config.reviewPollSeconds, 30)
            XCTAssertEqual(config.reviewFilters.map(\.name), ["done", "oldest"])
            let review = ReviewHarness(config: config)
            review.press(.character("F"))
            XCTAssertTrue(review.grid.line(0).contains("approved"), review.grid.line(0))
            XCTAssertTrue(review.statusLine.contains("filter done"), review.statusLine)
            review.press(.character("F"))
            XCTAssertTrue(review.grid.line(0).contains("pending · oldest first"), review.grid.line(0))
        }
    }

    func testStaffOnlyAndUnavailableActionsAreNotOffered() {
        MainActor.assumeIsolated {
            let review = ReviewHarness(source: FakeReviewSource(viewer: FakeReviewSource.member))
            XCTAssertNil(review.screen, "no queue for a member")
            XCTAssertTrue(review.statusLine.contains("review queue: moderators only"), review.statusLine)
            XCTAssertFalse(review.statusLine.contains("to review"), "no count for a member")
            review.press(.character("?"))
            XCTAssertTrue(review.grid.text.contains("review: unavailable, moderators only"), review.grid.text)
            review.press(.character("q"))
            // A screen for a viewer without the rights offers no action keys and explains why.
            let screen = ReviewQueueScreen(
                source: review.source, runner: review.runner, viewer: FakeReviewSource.member)
            screen.reload()
            review.runner.settle()
            XCTAssertEqual(screen.directHints, "")
            XCTAssertTrue(
                screen.helpLines.contains {
                    $0.contains("agree_and_hide") && $0.contains("unavailable: moderators only")
                })
            XCTAssertEqual(screen.handleDirect(.character("h")), .message("Agree and Hide: moderators only"))
            XCTAssertTrue(review.source.performed.isEmpty)
        }
    }

    func testHelpListsTheItemsActionKeys() {
        MainActor.assumeIsolated {
            let review = ReviewHarness()
            review.press(.character("?"))
            let text = review.grid.text
            XCTAssertTrue(text.contains("Actions of review item #1 (post #2 by @spammer1"), text)
            XCTAssertTrue(text.contains("h   agree_and_hide"), text)
            let help = (review.app.overlays.last as? HelpScreen)?.text ?? ""
            XCTAssertTrue(help.contains("Review action keys (the same on every item"), help)
            XCTAssertTrue(help.contains("Keys on this screen (review)"), help)
            review.press(.character("q"))
            XCTAssertNotNil(review.app.focused as? ReviewQueueScreen)
        }
    }

    func testDetailShowsScoreNotesAndOpensThePostInTheReader() {
        MainActor.assumeIsolated {
            let review = ReviewHarness()
            review.press(.enter)
            let text = review.grid.text
            XCTAssertTrue(review.grid.line(0).hasPrefix("Review item #1"), text)
            XCTAssertTrue(text.contains("in \u{201C}Topic 1\u{201D} post #2"), text)
            XCTAssertTrue(text.contains("Score 19.0, from 3 flags"), text)
            XCTAssertTrue(text.contains("+6.0  Spam by @dave (their flags: 4 agreed, 1 disagreed)"), text)
            XCTAssertTrue(text.contains("note: obvious spam"), text)
            review.press(.character("o"))
            XCTAssertTrue(review.grid.line(0).hasPrefix("Topic number 101"), review.grid.text)
            XCTAssertTrue(review.grid.line(1).hasPrefix("#2 "), review.grid.text)
            review.press(.character("q"))
            XCTAssertTrue(review.grid.line(0).hasPrefix("Review item #1"), review.grid.text)
            review.press(.character("q"))
            XCTAssertTrue(review.grid.line(0).hasPrefix("Review queue"), review.grid.text)
            // Acting from the detail goes back to the queue, on the next item.
            review.press(.enter)
            XCTAssertTrue(review.statusLine.contains("h agree and hide"), review.statusLine)
            review.press(review.key("disagree", on: 1))
            XCTAssertTrue(review.grid.text.contains("Disagree on post #2 by @spammer1"), "disagree asks first")
            review.press(.character("y"))
            XCTAssertTrue(review.grid.line(0).hasPrefix("Review queue"), review.grid.text)
            XCTAssertEqual(review.source.performed.map(\.action), ["disagree"])
            XCTAssertEqual(review.screen?.queue.selected?.id, 2)
            review.press(.enter, review.key("delete_and_agree", on: 2))
            XCTAssertTrue(review.grid.line(0).contains("this cannot be undone"), "a confirmation replaces the detail")
            review.press(.character("n"))
            XCTAssertTrue(review.grid.line(0).hasPrefix("Review queue"), review.grid.text)
            review.press(.character("q"))
            XCTAssertTrue(review.grid.line(1).contains("Topic number 1"), "back on the list:\n\(review.grid.text)")
            XCTAssertTrue(review.statusLine.contains("4 to review"), "the count stays on every screen")
        }
    }

    func testPollingBringsNewFlagsWithoutARefresh() {
        MainActor.assumeIsolated {
            let review = ReviewHarness()
            XCTAssertTrue(review.grid.line(0).contains("5 items"))
            var flag = FakeReviewSource.sample()[0]
            flag.id = 7
            flag.score = 30
            flag.excerpt = "A brand new flag"
            review.source.add(flag)
            review.app.pollReviews()
            review.runner.settle()
            review.app.draw()
            XCTAssertTrue(review.statusLine.contains("6 to review"), review.statusLine)
            XCTAssertTrue(review.grid.line(0).contains("6 items"), review.grid.line(0))
            XCTAssertTrue(review.grid.line(2).contains("A brand new flag"), review.grid.text)
            XCTAssertEqual(review.screen?.queue.selected?.id, 1, "the cursor stays on its item")
        }
    }
}

/// The way in: `:review` on the command line works like `M`.
final class ReviewEntryTests: XCTestCase, @unchecked Sendable {
    func testCommandLineOpensTheQueue() {
        MainActor.assumeIsolated {
            let review = ReviewHarness(open: false)
            XCTAssertTrue(review.statusLine.contains("5 to review"), review.statusLine)
            review.type(":review")
            review.press(.enter)
            XCTAssertTrue(review.grid.line(0).hasPrefix("Review queue"), review.grid.text)
        }
    }
}
