import GRDB

/// v2: full-text search. Two external-content FTS5 tables (titles over `topics`, post text
/// over `posts`), kept in step by triggers, so the text is stored once; a database upgraded
/// from v1 is indexed by `rebuild`.
enum SchemaV2 {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE VIRTUAL TABLE topic_fts USING fts5(
                    title, content='topics', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE post_fts USING fts5(
                    plain_text, content='posts', content_rowid='id', tokenize='unicode61 remove_diacritics 2');

                CREATE TRIGGER topics_fts_insert AFTER INSERT ON topics BEGIN
                    INSERT INTO topic_fts(rowid, title) VALUES (new.id, new.title);
                END;
                CREATE TRIGGER topics_fts_delete AFTER DELETE ON topics BEGIN
                    INSERT INTO topic_fts(topic_fts, rowid, title) VALUES ('delete', old.id, old.title);
                END;
                CREATE TRIGGER topics_fts_update AFTER UPDATE OF title ON topics BEGIN
                    INSERT INTO topic_fts(topic_fts, rowid, title) VALUES ('delete', old.id, old.title);
                    INSERT INTO topic_fts(rowid, title) VALUES (new.id, new.title);
                END;

                CREATE TRIGGER posts_fts_insert AFTER INSERT ON posts BEGIN
                    INSERT INTO post_fts(rowid, plain_text) VALUES (new.id, new.plain_text);
                END;
                CREATE TRIGGER posts_fts_delete AFTER DELETE ON posts BEGIN
                    INSERT INTO post_fts(post_fts, rowid, plain_text) VALUES ('delete', old.id, old.plain_text);
                END;
                CREATE TRIGGER posts_fts_update AFTER UPDATE OF plain_text ON posts BEGIN
                    INSERT INTO post_fts(post_fts, rowid, plain_text) VALUES ('delete', old.id, old.plain_text);
                    INSERT INTO post_fts(rowid, plain_text) VALUES (new.id, new.plain_text);
                END;

                INSERT INTO topic_fts(topic_fts) VALUES ('rebuild');
                INSERT INTO post_fts(post_fts) VALUES ('rebuild');
                """)
    }
}
