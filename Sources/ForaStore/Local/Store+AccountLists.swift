import ForaCore
import Foundation
import GRDB

/// The account's own lists as sync last saw them: notifications, bookmarks and the review
/// queue, for the offline commands. Each records when it was synced (`synced_documents`),
/// so "never synced" (an error that says so) differs from "synced, and empty".
extension Store {
    public static let notificationsKey = "notifications"
    public static let bookmarksKey = "bookmarks"
    public static let reviewQueueKey = "review/pending"

    /// Replaces the stored notifications with the server's latest page.
    public func replaceNotifications(_ items: [ForumNotification], at date: Date = Date()) throws {
        let encoder = JSONEncoder()
        let rows = try items.map { item in
            StoredNotification(
                id: item.id, type: item.notificationType, read: item.read, topicID: item.topicID,
                postNumber: item.postNumber, createdAt: item.createdAt,
                data: String(decoding: try encoder.encode(item), as: UTF8.self))
        }
        try write { db in
            try db.execute(sql: "DELETE FROM notifications")
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO notifications (id, notification_type, read, topic_id, post_number, created_at, data)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING
                    """)
            for row in rows {
                try statement.execute(arguments: [
                    row.id, row.type, row.read, row.topicID, row.postNumber, row.createdAt, row.data,
                ])
            }
            try Self.stamp(Self.notificationsKey, body: [], at: date, db)
        }
    }

    /// The synced notifications, newest first; `notSynced` before the first sync of them.
    public func syncedNotifications(limit: Int = 60) throws -> [ForumNotification] {
        try requireSynced(Self.notificationsKey, what: "the notification list")
        let decoder = JSONDecoder()
        return try notifications(limit: limit).compactMap { row in
            row.data.flatMap { try? decoder.decode(ForumNotification.self, from: Data($0.utf8)) }
        }
    }

    /// Replaces the bookmarks sync brought last time with the server's list; bookmarks made
    /// here and not yet listed by the server stay, those it now lists give way to its rows.
    public func replaceSyncedBookmarks(_ items: [SyncBookmark], at date: Date = Date()) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM bookmarks WHERE synced = 1")
            let listedPosts = Set(items.compactMap(\.postID))
            let local = try Row.fetchAll(db, sql: "SELECT id, post_id FROM bookmarks WHERE synced = 0")
            for row in local {
                if let post: Int = row["post_id"], listedPosts.contains(post) {
                    try db.execute(sql: "DELETE FROM bookmarks WHERE id = ?", arguments: [row["id"] as Int])
                }
            }
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO bookmarks (topic_id, post_id, remote_id, name, created_at, post_number, title, excerpt,
                        synced)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)
                    ON CONFLICT(remote_id) WHERE remote_id IS NOT NULL DO UPDATE SET topic_id = excluded.topic_id,
                        post_id = excluded.post_id, name = excluded.name, post_number = excluded.post_number,
                        title = excluded.title, excerpt = excluded.excerpt, synced = 1
                    """)
            for item in items {
                try statement.execute(arguments: [
                    item.topicID, item.postID, item.id, item.name, date.timeIntervalSince1970, item.postNumber,
                    item.title, item.excerpt,
                ])
            }
            try Self.stamp(Self.bookmarksKey, body: [], at: date, db)
        }
    }

    /// Every bookmark here, synced or made locally, newest first; `notSynced` when the list
    /// was never synced and nothing was bookmarked here.
    public func bookmarks() throws -> [StoredBookmark] {
        let rows = try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT b.*, COALESCE(b.title, t.title) AS shown_title FROM bookmarks b
                    LEFT JOIN topics t ON t.id = b.topic_id
                    ORDER BY b.synced, COALESCE(b.remote_id, 0) DESC, b.id DESC
                    """
            ).map { row in
                StoredBookmark(
                    id: row["remote_id"], topicID: row["topic_id"], postID: row["post_id"],
                    postNumber: row["post_number"], title: row["shown_title"] ?? "", excerpt: row["excerpt"],
                    name: row["name"])
            }
        }
        if rows.isEmpty { try requireSynced(Self.bookmarksKey, what: "the bookmark list") }
        return rows
    }

    /// Keeps a server answer as it came (the review queue), with when it was fetched.
    public func saveDocument(_ key: String, body: [UInt8], at date: Date = Date()) throws {
        try write { db in try Self.stamp(key, body: body, at: date, db) }
    }

    /// Forgets a kept answer (the account can no longer see it).
    public func removeDocument(_ key: String) throws {
        try write { db in try db.execute(sql: "DELETE FROM synced_documents WHERE key = ?", arguments: [key]) }
    }

    /// A kept answer and when it was synced; nil when never.
    public func document(_ key: String) throws -> (body: [UInt8], syncedAt: Date)? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT body, synced_at FROM synced_documents WHERE key = ?", arguments: [key])
                .map { row in
                    let body: Data = row["body"]
                    return ([UInt8](body), Date(timeIntervalSince1970: row["synced_at"]))
                }
        }
    }

    /// When the account list `key` was last synced; nil when never.
    public func accountSyncedAt(_ key: String) throws -> Date? {
        try read { db in
            try Double.fetchOne(db, sql: "SELECT synced_at FROM synced_documents WHERE key = ?", arguments: [key])
                .map { Date(timeIntervalSince1970: $0) }
        }
    }

    private func requireSynced(_ key: String, what: String) throws {
        if try accountSyncedAt(key) == nil { throw StoreError.notSynced(what) }
    }

    static func stamp(_ key: String, body: [UInt8], at date: Date, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO synced_documents (key, body, synced_at) VALUES (?, ?, ?)
                ON CONFLICT(key) DO UPDATE SET body = excluded.body, synced_at = excluded.synced_at
                """,
            arguments: [key, Data(body), date.timeIntervalSince1970])
    }
}

/// One bookmark as the offline list shows it. `id` is the server's, nil for one made here
/// and not synced since.
public struct StoredBookmark: Equatable, Sendable {
    public var id: Int?
    public var topicID: Int
    public var postID: Int?
    public var postNumber: Int?
    public var title: String
    public var excerpt: String?
    public var name: String?

    public init(
        id: Int?, topicID: Int, postID: Int?, postNumber: Int?, title: String, excerpt: String?, name: String?
    ) {
        self.id = id
        self.topicID = topicID
        self.postID = postID
        self.postNumber = postNumber
        self.title = title
        self.excerpt = excerpt
        self.name = name
    }
}
