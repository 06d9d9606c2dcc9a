import ForaCore
import GRDB

/// Who wrote the counted posts, and how many of them were replies to someone else's topic.
///
/// Two ways to the same numbers, chosen by how much of the cache the scope covers. A small
/// scope (a category, a recent period) walks its topics' posts in `posts_health_topic`. A
/// large one would sort most of the cache's posts by author, so it counts everyone's posts in
/// author order from `posts_health_author` (no sort) and takes away what lies outside the scope
/// and each opener's posts in their own topics (from the topics' summaries).
enum HealthPosterCounts {
    static func posters(_ scope: HealthScope, _ db: Database) throws -> [HealthPoster] {
        let sql = try coversMostOfTheCache(scope, db) ? bySubtractionSQL : byScopedTopicsSQL
        return try Row.fetchAll(db, sql: sql, arguments: HealthSQL.arguments(scope)).compactMap { row in
            let posts: Int = row["posts"] ?? 0
            guard posts > 0, let username: String = row["username"] else { return nil }
            return HealthPoster(username: username, posts: posts, replies: row["replies"] ?? 0)
        }
    }

    /// Whether the scope's topics hold more than half of the cache's posts, by the topics'
    /// own post counts (a topic counts at least one): a read of the topics table alone.
    static func coversMostOfTheCache(_ scope: HealthScope, _ db: Database) throws -> Bool {
        if scope.categoryID == nil && scope.sinceMs == nil { return true }
        let row = try Row.fetchOne(
            db,
            sql: HealthSQL.scopeCategories + """
                SELECT SUM(MAX(t.posts_count, 1)) AS everything,
                    SUM(CASE WHEN (:category IS NULL OR t.category_id IN (SELECT id FROM scope_categories))
                        AND (t.created_at IS NULL OR t.created_at >= :since_text)
                        THEN MAX(t.posts_count, 1) ELSE 0 END) AS in_scope
                FROM topics t
                """, arguments: HealthSQL.arguments(scope))
        let everything: Int = row?["everything"] ?? 0
        let inScope: Int = row?["in_scope"] ?? 0
        return inScope * 2 > everything
    }

    static let byScopedTopicsSQL =
        HealthSQL.scopedTopics + """
            SELECT p.username, COUNT(*) AS posts, SUM(p.username <> s.opener) AS replies
            FROM scoped s JOIN posts p INDEXED BY posts_health_topic ON p.topic_id = s.id
            WHERE p.post_type = 1 AND p.deleted_at IS NULL AND p.created_at <= :until_text
            GROUP BY p.username
            """

    /// Everyone's counted-kind posts up to the end, minus those in topics outside the scope
    /// (messages, deleted topics, other categories and periods), minus, for replies, each
    /// opener's posts in their own scoped topics. One statement: one snapshot, one `scoped`.
    /// `CROSS JOIN` keeps SQLite to topics first: left to choose, it walked every post.
    static let bySubtractionSQL =
        HealthSQL.scopedTopics + """
            , parts(username, posts, own) AS (
                SELECT username, COUNT(*), 0 FROM posts INDEXED BY posts_health_author
                WHERE post_type = 1 AND deleted_at IS NULL AND created_at <= :until_text
                GROUP BY username
                UNION ALL
                SELECT p.username, -COUNT(*), 0
                FROM topics t CROSS JOIN posts p INDEXED BY posts_health_topic ON p.topic_id = t.id
                WHERE t.id NOT IN (SELECT id FROM scoped)
                    AND p.post_type = 1 AND p.deleted_at IS NULL AND p.created_at <= :until_text
                GROUP BY p.username
                UNION ALL
                SELECT s.opener, 0, SUM(CASE WHEN s.current THEN s.summary_opener_posts
                    ELSE (SELECT COUNT(*) FROM posts o INDEXED BY posts_health_author
                        WHERE o.username = s.opener AND o.topic_id = s.id AND o.post_type = 1
                            AND o.deleted_at IS NULL AND o.created_at <= :until_text) END)
                FROM scoped s
                GROUP BY s.opener
            )
            SELECT username, SUM(posts) AS posts, SUM(posts) - SUM(own) AS replies
            FROM parts GROUP BY username
            """
}
