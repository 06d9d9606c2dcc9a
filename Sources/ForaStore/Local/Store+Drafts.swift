import Foundation
import GRDB

extension Store {
    public func saveDraft(_ draft: Draft) throws {
        try write { db in try Self.upsert(draft: draft, db) }
    }

    static func upsert(draft: Draft, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO drafts (key, topic_id, reply_to_post_number, title, category_id, body, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(key) DO UPDATE SET topic_id = excluded.topic_id,
                    reply_to_post_number = excluded.reply_to_post_number, title = excluded.title,
                    category_id = excluded.category_id, body = excluded.body, updated_at = excluded.updated_at
                """,
            arguments: [
                draft.key, draft.topicID, draft.replyToPostNumber, draft.title, draft.categoryID, draft.body,
                draft.updatedAt.timeIntervalSince1970,
            ])
    }

    public func draft(key: String) throws -> Draft? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM drafts WHERE key = ?", arguments: [key]).map(Self.draft)
        }
    }

    /// Every draft, most recently edited first.
    public func drafts() throws -> [Draft] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM drafts ORDER BY updated_at DESC").map(Self.draft) }
    }

    public func deleteDraft(key: String) throws {
        try write { db in try db.execute(sql: "DELETE FROM drafts WHERE key = ?", arguments: [key]) }
    }

    static func draft(_ row: Row) -> Draft {
        Draft(
            key: row["key"], topicID: row["topic_id"], replyToPostNumber: row["reply_to_post_number"],
            title: row["title"], categoryID: row["category_id"], body: row["body"],
            updatedAt: Date(timeIntervalSince1970: row["updated_at"]))
    }
}
