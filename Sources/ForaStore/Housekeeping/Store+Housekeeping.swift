import Foundation
import GRDB

/// What `fora cache stats` shows.
public struct StoreStats: Equatable, Sendable {
    public var fileBytes: Int64
    public var topics: Int
    public var posts: Int
    public var drafts: Int
    public var outboxUnsent: Int
    public var outboxFailed: Int
    public var bookmarks: Int
    public var lists: Int
}

/// Size and housekeeping: stats, eviction, vacuum, clear. Nothing here ever deletes a
/// draft, an unsent outbox item, read state or a bookmarked topic.
extension Store {
    public func stats() throws -> StoreStats {
        let counts = try read { db in
            try [
                "SELECT COUNT(*) FROM topics", "SELECT COUNT(*) FROM posts", "SELECT COUNT(*) FROM drafts",
                "SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'sending')",
                "SELECT COUNT(*) FROM outbox WHERE state IN ('failed', 'conflict')",
                "SELECT COUNT(*) FROM bookmarks", "SELECT COUNT(*) FROM list_sync",
            ].map { try Int.fetchOne(db, sql: $0) ?? 0 }
        }
        return StoreStats(
            fileBytes: fileBytes(), topics: counts[0], posts: counts[1], drafts: counts[2], outboxUnsent: counts[3],
            outboxFailed: counts[4], bookmarks: counts[5], lists: counts[6])
    }

    /// The database and its WAL on disk.
    public func fileBytes() -> Int64 {
        [path, path + "-wal"].reduce(Int64(0)) { total, file in
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.int64Value
            return total + (size ?? 0)
        }
    }

    /// Deletes the least recently read topics (and their posts) until at most `maxTopics`
    /// remain, sparing bookmarked topics and those with a draft or unsent outbox item.
    /// Returns how many topics went.
    @discardableResult
    public func evict(keepingAtMost maxTopics: Int) throws -> Int {
        try write { db in
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM topics") ?? 0
            let excess = count - maxTopics
            guard excess > 0 else { return 0 }
            try db.execute(
                sql: """
                    DELETE FROM topics WHERE id IN (
                        SELECT t.id FROM topics t LEFT JOIN read_state r ON r.topic_id = t.id
                        WHERE t.id NOT IN (SELECT topic_id FROM bookmarks)
                          AND t.id NOT IN (SELECT topic_id FROM drafts WHERE topic_id IS NOT NULL)
                          AND t.id NOT IN (SELECT topic_id FROM outbox
                                           WHERE topic_id IS NOT NULL AND state != 'sent')
                        ORDER BY MAX(COALESCE(r.last_read_at, 0), COALESCE(t.last_opened_at, 0)),
                                 t.last_posted_at, t.id
                        LIMIT ?)
                    """,
                arguments: [excess])
            return db.changesCount
        }
    }

    /// Evicts until the posts' text fits in about `maxBytes` (an estimate from the average
    /// post size; run `vacuum` to give the space back to the file system).
    @discardableResult
    public func evict(toFitBytes maxBytes: Int64) throws -> Int {
        let (topics, bytes) = try read { db -> (Int, Int64) in
            let topics = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM topics") ?? 0
            let pageSize = try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
            let pages = try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let free = try Int64.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
            return (topics, (pages - free) * pageSize)
        }
        guard bytes > maxBytes, topics > 0 else { return 0 }
        let keep = Int(Double(topics) * Double(maxBytes) / Double(bytes))
        return try evict(keepingAtMost: keep)
    }

    /// Rewrites the file to its smallest size.
    public func vacuum() throws {
        try StoreError.mapping {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM")
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        }
    }

    /// Forgets everything synced (topics, posts, users, categories, lists); keeps drafts,
    /// the outbox, read state and bookmarks.
    public func clearCache() throws {
        try write { db in
            try db.execute(
                sql: """
                    DELETE FROM list_topics;
                    DELETE FROM list_sync;
                    DELETE FROM posts;
                    DELETE FROM topics;
                    DELETE FROM users;
                    DELETE FROM categories;
                    DELETE FROM notifications;
                    DELETE FROM reviewables;
                    DELETE FROM synced_documents WHERE key != 'bookmarks';
                    """)
        }
    }

    /// SQLite's own full check (slow on a big store: for `fora cache check`, not start-up).
    public func integrityProblems() throws -> [String] {
        try read { db in
            let lines = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            return lines == ["ok"] ? [] : lines
        }
    }
}
