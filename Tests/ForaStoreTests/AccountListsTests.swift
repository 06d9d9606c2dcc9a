import ForaCore
import Foundation
import XCTest

@testable import ForaStore

/// The account's lists as sync keeps them: replaced whole, "never synced" told apart from
/// "empty", and bookmarks made here giving way to the server's.
final class AccountListsTests: StoreTestCase {
    private func notification(_ id: Int, read: Bool, title: String) throws -> ForumNotification {
        let json = """
            {"id": \(id), "notification_type": 2, "read": \(read), "created_at": "2026-11-0\(id)T10:00:00Z",
             "topic_id": 7, "post_number": 2, "data": {"topic_title": "\(title)", "display_username": "bob"}}
            """
        return try JSONDecoder().decode(ForumNotification.self, from: Data(json.utf8))
    }

    func testNotificationsAreReplacedWholeAndReadBackAsSent() throws {
        XCTAssertThrowsError(try store.syncedNotifications()) { error in
            XCTAssertEqual(error as? StoreError, .notSynced("the notification list"))
        }
        try store.replaceNotifications([try notification(1, read: true, title: "Old")])
        let latest = [
            try notification(2, read: false, title: "Refunds"), try notification(3, read: true, title: "Sync"),
        ]
        try store.replaceNotifications(latest)
        XCTAssertEqual(try store.syncedNotifications(), latest.reversed(), "newest first, the older page gone")
        XCTAssertEqual(try store.syncedNotifications().first?.displayUsername, "bob")
        try store.replaceNotifications([])
        XCTAssertEqual(try store.syncedNotifications(), [], "synced and empty is not an error")
    }

    func testServerBookmarksReplaceLocalOnesForTheSamePostAndProtectTheirTopics() throws {
        XCTAssertThrowsError(try store.bookmarks())
        try store.saveTopics([summary(7, title: "Kept topic"), summary(8)])
        try store.addBookmark(topicID: 7, postID: 71)
        try store.addBookmark(topicID: 8, postID: 81)
        try store.replaceSyncedBookmarks([
            SyncBookmark(id: 71, topicID: 7, postID: 71, postNumber: 2, title: "Kept topic", excerpt: "why")
        ])
        let listed = try store.bookmarks()
        XCTAssertEqual(listed.map(\.postID), [81, 71], "the local-only one first, then the server's")
        XCTAssertEqual(listed.map(\.id), [nil, 71])
        XCTAssertEqual(listed.first?.title, "Topic number 8", "a local bookmark shows its topic's title")
        XCTAssertEqual(try store.bookmarkedTopicIDs(), [7, 8])
        try store.replaceSyncedBookmarks([])
        XCTAssertEqual(try store.bookmarks().map(\.postID), [81])
    }

    func testClearingTheCacheForgetsNotificationsButKeepsBookmarks() throws {
        try store.replaceNotifications([try notification(1, read: false, title: "x")])
        try store.replaceSyncedBookmarks([SyncBookmark(id: 5, topicID: 3, postID: 5, postNumber: 1, title: "t")])
        try store.saveDocument(Store.reviewQueueKey, body: Array("{}".utf8))
        try store.clearCache()
        XCTAssertThrowsError(try store.syncedNotifications())
        XCTAssertNil(try store.document(Store.reviewQueueKey))
        XCTAssertEqual(try store.bookmarks().map(\.id), [5])
    }
}
