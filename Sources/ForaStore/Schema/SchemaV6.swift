import GRDB

/// v6: what sync needs to keep the cache true to the server, and the account's own lists.
/// - `posts.version`: the server's edit counter, so a refetched post replaces the stored one
///   (and its indexed text) only when it changed.
/// - `topics.synced_posts_count`: the visible post count at the last full sync; a change
///   means posts were deleted (or restored) on the server, which `highest_post_number` does
///   not show. Topics already fully synced take their current count, so an upgrade does not
///   refetch everything.
/// - The post FTS update trigger fires only when the text really changed.
/// - Bookmarks keep what the server's list says about them (title, post number, excerpt),
///   one row per server bookmark (`remote_id`).
/// - `synced_documents`: when each of the account's lists was last synced, with the whole
///   server answer where it is kept as it came (the review queue, read back with the same
///   decoder the online command uses); lists kept as rows (notifications, bookmarks) have
///   an empty body.
enum SchemaV6 {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE posts ADD COLUMN version INTEGER;
                ALTER TABLE topics ADD COLUMN synced_posts_count INTEGER;
                UPDATE topics SET synced_posts_count = posts_count WHERE synced_post_number = highest_post_number;

                DROP TRIGGER posts_fts_update;
                CREATE TRIGGER posts_fts_update AFTER UPDATE OF plain_text ON posts
                WHEN old.plain_text IS NOT new.plain_text BEGIN
                    INSERT INTO post_fts(post_fts, rowid, plain_text) VALUES ('delete', old.id, old.plain_text);
                    INSERT INTO post_fts(rowid, plain_text) VALUES (new.id, new.plain_text);
                END;

                ALTER TABLE bookmarks ADD COLUMN post_number INTEGER;
                ALTER TABLE bookmarks ADD COLUMN title TEXT;
                ALTER TABLE bookmarks ADD COLUMN excerpt TEXT;
                ALTER TABLE bookmarks ADD COLUMN synced INTEGER NOT NULL DEFAULT 0;
                CREATE UNIQUE INDEX bookmarks_remote ON bookmarks(remote_id) WHERE remote_id IS NOT NULL;

                CREATE TABLE synced_documents (
                    key TEXT PRIMARY KEY,
                    body BLOB NOT NULL,
                    synced_at REAL NOT NULL
                );
                """)
    }
}
