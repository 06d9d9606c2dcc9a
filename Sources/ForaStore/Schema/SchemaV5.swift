import GRDB

/// v5: topics the user marked "done" in the work lists, with how far the topic had got, so
/// a new reply brings it back.
enum SchemaV5 {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE done_topics (
                    topic_id INTEGER PRIMARY KEY,
                    highest_post_number INTEGER NOT NULL,
                    marked_at REAL NOT NULL
                );
                """)
    }
}
