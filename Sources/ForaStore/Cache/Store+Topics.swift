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

    /// A nil state in the summary keeps the stored one. The accepted answer is taken from a
    /// source that knows it (the topic itself); a list row only clears it when the topic is no
    /// longer solved. The site's reading position raises the local one, never lowers it.
    static func upsert(topics: [SyncTopicSummary], _ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO topics (id, title, slug, category_id, posts_count, reply_count, highest_post_number,
                    views, like_count, created_at, last_posted_at, bumped_at, has_accepted_answer, pinned, closed,
                    archetype, archived, visible, pinned_until, deleted_at,
                    accepted_answer_post_number, accepted_answer_username)
                VALUES (:id, :title, :slug, :category, :posts, :replies, :highest, :views, :likes, :created,
                    :lastPosted, :bumped, :solved, :pinned, :closed, COALESCE(:archetype, 'regular'),
                    COALESCE(:archived, 0), COALESCE(:visible, 1), :pinnedUntil, :deletedAt,
                    :answer, :answerBy)
                ON CONFLICT(id) DO UPDATE SET title = excluded.title, slug = excluded.slug,
                    category_id = excluded.category_id, posts_count = excluded.posts_count,
                    reply_count = excluded.reply_count, highest_post_number = excluded.highest_post_number,
                    views = excluded.views, like_count = excluded.like_count, created_at = excluded.created_at,
                    last_posted_at = excluded.last_posted_at, bumped_at = excluded.bumped_at,
                    has_accepted_answer = excluded.has_accepted_answer, pinned = excluded.pinned,
                    closed = excluded.closed,
                    archetype = COALESCE(:archetype, topics.archetype),
                    archived = COALESCE(:archived, topics.archived),
                    visible = COALESCE(:visible, topics.visible),
                    pinned_until = CASE WHEN :statesKnown THEN :pinnedUntil ELSE topics.pinned_until END,
                    deleted_at = CASE WHEN :statesKnown THEN :deletedAt ELSE topics.deleted_at END,
                    accepted_answer_post_number = CASE WHEN :answerKnown THEN :answer
                        WHEN excluded.has_accepted_answer = 0 THEN NULL
                        ELSE topics.accepted_answer_post_number END,
                    accepted_answer_username = CASE WHEN :answerKnown THEN :answerBy
                        WHEN excluded.has_accepted_answer = 0 THEN NULL
                        ELSE topics.accepted_answer_username END
                """)
        let readState = try db.cachedStatement(
            sql: """
                INSERT INTO read_state (topic_id, last_read_post_number) VALUES (?, ?)
                ON CONFLICT(topic_id) DO UPDATE SET
                    last_read_post_number = MAX(last_read_post_number, excluded.last_read_post_number)
                """)
        for summary in topics {
            let topic = summary.topic
            let answer = summary.acceptedAnswer
            try statement.execute(arguments: [
                "id": topic.id, "title": topic.title, "slug": topic.slug, "category": topic.categoryID,
                "posts": topic.postsCount, "replies": topic.replyCount, "highest": summary.highestPostNumber,
                "views": topic.views, "likes": topic.likeCount, "created": topic.createdAt,
                "lastPosted": topic.lastPostedAt, "bumped": topic.bumpedAt, "solved": topic.hasAcceptedAnswer,
                "pinned": topic.pinned, "closed": topic.closed, "archetype": summary.archetype,
                "archived": summary.archived, "visible": summary.visible, "pinnedUntil": summary.pinnedUntil,
                "deletedAt": summary.deletedAt, "statesKnown": summary.isWholeTopic,
                "answerKnown": answer != nil, "answer": answer??.postNumber, "answerBy": answer??.username,
            ])
            if let lastRead = summary.lastReadPostNumber, lastRead > 0 {
                try readState.execute(arguments: [topic.id, lastRead])
            }
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
