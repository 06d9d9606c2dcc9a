import GRDB

/// v1: the cache (site, categories, users, topics, posts, lists and their sync state), read
/// state, drafts and the outbox. Dates from the server stay ISO 8601 text (they sort as
/// text); local times are Unix seconds.
enum SchemaV1 {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE site (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    base_url TEXT NOT NULL,
                    username TEXT,
                    title TEXT
                );
                CREATE TABLE categories (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    slug TEXT NOT NULL,
                    color TEXT,
                    parent_id INTEGER,
                    topic_count INTEGER
                );
                CREATE INDEX categories_slug ON categories(slug);
                CREATE TABLE users (
                    id INTEGER PRIMARY KEY,
                    username TEXT NOT NULL,
                    name TEXT,
                    avatar_template TEXT
                );
                CREATE INDEX users_username ON users(username);
                CREATE TABLE topics (
                    id INTEGER PRIMARY KEY,
                    title TEXT NOT NULL,
                    slug TEXT NOT NULL DEFAULT '',
                    category_id INTEGER,
                    posts_count INTEGER NOT NULL DEFAULT 0,
                    reply_count INTEGER NOT NULL DEFAULT 0,
                    highest_post_number INTEGER NOT NULL DEFAULT 0,
                    views INTEGER NOT NULL DEFAULT 0,
                    like_count INTEGER NOT NULL DEFAULT 0,
                    created_at TEXT,
                    last_posted_at TEXT,
                    bumped_at TEXT,
                    has_accepted_answer INTEGER NOT NULL DEFAULT 0,
                    pinned INTEGER NOT NULL DEFAULT 0,
                    closed INTEGER NOT NULL DEFAULT 0,
                    -- the highest_post_number / last_posted_at at which every post was stored
                    synced_post_number INTEGER NOT NULL DEFAULT 0,
                    synced_last_posted_at TEXT
                );
                CREATE TABLE posts (
                    id INTEGER PRIMARY KEY,
                    topic_id INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
                    post_number INTEGER NOT NULL,
                    user_id INTEGER,
                    username TEXT NOT NULL DEFAULT '',
                    created_at TEXT,
                    updated_at TEXT,
                    reply_to_post_number INTEGER,
                    post_type INTEGER NOT NULL DEFAULT 1,
                    like_count INTEGER NOT NULL DEFAULT 0,
                    cooked TEXT NOT NULL,
                    raw TEXT,
                    plain_text TEXT NOT NULL DEFAULT ''
                );
                CREATE UNIQUE INDEX posts_topic_number ON posts(topic_id, post_number);
                CREATE TABLE list_topics (
                    list_key TEXT NOT NULL,
                    topic_id INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    generation INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (list_key, topic_id)
                ) WITHOUT ROWID;
                CREATE INDEX list_topics_order ON list_topics(list_key, position);
                CREATE INDEX list_topics_topic ON list_topics(topic_id);
                CREATE TABLE list_sync (
                    list_key TEXT PRIMARY KEY,
                    generation INTEGER NOT NULL DEFAULT 0,
                    synced_at REAL,
                    complete INTEGER NOT NULL DEFAULT 0,
                    last_error TEXT
                );
                CREATE TABLE read_state (
                    topic_id INTEGER PRIMARY KEY,
                    last_read_post_number INTEGER NOT NULL DEFAULT 0,
                    last_read_at REAL,
                    notification_level INTEGER
                );
                CREATE TABLE drafts (
                    key TEXT PRIMARY KEY,
                    topic_id INTEGER,
                    reply_to_post_number INTEGER,
                    title TEXT,
                    category_id INTEGER,
                    body TEXT NOT NULL,
                    updated_at REAL NOT NULL
                );
                CREATE TABLE outbox (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    topic_id INTEGER,
                    state TEXT NOT NULL DEFAULT 'pending'
                        CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'conflict')),
                    reason TEXT,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    outcome_unknown INTEGER NOT NULL DEFAULT 0,
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL,
                    next_attempt_at REAL NOT NULL DEFAULT 0,
                    first_attempt_at REAL,
                    remote_id INTEGER
                );
                CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
                """)
    }
}
