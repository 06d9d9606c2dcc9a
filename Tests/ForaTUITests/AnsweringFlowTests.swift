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
    func markNotificationRead(id: Int) async throws {
        if failMarkRead { throw ForaError.serverError(status: 500) }
        record("markRead \(id)")
    }
}

/// The answering workflow on a grid terminal: notifications, "mine", marked quotes, messages, edits.
final class AnsweringFlowTests: XCTestCase, @unchecked Sendable {
    private let runner = TestRunner()

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

    @MainActor
    private func press(_ app: AppController, _ keys: InputEvent...) {
        for key in keys {
            app.handle(key)
            app.draw()
            runner.settle()
        }
        app.draw()
    }

    @MainActor
    private func type(_ app: AppController, _ text: String) {
        for character in text { app.handle(.character(character)) }
        app.draw()
        runner.settle()
        app.draw()
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
            XCTAssertTrue(grid.line(1).hasPrefix("•"), "unread before opening:\n\(grid.text)")
            XCTAssertTrue(grid.line(2).hasPrefix(" "), grid.text)
            press(app, .enter)
            XCTAssertEqual(app.reader?.currentPostNumber, 7, "opens at its post")
            XCTAssertEqual(service.calls, ["markRead 41"])
            press(app, .character("q"))
            XCTAssertNil(app.reader)
            XCTAssertTrue(grid.line(1).hasPrefix(" "), "read after opening:\n\(grid.text)")
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
            XCTAssertTrue(grid.line(1).hasPrefix("•"), "still unread:\n\(grid.text)")
        }
    }
}
