import ForaCore
import Foundation
import XCTest

@testable import ForaTUI

/// A FakeService that also records the writes the answering workflow makes.
final class RecordingService: CommunityService, @unchecked Sendable {
    var base: FakeService
    private let lock = NSLock()
    private var recorded: [String] = []
    /// Makes `markNotificationRead` fail (the row must then stay unread).
    var failMarkRead = false

    init(_ base: FakeService) { self.base = base }

    var calls: [String] { lock.withLock { recorded } }
    func record(_ call: String) { lock.withLock { recorded.append(call) } }

    func latestTopics(page: Int) async throws -> TopicList { try await base.latestTopics(page: page) }
    func categories() async throws -> [ForaCore.Category] { try await base.categories() }
    func notifications() async throws -> NotificationList { try await base.notifications() }
    func search(_ query: String, page: Int) async throws -> SearchResult { try await base.search(query, page: page) }
    /// The private message threads `privateMessages` answers.
    var messages: [Topic] = []
    func privateMessages(username: String) async throws -> TopicList {
        record("messages of \(username)")
        return TopicList(topics: messages)
    }
    /// `/posted.json` answers `posted`; every other list is the latest one.
    var posted: [Topic] = []
    func topicList(_ query: TopicListQuery) async throws -> TopicList {
        if query.filter == .posted {
            record("posted page \(query.page)")
            return TopicList(topics: query.page == 0 ? posted : [])
        }
        return try await base.latestTopics(page: query.page)
    }
    func markNotificationRead(id: Int) async throws {
        if failMarkRead { throw ForaError.serverError(status: 500) }
        record("markRead \(id)")
    }
}

/// The answering workflow on a grid terminal: notifications, "mine", marked quotes, messages, edits.
final class AnsweringFlowTests: XCTestCase, @unchecked Sendable, AppDriving {
    let runner = TestRunner()
    let drawsEachKey = true

    @MainActor
    private func makeApp(service: any CommunityService, rows: Int = 24, columns: Int = 80) -> (
        AppController, GridTerminal
    ) {
        let grid = GridTerminal(rows: rows, columns: columns)
        let app = AppController(
            terminal: grid, service: service, siteTitle: "http://demo.test",
            readerSource: FakeReaderSource(postCount: 40, solution: 5, lastRead: 10),
            runner: runner, renderer: FakeRenderer(), opener: RecordingOpener())
        app.start()
        runner.settle()
        app.draw()
        return (app, grid)
    }

    static let twoNotifications = """
        {"notifications": [
          {"id": 41, "notification_type": 2, "read": false, "topic_id": 2, "post_number": 7,
           "fancy_title": "T2", "data": {"topic_title": "T2"}},
          {"id": 42, "notification_type": 1, "read": true, "topic_id": 3, "post_number": 12,
           "fancy_title": "T3", "data": {"topic_title": "T3"}}
        ]}
        """

    func testOpeningAnUnreadNotificationMarksItReadOnTheSiteAndInTheList() {
        MainActor.assumeIsolated {
            var base = FakeService(topics: FakeService.topics(3))
            base.notificationsJSON = Self.twoNotifications
            let service = RecordingService(base)
            let (app, grid) = makeApp(service: service)
            press(app, .character("!"))
            XCTAssertTrue(grid.line(1).hasPrefix("> •"), "unread before opening:\n\(grid.text)")
            XCTAssertTrue(grid.line(2).hasPrefix(" "), grid.text)
            press(app, .enter)
            XCTAssertEqual(app.reader?.currentPostNumber, 7, "opens at its post")
            XCTAssertEqual(service.calls, ["markRead 41"])
            press(app, .character("q"))
            XCTAssertNil(app.reader)
            XCTAssertTrue(grid.line(1).hasPrefix(">  "), "read after opening:\n\(grid.text)")
            XCTAssertTrue(grid.line(1).contains("replied · T2"), grid.text)
            // An already read notification is not marked again.
            press(app, .character("j"), .enter)
            XCTAssertEqual(service.calls, ["markRead 41"])
        }
    }

    func testANotificationTheSiteFailedToMarkStaysUnread() {
        MainActor.assumeIsolated {
            var base = FakeService(topics: FakeService.topics(3))
            base.notificationsJSON = Self.twoNotifications
            let service = RecordingService(base)
            service.failMarkRead = true
            let (app, grid) = makeApp(service: service)
            press(app, .character("!"))
            press(app, .enter)
            XCTAssertNotNil(app.status.lastError)
            press(app, .character("q"))
            XCTAssertTrue(grid.line(1).hasPrefix("> •"), "still unread:\n\(grid.text)")
        }
    }

    func testMineListsTopicsIPostedInWithNewRepliesOldestFirstAndDoneHidesThem() {
        MainActor.assumeIsolated {
            var posted = FakeService.topics(5)
            for index in posted.indices {
                posted[index].unreadPosts = index == 2 ? 0 : index + 1
                posted[index].createdAt = "2026-0\(9 - index)-01T00:00:00Z"
            }
            let service = RecordingService(FakeService(topics: FakeService.topics(3)))
            service.posted = posted
            let marks = MemoryMarks()
            let (app, grid) = makeApp(service: service)
            app.doneMarks = marks
            press(app, .character("m"))
            XCTAssertTrue(grid.line(0).hasPrefix("Mine: new replies (oldest first) · "), grid.line(0))
            XCTAssertTrue(service.calls.contains("posted page 0"), "sourced from /posted.json")
            XCTAssertEqual(app.list.topics.map(\.id), [5, 4, 2, 1], "new replies only, oldest first:\n\(grid.text)")
            XCTAssertTrue(grid.line(1).contains("Topic number 5"), grid.text)
            press(app, .character("g"), .character("D"))
            XCTAssertEqual(marks.marked, [5])
            XCTAssertEqual(app.list.topics.map(\.id), [4, 2, 1], "done hides it:\n\(grid.text)")
            type(app, ":latest")
            press(app, .enter)
            type(app, ":mine")
            press(app, .enter)
            XCTAssertTrue(grid.line(0).hasPrefix("Mine"), ":mine shows it too: \(grid.line(0))")
        }
    }

    func testMarkedLinesOfAPostAreQuotedAlone() {
        MainActor.assumeIsolated {
            let (app, grid) = makeApp(service: RecordingService(FakeService(topics: FakeService.topics(3))))
            press(app, .enter)
            type(app, "3#")
            XCTAssertEqual(app.reader?.currentPostNumber, 3)
            press(app, .character("V"))
            XCTAssertTrue(grid.text.contains("Lines 1–1 of #3"), "the mark panel shows:\n\(grid.text)")
            press(app, .character("j"))
            XCTAssertEqual(app.reader?.currentPostNumber, 3, "j moves the mark, not the reader")
            XCTAssertTrue(grid.text.contains("Lines 1–2 of #3"), grid.text)
            let markedRow = (0..<24).first { grid.line($0).hasPrefix("▌ link https://example.com/a") }
            XCTAssertNotNil(markedRow, "the marked line is highlighted:\n\(grid.text)")
            if let markedRow { XCTAssertEqual(grid.style(row: markedRow, column: 3), .selected) }
            XCTAssertFalse(grid.text.contains("▌ link https://example.com/b"), "the third line is not marked")
            press(app, .character("V"))
            press(app, .character("\""))
            let composer = app.composer as? ComposerScreen
            XCTAssertEqual(
                composer?.body.text,
                "[quote=\"user3, post:3, topic:1\"]\nBody of post 3\nlink https://example.com/a\n[/quote]\n\n",
                "only the marked lines are quoted")
            XCTAssertFalse(grid.text.contains("Lines 1–2"), "the mark is gone once quoted")
        }
    }

    func testEscapeClearsAMarkAndKStaysInThePost() {
        MainActor.assumeIsolated {
            let (app, grid) = makeApp(service: RecordingService(FakeService(topics: FakeService.topics(3))))
            press(app, .enter)
            type(app, "3#")
            press(app, .character("V"), .character("G"))
            XCTAssertTrue(grid.text.contains("Lines 1–3 of #3"), "G marks to the last line:\n\(grid.text)")
            press(app, .character("k"), .character("k"), .character("k"))
            XCTAssertTrue(grid.text.contains("Lines 1–1 of #3"), "k stops at the first line:\n\(grid.text)")
            XCTAssertEqual(app.reader?.currentPostNumber, 3)
            press(app, .escape)
            XCTAssertNotNil(app.reader, "Esc cleared the mark and kept the reader")
            XCTAssertFalse(grid.text.contains("Lines 1–"), grid.text)
        }
    }
    func testPrivateMessagesListReadAndReply() {
        MainActor.assumeIsolated {
            let service = RecordingService(FakeService(topics: FakeService.topics(3)))
            service.messages = [
                Topic(id: 7, title: "Your refund request", replyCount: 1, unread: true),
                Topic(id: 8, title: "Photo backup workflow", replyCount: 2),
            ]
            let (app, grid) = makeApp(service: service)
            press(app, .character("P"))
            XCTAssertNotNil(app.status.message, "anonymous: P explains itself")
            XCTAssertTrue(grid.line(0).hasPrefix("Latest"), "and the list stays:\n\(grid.line(0))")
            app.username = "alice"
            press(app, .character("P"))
            XCTAssertTrue(grid.line(0).hasPrefix("Messages: alice · "), grid.line(0))
            XCTAssertEqual(service.calls, ["messages of alice"])
            XCTAssertTrue(grid.line(1).contains("Your refund request"), grid.text)
            XCTAssertTrue(grid.line(2).contains("Photo backup workflow"), grid.text)
            press(app, .enter)
            XCTAssertEqual(app.reader?.topic.id, 7, "Enter reads the message")
            press(app, .character("R"))
            let reply = app.composer as? ComposerScreen
            XCTAssertEqual(reply?.target.topicID, 7, "R replies in the message")
            XCTAssertNil(reply?.target.recipients)
            press(app, .escape, .character("q"))
            XCTAssertNil(app.reader)
            type(app, ":messages")
            press(app, .enter)
            XCTAssertTrue(grid.line(0).hasPrefix("Messages"), ":messages too: \(grid.line(0))")
        }
    }

    func testPmStartsAMessageWithATitleAndRecipient() {
        MainActor.assumeIsolated {
            var sent: [ComposedPost] = []
            let (app, grid) = makeApp(service: RecordingService(FakeService(topics: FakeService.topics(3))))
            app.composerHooks.send = { post, done in
                sent.append(post)
                done(.success(SendReceipt(message: "message sent to bob")))
            }
            type(app, ":pm")
            press(app, .enter)
            XCTAssertTrue(
                app.status.message?.contains("needs a name") == true, "\(String(describing: app.status.message))")
            type(app, ":pm @bob")
            press(app, .enter)
            let screen = app.overlays.last as? ComposerScreen
            XCTAssertEqual(screen?.target.recipients, "bob")
            XCTAssertEqual(screen?.fields, [.title, .body], "a title, no category or tags")
            XCTAssertTrue(grid.line(0).hasPrefix("Message to bob"), grid.line(0))
            XCTAssertTrue(grid.text.contains("Title:"), grid.text)
            XCTAssertFalse(grid.text.contains("Category:"), grid.text)
            press(app, .character("\u{18}"))
            XCTAssertTrue(grid.text.contains("the message needs a title"), grid.text)
            type(app, "About the beta")
            press(app, .tab)
            type(app, "Could you add me to the beta list, please?")
            press(app, .character("\u{18}"))
            XCTAssertEqual(
                sent,
                [
                    ComposedPost(
                        raw: "Could you add me to the beta list, please?", title: "About the beta", recipients: "bob")
                ])
            XCTAssertTrue(app.overlays.isEmpty, "the composer closed once sent")
            XCTAssertEqual(app.status.message, "message sent to bob")
        }
    }
}

private final class MemoryMarks: DoneMarks, @unchecked Sendable {
    var marked: [Int] = []
    func markDone(_ topic: Topic) throws { marked.append(topic.id) }
    func withoutDone(_ topics: [Topic]) -> [Topic] { topics.filter { !marked.contains($0.id) } }
}
