import GRDB

/// v8: what the site says about topics and posts beyond their text, so a topic read from the
/// store shows what it shows online.
/// - Topics: the archetype (`private_message` for messages), which post is the accepted
///   answer and who accepted it, and the moderation states (archived, unlisted, pinned until,
///   deleted).
/// - Posts: deleted, hidden, wiki and withdrawn-by-author states, the small action's code
///   (`post_type` 3, "closed the topic"), the author's badges (moderator, admin, staff, trust
///   level, title), and whether the user has read the post (`read`), as the site reports it
///   or as the reader records it.
enum SchemaV8 {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE topics ADD COLUMN archetype TEXT NOT NULL DEFAULT 'regular';
                ALTER TABLE topics ADD COLUMN accepted_answer_post_number INTEGER;
                ALTER TABLE topics ADD COLUMN accepted_answer_username TEXT;
                ALTER TABLE topics ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE topics ADD COLUMN pinned_until TEXT;
                ALTER TABLE topics ADD COLUMN visible INTEGER NOT NULL DEFAULT 1;
                ALTER TABLE topics ADD COLUMN deleted_at TEXT;

                ALTER TABLE posts ADD COLUMN deleted_at TEXT;
                ALTER TABLE posts ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE posts ADD COLUMN user_deleted INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE posts ADD COLUMN wiki INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE posts ADD COLUMN action_code TEXT;
                ALTER TABLE posts ADD COLUMN moderator INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE posts ADD COLUMN admin INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE posts ADD COLUMN staff INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE posts ADD COLUMN trust_level INTEGER;
                ALTER TABLE posts ADD COLUMN user_title TEXT;
                ALTER TABLE posts ADD COLUMN read INTEGER NOT NULL DEFAULT 0;
                """)
    }
}
