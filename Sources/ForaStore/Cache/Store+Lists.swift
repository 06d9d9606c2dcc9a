import ForaCore
import Foundation
import GRDB

/// Topic lists as synced (latest, a category, a tag…), keyed by a stable list key. A sync
/// run stamps the rows it sees with a new generation and, once the list is complete, drops
/// the rows of older generations, so an interrupted sync never empties a list.
extension Store {
    /// Starts a sync of `listKey`, returning the generation to stamp its rows with.
    public func beginListSync(_ listKey: String) throws -> Int {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO list_sync (list_key, generation) VALUES (?, 1)
                    ON CONFLICT(list_key) DO UPDATE SET generation = generation + 1
                    """,
                arguments: [listKey])
            return try Int.fetchOne(
                db, sql: "SELECT generation FROM list_sync WHERE list_key = ?", arguments: [listKey])
                ?? 1
        }
    }

    /// Stores one page of a list: its users, topics and their positions.
    public func saveListPage(
        _ listKey: String, generation: Int, startPosition: Int, topics: [SyncTopicSummary], users: [BasicUser]
    ) throws {
        try write { db in
            try Self.upsert(users: users, db)
            try Self.upsert(topics: topics, db)
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO list_topics (list_key, topic_id, position, generation) VALUES (?, ?, ?, ?)
                    ON CONFLICT(list_key, topic_id) DO UPDATE SET position = excluded.position,
                        generation = excluded.generation
                    """)
            for (offset, summary) in topics.enumerated() {
                try statement.execute(arguments: [listKey, summary.topic.id, startPosition + offset, generation])
            }
        }
    }

    /// Marks the list complete and drops what this run did not see.
    public func finishListSync(_ listKey: String, generation: Int, now: Date = Date()) throws {
        try write { db in
            try db.execute(
                sql: "DELETE FROM list_topics WHERE list_key = ? AND generation < ?", arguments: [listKey, generation])
            try db.execute(
                sql: "UPDATE list_sync SET complete = 1, synced_at = ?, last_error = NULL WHERE list_key = ?",
                arguments: [now.timeIntervalSince1970, listKey])
        }
    }

    /// When `listKey` was last fully synced, nil if never.
    public func lastSynced(_ listKey: String) throws -> Date? {
        try read { db in
            try Double.fetchOne(
                db, sql: "SELECT synced_at FROM list_sync WHERE list_key = ? AND complete = 1", arguments: [listKey]
            ).map { Date(timeIntervalSince1970: $0) }
        }
    }

    /// A window of a cached list in its server order, without any post body. Throws
    /// `notSynced` when the list was never synced.
    public func topics(inList listKey: String, offset: Int = 0, limit: Int = 50) throws -> [TopicListEntry] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT t.*, r.last_read_post_number AS last_read FROM list_topics l
                    JOIN topics t ON t.id = l.topic_id
                    LEFT JOIN read_state r ON r.topic_id = t.id
                    WHERE l.list_key = ? ORDER BY l.position LIMIT ? OFFSET ?
                    """,
                arguments: [listKey, limit, offset])
            if rows.isEmpty && offset == 0 {
                let known = try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM list_sync WHERE list_key = ?)", arguments: [listKey])
                if known != true { throw StoreError.notSynced("the \(listKey) list") }
            }
            return rows.map(Self.entry)
        }
    }

    /// New and unread topic counts of a list, from local read state (correct offline).
    public func counts(inList listKey: String) throws -> (new: Int, unread: Int) {
        try read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT
                        COALESCE(SUM(r.topic_id IS NULL), 0) AS new_count,
                        COALESCE(SUM(r.topic_id IS NOT NULL AND r.last_read_post_number < t.highest_post_number), 0)
                            AS unread_count
                    FROM list_topics l JOIN topics t ON t.id = l.topic_id
                    LEFT JOIN read_state r ON r.topic_id = t.id
                    WHERE l.list_key = ?
                    """,
                arguments: [listKey])
            return (row?["new_count"] ?? 0, row?["unread_count"] ?? 0)
        }
    }
}
