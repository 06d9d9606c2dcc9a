import Foundation
import GRDB

/// Bookmarks made or removed here, recorded at once so the offline bookmark list shows them
/// before the next sync (which then replaces them with the server's rows).
extension Store {
    /// Records a bookmark on post `postID`. The topic is `topicID`, else the stored post's;
    /// false when neither is known (the bookmark then appears after the next sync only).
    /// A post bookmarked already is left as it is.
    @discardableResult
    public func bookmarkLocally(postID: Int, topicID: Int? = nil, at date: Date = Date()) throws -> Bool {
        try write { db in
            let post = try Row.fetchOne(
                db, sql: "SELECT topic_id, post_number FROM posts WHERE id = ?", arguments: [postID])
            guard let topic: Int = topicID ?? post?["topic_id"] else { return false }
            let known = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM bookmarks WHERE post_id = ?)", arguments: [postID])
            if known == true { return true }
            let postNumber: Int? = post?["post_number"]
            try db.execute(
                sql: """
                    INSERT INTO bookmarks (topic_id, post_id, post_number, created_at, synced) VALUES (?, ?, ?, ?, 0)
                    """,
                arguments: [topic, postID, postNumber, date.timeIntervalSince1970])
            return true
        }
    }

    /// The server's id of the bookmark on post `postID`, as sync last saw it (nil: unknown).
    public func remoteBookmarkID(postID: Int) throws -> Int? {
        try read { db in
            try Int.fetchOne(
                db, sql: "SELECT remote_id FROM bookmarks WHERE post_id = ? AND remote_id IS NOT NULL LIMIT 1",
                arguments: [postID])
        }
    }

    /// Forgets every bookmark on post `postID` (synced or made here).
    public func removeBookmark(postID: Int) throws {
        try write { db in try db.execute(sql: "DELETE FROM bookmarks WHERE post_id = ?", arguments: [postID]) }
    }
}
