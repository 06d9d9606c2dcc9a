import XCTest

@testable import ForaCore

final class ModerationLogicTests: XCTestCase {
    private struct Item: Identifiable, Sendable, Equatable {
        let id: Int
        var version = 1
    }

    /// The 2025 "reviewable refresh" bundles, as a payload names them.
    private let refreshBundles = [
        TriageBundle(
            id: "7-post-actions", label: "Post",
            actions: [
                TriageAction(id: "no_action_post", label: "No action"),
                TriageAction(id: "hide_post", label: "Hide post"),
                TriageAction(id: "delete_post_and_replies", label: "Delete post and replies", confirmMessage: "Sure?"),
            ]),
        TriageBundle(
            id: "7-user-actions", label: "User",
            actions: [
                TriageAction(id: "no_action_user", label: "No action"),
                TriageAction(id: "suspend_user", label: "Suspend user", clientAction: "suspend"),
            ]),
    ]

    func testEveryActionGetsItsOwnStableKeyAvoidingNavigationKeys() {
        let keys = TriageActionKeys(bundles: refreshBundles)
        XCTAssertEqual(keys.keyed.count, 5)
        XCTAssertEqual(Set(keys.keyed.map(\.key)).count, 5, "no two actions share a key")
        XCTAssertTrue(keys.keyed.allSatisfy { !TriageActionKeys.reserved.contains($0.key) })
        XCTAssertEqual(keys.action(for: "h")?.id, "hide_post")
        XCTAssertEqual(keys, TriageActionKeys(bundles: refreshBundles), "the same payload gives the same keys")
        XCTAssertTrue(keys.hints.contains("h hide post"))
    }

    func testDestructiveActionsAreRecognisedWhateverTheFlags() {
        XCTAssertTrue(TriageAction(id: "delete_and_agree").isDestructive)
        XCTAssertTrue(TriageAction(id: "agree_and_suspend", clientAction: "suspend").needsForm)
        XCTAssertTrue(TriageAction(id: "custom", confirmDestructive: true).isDestructive)
        XCTAssertFalse(TriageAction(id: "agree_and_keep").isDestructive)
    }

    func testAnItemIsFinishedOnlyAfterOneActionOfEveryBundle() {
        var progress = TriageProgress(bundles: refreshBundles)
        progress.record("hide_post")
        XCTAssertEqual(progress.remaining.map(\.id), ["7-user-actions"])
        progress.record("no_action_user")
        XCTAssertTrue(progress.remaining.isEmpty)
    }

    func testActingMovesOnAtOnceAndAFailurePutsTheItemBack() {
        var queue = TriageQueue([Item(id: 1), Item(id: 2), Item(id: 3)])
        queue.move(by: 1)
        XCTAssertEqual(queue.selected?.id, 2)
        queue.begin(queue.targets)
        XCTAssertEqual(queue.visible.map(\.id), [1, 3])
        XCTAssertEqual(queue.selected?.id, 3, "the next item is selected while the request runs")
        queue.finish(2, .failed("server error (HTTP 500)"))
        XCTAssertEqual(queue.visible.map(\.id), [1, 2, 3], "the item is back in its place")
        XCTAssertEqual(queue.message, "server error (HTTP 500)")
        queue.begin([Item(id: 2)])
        queue.finish(2, .done)
        XCTAssertEqual(queue.visible.map(\.id), [1, 3])
    }

    /// Seen in a walkthrough: marking two items, then a bulk action with the focus on a third,
    /// left the cursor at the same position, on another person's item.
    func testTheFocusStaysOnItsItemWhenOthersLeaveOrComeBack() {
        var queue = TriageQueue((1...6).map { Item(id: $0) })
        queue.move(by: 1)
        queue.toggleMark()  // 2, the cursor moves to 3
        queue.toggleMark()  // 3, the cursor moves to 4
        XCTAssertEqual(queue.selected?.id, 4)
        queue.begin(queue.targets)
        XCTAssertEqual(queue.visible.map(\.id), [1, 4, 5, 6])
        XCTAssertEqual(queue.selected?.id, 4, "still the item the moderator is looking at")
        queue.finish(2, .failed("server error (HTTP 500)"))
        XCTAssertEqual(queue.selected?.id, 4, "an item put back above does not push the focus onto another")
        queue.finish(3, .done)
        queue.remove(1)
        XCTAssertEqual(queue.selected?.id, 4)
        queue.remove(4)
        XCTAssertEqual(queue.selected?.id, 5, "its own removal moves on to the next")
        queue.move(by: 5)
        queue.remove(6)
        XCTAssertEqual(queue.selected?.id, 5, "the last one gone: the one before")
    }

    /// A single action on the focused item moves on while it runs; if the item comes back
    /// (a failure, or one more action needed) the focus goes back to it, unless the moderator
    /// has moved meanwhile.
    func testAFocusedItemThatComesBackTakesTheFocusBack() {
        var queue = TriageQueue((1...4).map { Item(id: $0) })
        queue.move(by: 1)
        queue.begin(queue.targets)
        XCTAssertEqual(queue.selected?.id, 3)
        queue.finish(2, .conflict("needs another action"))
        XCTAssertEqual(queue.selected?.id, 2)
        queue.begin(queue.targets)
        queue.move(by: 1)
        XCTAssertEqual(queue.selected?.id, 4)
        queue.finish(2, .failed("server error (HTTP 500)"))
        XCTAssertEqual(queue.selected?.id, 4, "the moderator moved on: the focus stays")
    }

    func testAConflictMarksTheItemStaleUntilRefreshed() {
        var queue = TriageQueue([Item(id: 1)])
        queue.begin(queue.targets)
        queue.finish(1, .conflict("someone else handled it"))
        XCTAssertEqual(queue.stale, [1])
        queue.refresh(Item(id: 1, version: 2))
        XCTAssertTrue(queue.stale.isEmpty)
        XCTAssertEqual(queue.items.first?.version, 2)
    }

    func testBulkActsOnMarkedItemsAndConfirmsWithAList() {
        var queue = TriageQueue([Item(id: 1), Item(id: 2), Item(id: 3)])
        queue.toggleMark()
        queue.move(by: 1)
        queue.toggleMark()
        XCTAssertEqual(queue.targets.map(\.id), [1, 3])
        let plan = BulkActionPlan(
            actionID: "delete_post", items: queue.targets.map(\.id),
            offers: [1: ["delete_post", "hide_post"], 3: ["approve_user"]], destructive: true)
        XCTAssertEqual(plan.applicable, [1])
        XCTAssertEqual(plan.skipped, [3])
        XCTAssertEqual(
            plan.confirmation, "delete post on 1 item (1 skipped: they do not offer it). This cannot be undone?")
        queue.begin(queue.targets)
        XCTAssertTrue(queue.marked.isEmpty)
    }

    func testOperationsAreOfferedOnlyToThoseAllowed() {
        let member = ModerationViewer(trustLevel: 2)
        let moderator = ModerationViewer(isModerator: true, trustLevel: 4)
        XCTAssertEqual(ModerationOperation.closeTopic.unavailableReason(for: member), "moderators only")
        XCTAssertTrue(ModerationOperation.closeTopic.isAvailable(for: moderator))
        XCTAssertTrue(ModerationOperation.flagPost.isAvailable(for: member))
        XCTAssertFalse(ModerationOperation.flagPost.isAvailable(for: member, reported: ["can_flag": false]))
        XCTAssertTrue(ModerationOperation.deletePost.isAvailable(for: member, reported: ["can_delete": true]))
        XCTAssertFalse(ModerationOperation.suspendUser.isAvailable(for: member))
        XCTAssertFalse(ModerationOperation.flagPost.isAvailable(for: ModerationViewer(isLoggedIn: false)))
        XCTAssertEqual(ModerationOperation.unlistTopic.topicStatus?.status, "visible")
        XCTAssertEqual(ModerationOperation.unlistTopic.topicStatus?.enabled, false)
    }
}
