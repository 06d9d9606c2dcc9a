import ForaCore
import Foundation
import XCTest

@testable import ForaTUI

/// The notifications list shows every notification `fora notifications` lists, names the
/// solved plugin's "accepted" notification, and shows no replies/views columns of zeros.
final class NotificationRowsTests: XCTestCase {
    static let json = """
        {"notifications": [
          {"id": 7, "notification_type": 2, "read": false, "topic_id": 11, "post_number": 3,
           "data": {"topic_title": "Sync fails", "display_username": "bob"}},
          {"id": 8, "notification_type": 12, "read": false, "topic_id": null, "post_number": null,
           "data": {"badge_id": 3, "badge_name": "Autobiographer", "badge_slug": "autobiographer"}},
          {"id": 9, "notification_type": 14, "read": true, "topic_id": 12, "post_number": 2,
           "data": {"message": "solved.accepted_notification", "display_username": "carol",
                    "topic_title": "Printer offline", "title": "solved.notification.title"}}
        ]}
        """

    static func notifications() throws -> [ForumNotification] {
        try JSONDecoder().decode(NotificationList.self, from: Data(json.utf8)).notifications
    }

    func testEveryNotificationIsARowTheBadgeToo() throws {
        let rows = TopicListKind.notificationRows(try Self.notifications())
        XCTAssertEqual(
            rows.topics.map(\.title),
            [
                "replied @bob · Sync fails", "granted badge · Autobiographer",
                "solution accepted @carol · Printer offline",
            ])
        XCTAssertTrue(TopicListKind.isTopicless(rows.topics[1]))
        XCTAssertFalse(TopicListKind.isTopicless(rows.topics[0]))
        XCTAssertEqual(rows.targets, [0: 3, 2: 2], "the badge row opens no post")
        XCTAssertEqual(rows.notificationIDs, [0: 7, 1: 8, 2: 9])
    }

    func testTheSolvedPluginsNotificationIsNamed() throws {
        let accepted = try Self.notifications()[2]
        XCTAssertEqual(accepted.typeName, "solution_accepted")
        // It survives the store's JSON round trip (offline lists decode what sync encoded).
        let again = try JSONDecoder().decode(ForumNotification.self, from: JSONEncoder().encode(accepted))
        XCTAssertEqual(again.typeName, "solution_accepted")
    }

    func testNotificationRowsHaveNoCountColumns() throws {
        try MainActor.assumeIsolated {
            let screen = ThreadListScreen(siteTitle: "site")
            let rows = TopicListKind.notificationRows(try Self.notifications())
            screen.show(topics: rows.topics, categories: [])
            let withCounts = screen.row(for: rows.topics[0], width: 80).text
            XCTAssertTrue(withCounts.contains("     0      0"), "a topic list row has replies and views")
            screen.showsCounts = false
            let row = screen.row(for: rows.topics[0], width: 80).text
            XCTAssertFalse(row.contains(" 0 "), "no replies/views of 0: \(row)")
            XCTAssertEqual(DisplayWidth.of(row), 80)
        }
    }
}
