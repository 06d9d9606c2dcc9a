import ForaCore
import Foundation
import GRDB

/// Post bodies: stored as sync fetches them, read back one visible window at a time through
/// the `(topic_id, post_number)` index, so opening a 10,000-post topic touches 100 rows.
extension Store {
    public func savePosts(_ posts: [StoredPost]) throws {
        try write { db in
            try Self.upsert(posts: posts, db)
            try HealthSummaries.refresh(db)
        }
    }

    /// A deleted post is kept (staff see it on the site, marked) but its text leaves the
    /// search index. `read` only rises.
    static func upsert(posts: [StoredPost], _ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO posts (id, topic_id, post_number, user_id, username, created_at, updated_at,
                    reply_to_post_number, post_type, like_count, cooked, raw, plain_text, version,
                    deleted_at, hidden, user_deleted, wiki, action_code, moderator, admin, staff, trust_level,
                    user_title, read)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET post_number = excluded.post_number, user_id = excluded.user_id,
                    username = excluded.username, updated_at = excluded.updated_at,
                    reply_to_post_number = excluded.reply_to_post_number, post_type = excluded.post_type,
                    like_count = excluded.like_count, cooked = excluded.cooked,
                    raw = CASE WHEN excluded.version IS NULL OR excluded.version IS posts.version
                              THEN COALESCE(excluded.raw, posts.raw)
                              ELSE excluded.raw END,
                    plain_text = excluded.plain_text, version = COALESCE(excluded.version, posts.version),
                    deleted_at = excluded.deleted_at, hidden = excluded.hidden,
                    user_deleted = excluded.user_deleted, wiki = excluded.wiki, action_code = excluded.action_code,
                    moderator = excluded.moderator, admin = excluded.admin, staff = excluded.staff,
                    trust_level = excluded.trust_level, user_title = excluded.user_title,
                    read = MAX(posts.read, excluded.read)
                """)
        for post in posts {
            let author = post.author
            try statement.execute(arguments: [
                post.id, post.topicID, post.postNumber, post.userID, post.username, post.createdAt, post.updatedAt,
                post.replyToPostNumber, post.postType, post.likeCount, post.cooked, post.raw,
                post.deletedAt == nil ? post.plainText : "", post.version, post.deletedAt, post.hidden,
                post.userDeleted, post.wiki, post.actionCode, author.moderator, author.admin, author.staff,
                author.trustLevel, author.title, post.read,
            ])
        }
    }

    /// Up to `limit` posts of a topic from post number `from` on. Throws `notSynced` when the
    /// topic is unknown here; an empty array means the topic is known but its posts in that
    /// window are not stored.
    public func posts(topicID: Int, from postNumber: Int = 1, limit: Int = 100) throws -> [StoredPost] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM posts WHERE topic_id = ? AND post_number >= ?
                    ORDER BY post_number LIMIT ?
                    """,
                arguments: [topicID, postNumber, limit])
            if rows.isEmpty {
                let known = try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM topics WHERE id = ?)", arguments: [topicID])
                if known != true { throw StoreError.notSynced("topic \(topicID)") }
            }
            return rows.map(Self.post)
        }
    }

    /// Up to `limit` posts of a topic from stream position `offset` on (0-based, in post-number
    /// order, so deleted post numbers leave no hole): the reader's windows. The skipped rows
    /// are stepped over in the `(topic_id, post_number)` index without reading their bodies.
    public func posts(topicID: Int, offset: Int, limit: Int) throws -> [StoredPost] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM posts WHERE topic_id = ? ORDER BY post_number LIMIT ? OFFSET ?",
                arguments: [topicID, limit, max(0, offset)]
            ).map(Self.post)
        }
    }

    /// How many posts of a topic are stored, counted in the index alone.
    public func storedPostCount(topicID: Int) throws -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM posts WHERE topic_id = ?", arguments: [topicID]) ?? 0
        }
    }

    /// The stored posts of a topic with their versions (what sync need not fetch again, and
    /// what it compares a refetched post with). A nil version: stored before v6 or unknown.
    func storedPostVersions(topicID: Int) throws -> [Int: Int?] {
        try read { db in
            var versions: [Int: Int?] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT id, version FROM posts WHERE topic_id = ?", arguments: [topicID])
            {
                versions[row["id"]] = row["version"] as Int?
            }
            return versions
        }
    }

    /// The stored posts of a topic that the server marked deleted.
    func deletedPostIDs(topicID: Int) throws -> Set<Int> {
        try read { db in
            Set(
                try Int.fetchAll(
                    db, sql: "SELECT id FROM posts WHERE topic_id = ? AND deleted_at IS NOT NULL",
                    arguments: [topicID]))
        }
    }

    /// Drops stored posts the server no longer lists (deleted there); their text leaves the
    /// search index through the delete trigger.
    func deletePosts(ids: [Int]) throws {
        guard !ids.isEmpty else { return }
        try write { db in
            let statement = try db.cachedStatement(sql: "DELETE FROM posts WHERE id = ?")
            for id in ids { try statement.execute(arguments: [id]) }
        }
    }

    /// Forgets a topic the server says is gone (its posts go with it).
    func deleteTopic(id: Int) throws {
        try write { db in try db.execute(sql: "DELETE FROM topics WHERE id = ?", arguments: [id]) }
    }

    /// Records that every post up to the topic's current high-water mark is stored.
    func markTopicSynced(_ summary: SyncTopicSummary) throws {
        try write { db in
            try Self.upsert(topics: [summary], db)
            try db.execute(
                sql: """
                    UPDATE topics SET synced_post_number = ?, synced_last_posted_at = ?, synced_posts_count = ?
                    WHERE id = ?
                    """,
                arguments: [
                    summary.highestPostNumber, summary.topic.lastPostedAt, summary.topic.postsCount, summary.topic.id,
                ])
        }
    }

    /// Notes that the user opened a topic (eviction keeps recently read topics).
    public func noteOpened(topicID: Int, at date: Date = Date()) throws {
        try write { db in
            try db.execute(
                sql: "UPDATE topics SET last_opened_at = ? WHERE id = ?",
                arguments: [date.timeIntervalSince1970, topicID])
        }
    }

    static func post(_ row: Row) -> StoredPost {
        var post = StoredPost(
            id: row["id"], topicID: row["topic_id"], postNumber: row["post_number"], userID: row["user_id"],
            username: row["username"], createdAt: row["created_at"], updatedAt: row["updated_at"],
            replyToPostNumber: row["reply_to_post_number"], postType: row["post_type"], likeCount: row["like_count"],
            cooked: row["cooked"], raw: row["raw"], plainText: row["plain_text"], version: row["version"])
        post.deletedAt = row["deleted_at"]
        post.hidden = row["hidden"]
        post.userDeleted = row["user_deleted"]
        post.wiki = row["wiki"]
        post.actionCode = row["action_code"]
        post.author = PostAuthorBadges(
            moderator: row["moderator"], admin: row["admin"], staff: row["staff"], trustLevel: row["trust_level"],
            title: row["user_title"])
        post.read = row["read"]
        return post
    }
}
