import GRDB

/// v9: the community-health report.
///
/// It reads counted posts (regular, not deleted) from small partial indexes instead of the
/// table, whose rows carry the posts' HTML and text: one in topic order (first responses), one
/// in author order (who writes the answers), and one of first posts only (each topic's opener
/// and creation, one entry a topic). Each also carries the columns of its own `WHERE` (always
/// the same value, a byte or two an entry): SQLite 3.40 does not know that a partial index
/// already satisfies them, and without them it reads the table row to check.
///
/// Each topic also keeps a summary of its stored posts (`HealthSummaries`): opener, first
/// response, the opener's own posts and the newest counted post. Triggers mark a topic's
/// summary stale whenever one of its posts is written in a way the summary depends on; the
/// summaries are brought up to date after each batch of posts is saved, and a report reads a
/// stale one's figures from the indexes instead. A report over a million posts then reads a
/// row a topic, not an index entry a post.
enum SchemaV9 {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE INDEX posts_health_topic ON posts(topic_id, created_at, username, post_type, deleted_at)
                    WHERE post_type = 1 AND deleted_at IS NULL;
                CREATE INDEX posts_health_author ON posts(username, topic_id, created_at, post_type, deleted_at)
                    WHERE post_type = 1 AND deleted_at IS NULL;
                CREATE INDEX posts_health_opener ON posts(topic_id, username, created_at, post_number, deleted_at)
                    WHERE post_number = 1 AND deleted_at IS NULL;

                ALTER TABLE topics ADD COLUMN health_stale INTEGER NOT NULL DEFAULT 1;
                ALTER TABLE topics ADD COLUMN health_opener TEXT;
                ALTER TABLE topics ADD COLUMN health_opened_at TEXT;
                ALTER TABLE topics ADD COLUMN health_newest_at TEXT;
                ALTER TABLE topics ADD COLUMN health_first_response_at TEXT;
                ALTER TABLE topics ADD COLUMN health_opener_posts INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX topics_health_stale ON topics(id) WHERE health_stale = 1;

                CREATE TRIGGER posts_health_insert AFTER INSERT ON posts BEGIN
                    UPDATE topics SET health_stale = 1 WHERE id = NEW.topic_id AND health_stale = 0;
                END;
                CREATE TRIGGER posts_health_delete AFTER DELETE ON posts BEGIN
                    UPDATE topics SET health_stale = 1 WHERE id = OLD.topic_id AND health_stale = 0;
                END;
                CREATE TRIGGER posts_health_update
                AFTER UPDATE OF topic_id, post_number, username, created_at, post_type, deleted_at ON posts
                WHEN OLD.topic_id IS NOT NEW.topic_id OR OLD.post_number IS NOT NEW.post_number
                    OR OLD.username IS NOT NEW.username OR OLD.created_at IS NOT NEW.created_at
                    OR OLD.post_type IS NOT NEW.post_type OR OLD.deleted_at IS NOT NEW.deleted_at
                BEGIN
                    UPDATE topics SET health_stale = 1 WHERE id IN (OLD.topic_id, NEW.topic_id) AND health_stale = 0;
                END;
                """)
        try HealthSummaries.refresh(db)
    }
}
