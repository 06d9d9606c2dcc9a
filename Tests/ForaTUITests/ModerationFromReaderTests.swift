import ForaCore
import XCTest

@testable import ForaTUI

/// Moderating from the reader on a grid terminal: the focused post (hide/unhide with `H`,
/// delete/recover with `X` after a confirmation), its author (`:silence`, `:suspend` with a
/// duration and a reason, or through the form) and the topic's category (`:move` with Tab
/// completion). Members are refused with the reason and the help lists what they may not do.
final class ModerationFromReaderTests: XCTestCase, @unchecked Sendable, AppDriving {
    let runner = TestRunner()

    @MainActor
    private func makeApp(staff: Bool, rows: Int = 24) -> (AppController, GridTerminal, PostModerator, FakeReaderSource)
    {
        let grid = GridTerminal(rows: rows, columns: 100)
        let source = FakeReaderSource(postCount: 10)
        let app = AppController(
            terminal: grid, service: FakeService(topics: FakeService.topics(5)), siteTitle: "http://demo.test",
            readerSource: source, runner: runner, renderer: FakeRenderer(), opener: RecordingOpener())
        let moderator = PostModerator(staff: staff)
        app.topicModerator = moderator
        app.start()
        runner.settle()
        press(app, .enter)
        return (app, grid, moderator, source)
    }

    @MainActor
    private func command(_ app: AppController, _ line: String) {
        app.handle(.character(":"))
        for character in line { app.handle(.character(character)) }
        app.handle(.enter)
        runner.settle()
        app.draw()
    }

    func testStaffHideTheFocusedPostAfterAskingAndTheSameKeyUnhidesAHiddenOne() {
        MainActor.assumeIsolated {
            let (app, grid, moderator, source) = makeApp(staff: true)
            press(app, .character("H"))
            XCTAssertTrue(grid.text.contains("Hide post #1 by @alice?"), "hiding asks first:\n\(grid.text)")
            XCTAssertTrue(moderator.postOperations.isEmpty)
            press(app, .character("y"))
            XCTAssertEqual(moderator.postOperations.map(\.0), [.hidePost])
            XCTAssertEqual(moderator.postOperations.map(\.1), [1001], "the post at the top")
            XCTAssertEqual(app.status.message, "post hide #1: done", grid.line(23))

            source.hiddenNumbers = [1]
            press(app, .character("r"))
            press(app, .character("H"), .character("y"))
            XCTAssertEqual(moderator.postOperations.map(\.0), [.hidePost, .unhidePost])
            command(app, "unhide")
            press(app, .character("y"))
            XCTAssertEqual(app.status.message, "post unhide #1: done")
            source.hiddenNumbers = []
            press(app, .character("r"))
            command(app, "unhide")
            XCTAssertEqual(app.status.message, "post #1 is not hidden")
        }
    }

    func testDeletingAsksFirstAndOnlyYesDeletes() {
        MainActor.assumeIsolated {
            let (app, grid, moderator, source) = makeApp(staff: true)
            press(app, .character("X"))
            XCTAssertTrue(grid.text.contains("Delete post #1 by @alice?"), grid.text)
            XCTAssertTrue(grid.text.contains("Body of post 1"), grid.text)
            press(app, .character("n"))
            XCTAssertTrue(moderator.postOperations.isEmpty, "n cancels")
            XCTAssertNil(app.overlays.last, "back to the reader")
            press(app, .character("X"), .character("y"))
            XCTAssertEqual(moderator.postOperations.map(\.0), [.deletePost])

            source.deletedNumbers = [1]
            press(app, .character("r"))
            press(app, .character("X"))
            XCTAssertTrue(grid.text.contains("Recover post #1 by @alice?"), grid.text)
            press(app, .character("y"))
            XCTAssertEqual(moderator.postOperations.map(\.0), [.deletePost, .recoverPost], "recovering asks too")
        }
    }

    func testMembersAreRefusedWithTheReasonAndTheHelpShowsTheOperationsAsUnavailable() {
        MainActor.assumeIsolated {
            let (app, _, moderator, _) = makeApp(staff: false, rows: 80)
            press(app, .character("H"))
            XCTAssertEqual(app.status.message, "post hide: moderators only")
            press(app, .character("X"))
            XCTAssertEqual(app.status.message, "post delete: only staff or the author can do this")
            command(app, "suspend 7d spam")
            XCTAssertEqual(app.status.message, "suspend: only staff can suspend")
            command(app, "move Billing")
            XCTAssertEqual(app.status.message, "move: only staff can move topics")
            XCTAssertTrue(moderator.postOperations.isEmpty && moderator.penalties.isEmpty && moderator.moves.isEmpty)

            press(app, .character("?"))
            let help = (app.overlays.last as? HelpScreen)?.text ?? ""
            XCTAssertTrue(help.contains("Unavailable to you"), help)
            XCTAssertTrue(help.contains("H :hide"), help)
            XCTAssertTrue(help.contains("hide: unavailable, moderators only"), help)
            XCTAssertTrue(help.contains("suspend: unavailable, only staff can suspend"), help)
            XCTAssertTrue(help.contains("move: unavailable, only staff can move topics"), help)
        }
    }

    func testStaffSeeNoUnavailableModerationInTheHelp() {
        MainActor.assumeIsolated {
            let (app, _, _, _) = makeApp(staff: true, rows: 80)
            press(app, .character("?"))
            let help = (app.overlays.last as? HelpScreen)?.text ?? ""
            XCTAssertFalse(help.contains("Unavailable to you"), help)
            XCTAssertTrue(help.contains("Hide the focused post"), help)
        }
    }

    func testSuspendWithADurationAndAReasonConfirmsThenPenalizesTheAuthor() {
        MainActor.assumeIsolated {
            let (app, grid, moderator, _) = makeApp(staff: true)
            command(app, "suspend soon spamming")
            XCTAssertTrue(
                app.status.message?.contains("cannot read the duration soon") == true, app.status.message ?? "")
            command(app, "suspend 7d")
            XCTAssertEqual(app.status.message, ":suspend: a reason is required after the duration")
            command(app, "suspend 7d spamming links")
            XCTAssertTrue(grid.text.contains("Suspend @alice for 7d?"), grid.text)
            XCTAssertTrue(grid.text.contains("reason: spamming links"), grid.text)
            XCTAssertTrue(moderator.penalties.isEmpty, "nothing before the confirmation")
            press(app, .character("y"))
            XCTAssertEqual(moderator.penalties.count, 1)
            let penalty = moderator.penalties.first
            XCTAssertEqual(penalty?.kind, .suspend)
            XCTAssertEqual(penalty?.userID, 501)
            XCTAssertEqual(penalty?.reason, "spamming links")
            let days = (penalty?.until?.timeIntervalSinceNow ?? 0) / 86_400
            XCTAssertEqual(days, 7, accuracy: 0.01)
            XCTAssertEqual(app.status.message, "suspended @alice for 7d")

            command(app, "silence forever bot")
            press(app, .character("y"))
            XCTAssertEqual(moderator.penalties.last?.kind, .silence)
            XCTAssertNil(moderator.penalties.last?.until, "forever")
            XCTAssertEqual(app.status.message, "silenced @alice indefinitely")
        }
    }

    func testSilenceAloneAsksForAReasonAndDaysInAFormThenConfirms() {
        MainActor.assumeIsolated {
            let (app, grid, moderator, _) = makeApp(staff: true)
            press(app, .character("J"))
            command(app, "silence")
            XCTAssertTrue(grid.text.contains("Silence @user2"), grid.text)
            for character in "heated" { app.handle(.character(character)) }
            press(app, .tab, .backspace, .character("3"), .enter)
            XCTAssertTrue(grid.text.contains("Silence @user2 for 3d?"), grid.text)
            press(app, .enter)
            XCTAssertEqual(moderator.penalties.map(\.userID), [502])
            XCTAssertEqual(moderator.penalties.map(\.reason), ["heated"])
            XCTAssertEqual(app.status.message, "silenced @user2 for 3d")
        }
    }

    func testMoveCompletesTheCategoryNamesAndMovesTheOpenTopic() {
        MainActor.assumeIsolated {
            let (app, _, moderator, _) = makeApp(staff: true)
            for character in ":move bi" { app.handle(.character(character)) }
            app.handle(.tab)
            XCTAssertEqual(app.prompt?.text, "move Billing")
            app.handle(.enter)
            runner.settle()
            XCTAssertEqual(moderator.moves.map(\.1), ["Billing"])
            XCTAssertEqual(moderator.moves.map(\.0), [1])
            XCTAssertEqual(app.status.message, "moved \u{201C}Topic number 1\u{201D} to Billing")
            for character in ":move b" { app.handle(.character(character)) }
            app.handle(.tab)
            XCTAssertEqual(app.prompt?.text, "move Billing", "two categories start with b: the first")
            app.handle(.tab)
            XCTAssertEqual(app.prompt?.text, "move Bugs", "Tab again cycles")
        }
    }
}

/// Records post operations, penalties and moves; staff or not.
final class PostModerator: TopicModerator, @unchecked Sendable {
    struct Penalty {
        var kind: ReviewPenalty.Kind
        var userID: Int
        var reason: String
        var until: Date?
    }

    let staff: Bool
    var postOperations: [(ModerationOperation, Int)] = []
    var penalties: [Penalty] = []
    var moves: [(Int, String)] = []

    init(staff: Bool) { self.staff = staff }

    func viewer() async throws -> ModerationViewer { ModerationViewer(isModerator: staff) }
    func perform(_ operation: ModerationOperation, topicID: Int) async throws {}
    func flag(postID: Int, type: String) async throws -> String { type }
    func perform(_ operation: ModerationOperation, postID: Int) async throws {
        postOperations.append((operation, postID))
    }
    func penalize(_ kind: ReviewPenalty.Kind, userID: Int, reason: String, until: Date?) async throws {
        penalties.append(Penalty(kind: kind, userID: userID, reason: reason, until: until))
    }
    func move(topicID: Int, toCategory category: String) async throws -> String {
        moves.append((topicID, category))
        return category
    }
    func categoryNames() async throws -> [String] { ["General", "Bugs", "Billing"] }
}
