import ForaCore
import XCTest

@testable import ForaTUI

/// The whole interface on a grid terminal: keys in, screen out.
final class AppControllerTests: XCTestCase, @unchecked Sendable, AppDriving {
    let runner = TestRunner()
    let drawsEachKey = true
    private let opener = RecordingOpener()

    @MainActor
    private func makeApp(
        rows: Int = 24, columns: Int = 80, posts: Int = 40, config: TUIConfig = TUIConfig(),
        service: FakeService = FakeService(topics: FakeService.topics(30)), reader: Bool = true
    ) -> (AppController, GridTerminal) {
        let grid = GridTerminal(rows: rows, columns: columns)
        let app = AppController(
            terminal: grid, service: service, siteTitle: "http://demo.test",
            readerSource: reader ? FakeReaderSource(postCount: posts, solution: 5, lastRead: 10) : nil,
            runner: runner, config: config, renderer: FakeRenderer(), opener: opener)
        app.start()
        runner.settle()
        app.draw()
        return (app, grid)
    }

    func testTheUnansweredListShowsQuestionsWithoutRepliesOldestFirst() {
        MainActor.assumeIsolated {
            var topics = FakeService.topics(6)
            for index in topics.indices {
                topics[index].replyCount = index % 2 == 0 ? 0 : 3
                topics[index].createdAt = "2026-0\(9 - index)-01T00:00:00Z"
            }
            let (app, grid) = makeApp(service: FakeService(topics: topics))
            XCTAssertTrue(grid.line(0).hasPrefix("Latest · "), grid.line(0))
            type(app, ":unanswered")
            press(app, .enter)
            runner.settle()
            app.draw()
            XCTAssertTrue(grid.line(0).hasPrefix("Unanswered (oldest first) · "), grid.line(0))
            XCTAssertTrue(grid.line(1).contains("Topic number 5"), grid.text)
            XCTAssertTrue(grid.line(2).contains("Topic number 3"), grid.text)
            XCTAssertTrue(grid.line(3).contains("Topic number 1"), grid.text)
            XCTAssertFalse(grid.text.contains("Topic number 2"), "answered questions are left out")
            press(app, .character("t"))
            runner.settle()
            app.draw()
            XCTAssertTrue(grid.line(0).hasPrefix("Unsolved (oldest first) · "), grid.line(0))
            XCTAssertTrue(grid.text.contains("does not support"), "a service without search says so:\n\(grid.text)")
        }
    }

    func testNotificationsOpenAtTheirPost() {
        MainActor.assumeIsolated {
            var service = FakeService(topics: FakeService.topics(3))
            service.notificationsJSON = """
                {"notifications": [
                  {"id": 1, "notification_type": 2, "read": false, "topic_id": 2, "post_number": 7,
                   "fancy_title": "T2", "data": {"topic_title": "T2"}},
                  {"id": 2, "notification_type": 1, "read": true, "topic_id": 3, "post_number": 12,
                   "fancy_title": "T3", "data": {"topic_title": "T3"}}
                ]}
                """
            let (app, grid) = makeApp(service: service)
            press(app, .character("!"))
            runner.settle()
            app.draw()
            XCTAssertTrue(grid.line(0).hasPrefix("Notifications · "), grid.line(0))
            XCTAssertTrue(grid.line(1).contains("replied · T2"), grid.text)
            XCTAssertTrue(grid.line(2).contains("mentioned · T3"), grid.text)
            press(app, .character("j"))
            press(app, .enter)
            runner.settle()
            app.draw()
            XCTAssertEqual(app.reader?.currentPostNumber, 12, "the reader opens at the notification's post")
        }
    }

    func testDoneHidesAQuestionFromTheWorkListUntilItGrows() {
        MainActor.assumeIsolated {
            var topics = FakeService.topics(4)
            for index in topics.indices { topics[index].replyCount = 0 }
            let marks = MemoryDoneMarks()
            let (app, grid) = makeApp(service: FakeService(topics: topics))
            app.doneMarks = marks
            press(app, .character("D"))
            app.draw()
            XCTAssertTrue(app.status.message?.contains("unanswered and unsolved") == true, "only in the work lists")
            type(app, ":unanswered")
            press(app, .enter)
            runner.settle()
            let first = app.list.selectedTopic?.id
            press(app, .character("D"))
            runner.settle()
            app.draw()
            XCTAssertEqual(marks.marked, first.map { [$0] })
            XCTAssertFalse(app.list.topics.contains { $0.id == first }, "the done topic left the list:\n\(grid.text)")
            XCTAssertEqual(app.list.topics.count, 3)
        }
    }

    func testModeratorsCloseTheOpenTopicAndMembersAreToldWhyNot() {
        MainActor.assumeIsolated {
            let (app, grid) = makeApp()
            let moderator = RecordingModerator(staff: false)
            app.topicModerator = moderator
            app.start()
            runner.settle()
            press(app, .enter)
            type(app, ":close")
            press(app, .enter)
            runner.settle()
            XCTAssertEqual(app.status.message, "topic close: moderators only")
            XCTAssertTrue(moderator.performed.isEmpty)

            moderator.staff = true
            app.start()
            runner.settle()
            type(app, ":close")
            press(app, .enter)
            runner.settle()
            app.draw()
            XCTAssertEqual(moderator.performed, [.closeTopic])
            XCTAssertEqual(app.status.message, "topic close: done", grid.line(23))
        }
    }

    func testAnyoneFlagsThePostAtTheTopWithTheSitesTypes() {
        MainActor.assumeIsolated {
            let (app, _) = makeApp()
            let moderator = RecordingModerator(staff: false)
            app.topicModerator = moderator
            app.start()
            runner.settle()
            type(app, ":flag spam")
            press(app, .enter)
            XCTAssertEqual(app.status.message, "open a topic first: :flag flags the post at the top")
            press(app, .enter)
            type(app, ":flag spam")
            press(app, .enter)
            runner.settle()
            XCTAssertEqual(moderator.flagged.map(\.1), ["spam"])
            XCTAssertEqual(app.status.message, "flagged post #1 as Spam")
            type(app, ":flag rude")
            press(app, .enter)
            runner.settle()
            XCTAssertTrue(app.status.lastError?.contains("this site has: spam") == true, app.status.lastError ?? "")
        }
    }

    func testListToReaderToBackToQuit() {
        MainActor.assumeIsolated {
            let (app, grid) = makeApp()
            XCTAssertTrue(grid.line(1).contains("Topic number 1"), grid.text)
            XCTAssertTrue(grid.line(23).contains("online"), grid.line(23))
            XCTAssertTrue(grid.line(23).contains("10 unread"), grid.line(23))
            type(app, "2j")
            press(app, .enter)
            XCTAssertTrue(grid.line(0).hasPrefix("Topic number 3 · Support"), grid.line(0))
            XCTAssertTrue(grid.line(1).hasPrefix("#1 alice"), grid.text)
            XCTAssertTrue(grid.line(23).contains("post 1 (1/40)"), grid.line(23))
            XCTAssertTrue(grid.line(23).contains("j/k move"), grid.line(23))
            press(app, .character("q"))
            XCTAssertNil(app.reader)
            XCTAssertTrue(grid.line(3).contains("Topic number 3"))
            XCTAssertEqual(grid.style(row: 3, column: 5), .selected, "the cursor stays where it was")
            XCTAssertTrue(app.isRunning)
            press(app, .character("q"))
            XCTAssertFalse(app.isRunning)
        }
    }

    /// Seen in a walkthrough: q on Bookmarks, Messages or Notifications quit fora at once.
    func testQOnAnotherListGoesBackToLatestAndOnlyLatestsQQuits() {
        MainActor.assumeIsolated {
            let (app, grid) = makeApp()
            type(app, ":unanswered")
            press(app, .enter)
            runner.settle()
            XCTAssertTrue(grid.line(0).hasPrefix("Unanswered"), grid.line(0))
            press(app, .character("q"))
            runner.settle()
            XCTAssertTrue(app.isRunning)
            XCTAssertTrue(grid.line(0).hasPrefix("Latest"), grid.line(0))
            press(app, .character("q"))
            XCTAssertFalse(app.isRunning)
        }
    }

    func testReaderJumpsThroughCountsAndTheCommandLine() {
        MainActor.assumeIsolated {
            let (app, grid) = makeApp(posts: 300)
            press(app, .enter)
            type(app, "250G")
            XCTAssertTrue(grid.line(1).hasPrefix("#250 "), grid.text)
            type(app, ":goto 7")
            XCTAssertTrue(grid.line(23).hasPrefix(":goto 7"), grid.line(23))
            press(app, .enter)
            XCTAssertTrue(grid.line(1).hasPrefix("#7 "), grid.text)
            press(app, .character("s"))
            XCTAssertTrue(grid.line(1).hasPrefix("#5 ") && grid.line(1).contains("Solution"), grid.line(1))
            press(app, .character("u"))
            XCTAssertTrue(grid.line(1).hasPrefix("#11 ") && grid.line(1).contains("new"), grid.line(1))
            type(app, ":frob")
            press(app, .enter)
            XCTAssertTrue(grid.line(23).contains("unknown command: frob"), grid.line(23))
        }
    }

    func testHelpOverlayIsGeneratedAndClosesWithQ() {
        MainActor.assumeIsolated {
            let (app, grid) = makeApp()
            press(app, .enter, .character("?"))
            XCTAssertTrue(grid.line(0).hasPrefix("Help"), grid.text)
            XCTAssertTrue(grid.text.contains("Keys on this screen (reader)"))
            XCTAssertTrue((app.overlays.last as? HelpScreen)?.text.contains("Go to the accepted solution") == true)
            press(app, .character("q"))
            XCTAssertTrue(grid.line(1).hasPrefix("#1 alice"), "back in the reader:\n\(grid.text)")
        }
    }

    func testRemappedKeysDriveTheAppAndItsHints() {
        MainActor.assumeIsolated {
            let config = TUIConfig.parse("[keys.list]\nmove-down = \"t\"\nopen = \"o\"\n")
            let (app, grid) = makeApp(config: config)
            XCTAssertTrue(grid.line(23).contains("t/k move"), grid.line(23))
            XCTAssertTrue(grid.line(23).contains("o open"), grid.line(23))
            press(app, .character("t"), .character("o"))
            XCTAssertTrue(grid.line(0).hasPrefix("Topic number 2"), grid.text)
        }
    }

    func testSideBySideAt200x50WithToggleSplitAndFocus() {
        MainActor.assumeIsolated {
            let (app, grid) = makeApp(rows: 50, columns: 200)
            press(app, .enter)
            // 40% of 200 columns for the list, a divider, the reader on the right.
            XCTAssertTrue(grid.line(1).contains("Topic number 1"), grid.line(1))
            XCTAssertEqual(grid.line(1).dropFirst(80).first, "│")
            XCTAssertTrue(grid.line(1).dropFirst(81).hasPrefix("#1 alice"), grid.line(1))
            XCTAssertTrue(grid.line(0).dropFirst(81).hasPrefix("Topic number 1"))
            press(app, .character(">"))
            XCTAssertEqual(grid.line(1).dropFirst(90).first, "│", "the split moved 5%")
            press(app, .tab, .character("j"), .enter)
            XCTAssertTrue(grid.line(0).dropFirst(91).hasPrefix("Topic number 2"), "the list had the focus")
            press(app, .character("\\"))
            XCTAssertTrue(grid.line(1).hasPrefix("#1 alice"), "one pane: the reader only\n\(grid.line(1))")
            XCTAssertFalse(grid.text.contains("│"))
            press(app, .character("\\"), .character("q"))
            XCTAssertNil(app.reader)
            XCTAssertFalse(grid.text.contains("│"), "no reader: the list takes the whole width")
        }
    }

    func testEveryLayoutSizeAndTheTooSmallNotice() {
        MainActor.assumeIsolated {
            let (app, grid) = makeApp(rows: 10, columns: 40)
            press(app, .enter)
            XCTAssertTrue(grid.line(1).hasPrefix("#1 alice"), grid.text)
            XCTAssertTrue(grid.line(9).contains("demo.test"))
            for (rows, columns) in [(24, 80), (50, 200), (10, 40), (9, 40), (10, 39), (50, 160), (50, 159)] {
                grid.resize(rows: rows, columns: columns)
                app.handle(.resize)
                app.draw()
                let tooSmall = rows < 10 || columns < 40
                XCTAssertEqual(grid.text.contains("Terminal too small"), tooSmall, "\(columns)x\(rows)")
                XCTAssertEqual(grid.text.contains("│"), columns >= 160, "\(columns)x\(rows)")
                if !tooSmall {
                    XCTAssertTrue(grid.text.contains("#1 alice"), "\(columns)x\(rows):\n\(grid.text)")
                    XCTAssertTrue(grid.line(rows - 1).contains("demo.test"), "status bar at \(columns)x\(rows)")
                }
            }
            grid.resize(rows: 5, columns: 20)
            app.draw()
            XCTAssertTrue(grid.line(0).hasPrefix("Terminal too small"))
            XCTAssertTrue(grid.line(1).hasPrefix("need 40x10, have"))
            press(app, .character("q"), .character("q"))
            XCTAssertFalse(app.isRunning, "q still works while the notice shows")
        }
    }

    func testLinksOverlayOpensInTheBrowserAndCopiesWithOSC52() {
        MainActor.assumeIsolated {
            let (app, grid) = makeApp()
            press(app, .enter, .character("J"), .character("J"), .character("L"))
            XCTAssertTrue(grid.line(1).contains("[1] https://example.com/a"), grid.text)
            press(app, .character("j"), .enter)
            XCTAssertEqual(opener.opened, ["https://example.com/b"])
            press(app, .character("1"), .character("y"))
            XCTAssertEqual(grid.clipboard, ["https://example.com/a"])
            XCTAssertTrue(grid.line(23).contains("copied"), grid.line(23))
            press(app, .escape)
            press(app, .character("2"), .character("o"))
            XCTAssertEqual(opener.opened.last, "https://example.com/b")
        }
    }

    func testErrorsShowInTheStatusBarUntilDismissed() {
        MainActor.assumeIsolated {
            let service = FakeService(topics: [], error: .hostUnreachable(host: "demo.test"))
            let (app, grid) = makeApp(service: service)
            XCTAssertTrue(grid.line(23).contains("offline"), grid.line(23))
            XCTAssertTrue(grid.line(23).contains("cannot connect to demo.test"), grid.line(23))
            XCTAssertTrue(grid.text.contains("Could not load topics"))
            XCTAssertEqual(
                grid.style(row: 23, column: DisplayWidth.of("http://demo.test · offline  ")), .ui(.statusError))
            press(app, .character("x"))
            XCTAssertFalse(grid.line(23).contains("cannot connect"), grid.line(23))
        }
    }

    func testSlashInTheReaderSearchesTheTopicAndOnTheListTheSite() {
        MainActor.assumeIsolated {
            var service = FakeService(topics: FakeService.topics(30))
            service.searchJSON = #"{"posts": [], "topics": [{"id": 2, "title": "Topic number 2"}]}"#
            let (app, grid) = makeApp(service: service)
            type(app, "/number 2")
            XCTAssertTrue(grid.line(23).hasPrefix("/number 2"))
            press(app, .enter)
            XCTAssertTrue(grid.line(0).hasPrefix("Search: number 2 · 1 result"), grid.line(0))
            press(app, .character("q"))
            press(app, .enter)
            type(app, "/Body of post 3")
            press(app, .enter)
            XCTAssertEqual(app.reader?.currentPostNumber, 3)
            type(app, "/zzz")
            press(app, .enter)
            XCTAssertTrue(grid.line(23).contains("not found: zzz"), grid.line(23))
        }
    }

    func testWithoutAReaderSourceOpeningSaysSo() {
        MainActor.assumeIsolated {
            let (app, grid) = makeApp(reader: false)
            press(app, .enter)
            XCTAssertNil(app.reader)
            XCTAssertTrue(grid.line(23).contains("not wired"), grid.line(23))
        }
    }
}

/// A stand-in for issue 7's composer: proves the pane, the focus and Esc.
@MainActor
private final class StubComposer: Screen {
    let context = KeyContext.composer
    let hintGroups: [[OperationID]] = [[.back]]
    var keys: [OperationID] = []
    func draw(on terminal: any Terminal, focused: Bool) {
        terminal.draw("COMPOSER focused=\(focused)", row: 0, column: 0, style: .normal)
    }
    var cursorPosition: FocusCursor? { FocusCursor(row: 0, column: 9, takesText: true) }
    func perform(_ operation: OperationID, count: Int?) -> ScreenAction {
        keys.append(operation)
        return operation == .back ? .back : .none
    }
}

final class AppControllerReaderTests: XCTestCase, @unchecked Sendable {
    private let runner = TestRunner()

    @MainActor
    private func makeReaderApp(_ source: FakeReaderSource) -> (AppController, GridTerminal) {
        let grid = GridTerminal(rows: 24, columns: 80)
        let app = AppController(
            terminal: grid, service: FakeService(topics: FakeService.topics(5)), siteTitle: "http://demo.test",
            readerSource: source, runner: runner, renderer: FakeRenderer(), opener: RecordingOpener())
        app.start()
        runner.settle()
        app.handle(.enter)
        runner.settle()
        app.draw()
        runner.settle()
        app.draw()
        return (app, grid)
    }

    @MainActor
    private func press(_ app: AppController, _ keys: InputEvent...) {
        for key in keys {
            app.handle(key)
            app.draw()
            runner.settle()
            app.draw()
        }
    }

    func testReplyTargetAndRefreshKeepThePlace() {
        MainActor.assumeIsolated {
            let (app, grid) = makeReaderApp(FakeReaderSource(postCount: 60))
            press(app, .character("3"), .character("0"), .character("G"))
            XCTAssertTrue(grid.line(1).hasPrefix("#30 "), grid.text)
            press(app, .character("p"))
            XCTAssertTrue(grid.line(1).hasPrefix("#29 "), "post 30 replies to 29:\n\(grid.text)")
            press(app, .character("g"), .character("p"))
            XCTAssertTrue(grid.line(23).contains("not a reply"), grid.line(23))
            press(app, .character("1"), .character("2"), .character("G"), .character("r"))
            XCTAssertTrue(grid.line(1).hasPrefix("#12 "), "a refresh keeps the place:\n\(grid.text)")
            XCTAssertTrue(grid.line(23).contains("online"))
        }
    }

    func testTheComposerPaneOpensBelowTheReaderWithTheFocus() {
        MainActor.assumeIsolated {
            let (app, grid) = makeReaderApp(FakeReaderSource(postCount: 10))
            let composer = StubComposer()
            app.openComposer(composer, rows: 8)
            app.draw()
            XCTAssertEqual(grid.line(15).trimmingCharacters(in: .whitespaces), "COMPOSER focused=true")
            XCTAssertTrue(grid.line(1).hasPrefix("#1 alice"), "the reader stays above")
            press(app, .character("j"), .escape)
            XCTAssertEqual(composer.keys, [.back], "j is not a composer key; Esc goes back")
            XCTAssertNil(app.composer)
            XCTAssertNotNil(app.reader)
            XCTAssertFalse(grid.text.contains("COMPOSER"))
        }
    }
}

final class MouseTests: XCTestCase, @unchecked Sendable {
    private let runner = TestRunner()

    func testWheelScrollsThePaneUnderThePointerAndClicksSelectThenOpen() {
        MainActor.assumeIsolated {
            let grid = GridTerminal(rows: 50, columns: 200)
            let app = AppController(
                terminal: grid, service: FakeService(topics: FakeService.topics(30)), siteTitle: "http://demo.test",
                readerSource: FakeReaderSource(postCount: 40), runner: runner, renderer: FakeRenderer(),
                opener: RecordingOpener())
            app.start()
            runner.settle()
            app.draw()
            app.handle(.mouse(MouseEvent(.wheelDown, row: 5, column: 10)))
            XCTAssertEqual(app.list.navigator.cursor, 3)
            app.handle(.mouse(MouseEvent(.click, row: 8, column: 10)))
            XCTAssertEqual(app.list.navigator.cursor, 7, "row 8 is the 8th topic")
            XCTAssertNil(app.reader)
            app.handle(.mouse(MouseEvent(.click, row: 8, column: 10)))
            runner.settle()
            app.draw()
            runner.settle()
            XCTAssertEqual(app.reader?.topic.id, 8, "a second click opens")
            app.handle(.mouse(MouseEvent(.wheelDown, row: 10, column: 150)))
            XCTAssertEqual(app.reader?.viewport, ReaderViewport(slot: 1, line: 0))
            XCTAssertFalse(app.focusOnList)
            app.handle(.mouse(MouseEvent(.wheelUp, row: 10, column: 20)))
            XCTAssertTrue(app.focusOnList, "the wheel over the list moves the focus there")
            XCTAssertEqual(app.list.navigator.cursor, 4)
        }
    }
}

private final class MemoryDoneMarks: DoneMarks, @unchecked Sendable {
    var marked: [Int] = []
    func markDone(_ topic: Topic) throws { marked.append(topic.id) }
    func withoutDone(_ topics: [Topic]) -> [Topic] { topics.filter { !marked.contains($0.id) } }
}

private final class RecordingModerator: TopicModerator, @unchecked Sendable {
    var staff: Bool
    var performed: [ModerationOperation] = []
    init(staff: Bool) { self.staff = staff }
    func viewer() async throws -> ModerationViewer { ModerationViewer(isModerator: staff) }
    func perform(_ operation: ModerationOperation, topicID: Int) async throws { performed.append(operation) }
    var flagged: [(Int, String)] = []
    func flag(postID: Int, type: String) async throws -> String {
        guard type == "spam" else { throw ForaError.usage("unknown flag type \(type); this site has: spam") }
        flagged.append((postID, type))
        return "Spam"
    }
}
