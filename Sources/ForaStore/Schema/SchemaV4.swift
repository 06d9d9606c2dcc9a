import GRDB

/// v4: when a topic was last opened here, so eviction can drop the least recently read.
enum SchemaV4 {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE topics ADD COLUMN last_opened_at REAL;
                CREATE INDEX topics_last_opened ON topics(last_opened_at);
                CREATE INDEX drafts_topic ON drafts(topic_id);
                CREATE INDEX outbox_topic ON outbox(topic_id);
                """)
    }
}
