import ForaCore
import Foundation
import GRDB

/// Writing what sync fetched: users, categories, topics and list membership. Upserts only
/// (`ON CONFLICT DO UPDATE`), never `REPLACE`, so the FTS triggers see real updates and the
/// posts of a topic are not cascaded away.
extension Store {
    public func saveCategories(_ categories: [ForaCore.Category]) throws {
        try write { db in
            for category in categories {
                try db.execute(
                    sql: """
                        INSERT INTO categories (id, name, slug, color, parent_id, topic_count) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT(id) DO UPDATE SET name = excluded.name, slug = excluded.slug,
                            color = excluded.color, parent_id = excluded.parent_id, topic_count = excluded.topic_count
                        """,
                    arguments: [
                        category.id, category.name, category.slug, category.color, category.parentCategoryID,
                        category.topicCount,
                    ])
            }
        }
    }

    public func categories() throws -> [ForaCore.Category] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM categories ORDER BY name").map { row in
                ForaCore.Category(
                    id: row["id"], name: row["name"], slug: row["slug"], color: row["color"],
                    parentCategoryID: row["parent_id"], topicCount: row["topic_count"])
            }
        }
    }

    public func saveUsers(_ users: [BasicUser]) throws {
        try write { db in try Self.upsert(users: users, db) }
    }

    static func upsert(users: [BasicUser], _ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO users (id, username, name, avatar_template) VALUES (?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET username = excluded.username, name = excluded.name,
                    avatar_template = excluded.avatar_template
                """)
        for user in users {
            try statement.execute(arguments: [user.id, user.username, user.name, user.avatarTemplate])
        }
    }

    /// Stores topic metadata (never their posts, nor what was synced of them).
    public func saveTopics(_ topics: [SyncTopicSummary]) throws {
        try write { db in try Self.upsert(topics: topics, db) }
    }

    static func upsert(topics: [SyncTopicSummary], _ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO topics (id, title, slug, category_id, posts_count, reply_count, highest_post_number,
                    views, like_count, created_at, last_posted_at, bumped_at, has_accepted_answer, pinned, closed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET title = excluded.title, slug = excluded.slug,
                    category_id = excluded.category_id, posts_count = excluded.posts_count,
                    reply_count = excluded.reply_count, highest_post_number = excluded.highest_post_number,
                    views = excluded.views, like_count = excluded.like_count, created_at = excluded.created_at,
                    last_posted_at = excluded.last_posted_at, bumped_at = excluded.bumped_at,
                    has_accepted_answer = excluded.has_accepted_answer, pinned = excluded.pinned,
                    closed = excluded.closed
                """)
        for summary in topics {
            let topic = summary.topic
            try statement.execute(arguments: [
                topic.id, topic.title, topic.slug, topic.categoryID, topic.postsCount, topic.replyCount,
                summary.highestPostNumber, topic.views, topic.likeCount, topic.createdAt, topic.lastPostedAt,
                topic.bumpedAt, topic.hasAcceptedAnswer, topic.pinned, topic.closed,
            ])
        }
    }

    /// The stored topic, or `StoreError.notSynced`.
    public func topic(id: Int) throws -> TopicListEntry {
        try read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT t.*, r.last_read_post_number AS last_read FROM topics t
                    LEFT JOIN read_state r ON r.topic_id = t.id WHERE t.id = ?
                    """,
                arguments: [id])
            guard let row else { throw StoreError.notSynced("topic \(id)") }
            return Self.entry(row)
        }
    }

    static func entry(_ row: Row) -> TopicListEntry {
        let topic = ForaCore.Topic(
            id: row["id"], title: row["title"], slug: row["slug"], categoryID: row["category_id"],
            postsCount: row["posts_count"], replyCount: row["reply_count"], views: row["views"],
            likeCount: row["like_count"], createdAt: row["created_at"], lastPostedAt: row["last_posted_at"],
            bumpedAt: row["bumped_at"], hasAcceptedAnswer: row["has_accepted_answer"], pinned: row["pinned"],
            closed: row["closed"])
        let lastRead: Int? = row["last_read"]
        var entry = TopicListEntry(
            topic: topic, highestPostNumber: row["highest_post_number"], lastReadPostNumber: lastRead)
        entry.topic.unread = entry.isNew || entry.unreadPosts > 0
        return entry
    }
}
