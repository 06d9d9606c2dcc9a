import GRDB

/// v3: the rest of what the user has locally: bookmarks, notifications, the review queue,
/// and read timings not yet batched into the outbox.
enum SchemaV3 {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE bookmarks (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    topic_id INTEGER NOT NULL,
                    post_id INTEGER,
                    remote_id INTEGER,
                    name TEXT,
                    created_at REAL NOT NULL
                );
                CREATE INDEX bookmarks_topic ON bookmarks(topic_id);
                CREATE TABLE notifications (
                    id INTEGER PRIMARY KEY,
                    notification_type INTEGER NOT NULL,
                    read INTEGER NOT NULL DEFAULT 0,
                    topic_id INTEGER,
                    post_number INTEGER,
                    created_at TEXT,
                    data TEXT
                );
                CREATE INDEX notifications_unread ON notifications(read, created_at);
                CREATE TABLE reviewables (
                    id INTEGER PRIMARY KEY,
                    type TEXT NOT NULL,
                    status INTEGER NOT NULL DEFAULT 0,
                    topic_id INTEGER,
                    post_id INTEGER,
                    created_at TEXT,
                    payload TEXT
                );
                CREATE TABLE pending_timings (
                    topic_id INTEGER NOT NULL,
                    post_number INTEGER NOT NULL,
                    ms INTEGER NOT NULL,
                    PRIMARY KEY (topic_id, post_number)
                ) WITHOUT ROWID;
                """)
    }
}
