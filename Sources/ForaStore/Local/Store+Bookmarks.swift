import Foundation
import GRDB

/// Bookmarks, notifications and the review queue as last synced or done here. Bookmarked
/// topics are never evicted.
extension Store {
    @discardableResult
    public func addBookmark(topicID: Int, postID: Int?, name: String? = nil, at date: Date = Date()) throws -> Int {
        try write { db in
            try db.execute(
                sql: "INSERT INTO bookmarks (topic_id, post_id, name, created_at) VALUES (?, ?, ?, ?)",
                arguments: [topicID, postID, name, date.timeIntervalSince1970])
            return Int(db.lastInsertedRowID)
        }
    }

    public func bookmarkedTopicIDs() throws -> [Int] {
        try read { db in try Int.fetchAll(db, sql: "SELECT DISTINCT topic_id FROM bookmarks ORDER BY topic_id") }
    }

    public func removeBookmarks(topicID: Int) throws {
        try write { db in try db.execute(sql: "DELETE FROM bookmarks WHERE topic_id = ?", arguments: [topicID]) }
    }

    /// Stores notifications as the server sent them (`data` is their JSON).
    public func saveNotifications(_ notifications: [StoredNotification]) throws {
        try write { db in
            for item in notifications {
                try db.execute(
                    sql: """
                        INSERT INTO notifications (id, notification_type, read, topic_id, post_number, created_at, data)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT(id) DO UPDATE SET read = excluded.read, data = excluded.data
                        """,
                    arguments: [
                        item.id, item.type, item.read, item.topicID, item.postNumber, item.createdAt, item.data,
                    ])
            }
        }
    }

    public func notifications(unreadOnly: Bool = false, limit: Int = 60) throws -> [StoredNotification] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM notifications WHERE (? = 0 OR read = 0) ORDER BY created_at DESC LIMIT ?",
                arguments: [unreadOnly, limit]
            ).map { row in
                StoredNotification(
                    id: row["id"], type: row["notification_type"], read: row["read"], topicID: row["topic_id"],
                    postNumber: row["post_number"], createdAt: row["created_at"], data: row["data"])
            }
        }
    }

    /// Replaces the cached review queue.
    public func saveReviewables(_ items: [StoredReviewable]) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM reviewables")
            for item in items {
                try db.execute(
                    sql: """
                        INSERT INTO reviewables (id, type, status, topic_id, post_id, created_at, payload)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        item.id, item.type, item.status, item.topicID, item.postID, item.createdAt, item.payload,
                    ])
            }
        }
    }

    public func reviewables() throws -> [StoredReviewable] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM reviewables ORDER BY created_at DESC").map { row in
                StoredReviewable(
                    id: row["id"], type: row["type"], status: row["status"], topicID: row["topic_id"],
                    postID: row["post_id"], createdAt: row["created_at"], payload: row["payload"])
            }
        }
    }
}

public struct StoredNotification: Equatable, Sendable {
    public var id: Int
    public var type: Int
    public var read: Bool
    public var topicID: Int?
    public var postNumber: Int?
    public var createdAt: String?
    public var data: String?

    public init(
        id: Int, type: Int, read: Bool, topicID: Int? = nil, postNumber: Int? = nil, createdAt: String? = nil,
        data: String? = nil
    ) {
        self.id = id
        self.type = type
        self.read = read
        self.topicID = topicID
        self.postNumber = postNumber
        self.createdAt = createdAt
        self.data = data
    }
}

public struct StoredReviewable: Equatable, Sendable {
    public var id: Int
    public var type: String
    public var status: Int
    public var topicID: Int?
    public var postID: Int?
    public var createdAt: String?
    public var payload: String?

    public init(
        id: Int, type: String, status: Int, topicID: Int? = nil, postID: Int? = nil, createdAt: String? = nil,
        payload: String? = nil
    ) {
        self.id = id
        self.type = type
        self.status = status
        self.topicID = topicID
        self.postID = postID
        self.createdAt = createdAt
        self.payload = payload
    }
}
