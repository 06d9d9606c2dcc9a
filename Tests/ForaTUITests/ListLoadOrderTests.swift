import ForaCore
import XCTest

@testable import ForaTUI

/// Switching lists quickly: the answer for the list the user left may come last, and must not
/// replace the list they switched to.
final class ListLoadOrderTests: XCTestCase, @unchecked Sendable {
    private let runner = TestRunner()

    func testALateAnswerForAnEarlierListDoesNotReplaceTheCurrentOne() {
        MainActor.assumeIsolated {
            var service = FakeService(topics: FakeService.topics(5))
            service.notificationsJSON = #"""
                {"notifications": [{"id": 7, "notification_type": 2, "read": false, "topic_id": 99,
                  "post_number": 3, "fancy_title": "A reply you were told about",
                  "created_at": "2026-11-30T10:00:00Z", "data": {"display_username": "bob"}}]}
                """#
            let grid = GridTerminal(rows: 24, columns: 100)
            let app = AppController(
                terminal: grid, service: service, siteTitle: "http://demo.test", readerSource: nil,
                runner: runner, config: TUIConfig(), renderer: FakeRenderer(), opener: RecordingOpener())
            app.start()
            runner.settle()
            app.draw()
            XCTAssertTrue(grid.text.contains("Topic number 1"), grid.text)

            // Notifications, then straight back to Latest; the notifications answer comes last.
            app.switchList(to: .notifications)
            app.switchList(to: .latest)
            runner.settleNewestFirst()
            app.draw()
            XCTAssertTrue(grid.line(0).hasPrefix("Latest · "), grid.line(0))
            XCTAssertTrue(grid.text.contains("Topic number 1"), grid.text)
            XCTAssertFalse(grid.text.contains("A reply you were told about"), grid.text)
        }
    }
}
