import ForaCore
import Foundation
import GRDB

/// The community-health figures from the cache, counted by SQL over the `v9-health` indexes
/// (one row per topic and one per author reach Swift, never one per post).
///
/// Counted topics are regular topics (not messages) whose first post is stored and not
/// deleted, created within the scope, in the category or its subcategories; counted posts are
/// regular posts (`post_type` 1) not deleted, written no later than the scope's end, in counted
/// topics. Timestamps compare as Discourse's ISO 8601 text (`…T10:11:12.345Z`), which orders
/// as time does.
extension Store {
    public func communityHealth(_ scope: HealthScope) throws -> CommunityHealth {
        let (topics, posters) = try read { db in
            (try Self.healthTopics(scope, db), try Self.healthPosters(scope, db))
        }
        return CommunityHealth(scope: scope, topics: topics, posters: posters)
    }

    /// The milliseconds since 1970 of a stored timestamp, in SQL.
    private static func milliseconds(_ expression: String) -> String {
        "CAST(round((julianday(\(expression)) - 2440587.5) * 86400000) AS INTEGER)"
    }

    /// The counted topics as a CTE body: id, title, category, creation and the opener.
    private static let countedTopicsSQL = """
        WITH RECURSIVE scope_categories(id) AS (
            SELECT :category UNION SELECT c.id FROM categories c JOIN scope_categories s ON c.parent_id = s.id
        ),
        counted AS MATERIALIZED (
            SELECT t.id, t.title, t.category_id, t.accepted_answer_post_number, t.accepted_answer_username,
                t.has_accepted_answer,
                \(milliseconds("COALESCE(t.created_at, p1.created_at)")) AS created_ms,
                p1.username AS opener
            FROM topics t JOIN posts p1 ON p1.topic_id = t.id AND p1.post_number = 1
            WHERE t.archetype = 'regular' AND t.deleted_at IS NULL AND p1.deleted_at IS NULL
                AND (:category IS NULL OR t.category_id IN (SELECT id FROM scope_categories))
        ),
        scoped AS MATERIALIZED (
            SELECT * FROM counted WHERE created_ms BETWEEN :since_ms AND :until_ms
        )
        """

    private static func arguments(_ scope: HealthScope) -> StatementArguments {
        [
            "category": scope.categoryID, "since_ms": scope.sinceMs ?? Int64.min, "until_ms": scope.untilMs,
            "until_text": isoText(scope.untilMs),
        ]
    }

    static func healthTopics(_ scope: HealthScope, _ db: Database) throws -> [HealthTopic] {
        let sql =
            countedTopicsSQL + """
                SELECT s.id, s.title, s.category_id, s.created_ms, s.opener,
                    (SELECT \(milliseconds("MIN(r.created_at)")) FROM posts r
                        WHERE r.topic_id = s.id AND r.post_type = 1 AND r.deleted_at IS NULL
                            AND r.username <> s.opener AND r.created_at <= :until_text) AS first_response_ms,
                    (s.accepted_answer_post_number IS NOT NULL OR s.has_accepted_answer) AS solved,
                    COALESCE((SELECT a.username FROM posts a
                        WHERE a.topic_id = s.id AND a.post_number = s.accepted_answer_post_number),
                        s.accepted_answer_username) AS accepted_author
                FROM scoped s
                """
        var topics: [HealthTopic] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments(scope))
        while let row = try rows.next() {
            topics.append(
                HealthTopic(
                    id: row["id"], title: row["title"], categoryID: row["category_id"], createdMs: row["created_ms"],
                    opener: row["opener"], firstResponseMs: row["first_response_ms"], solved: row["solved"],
                    acceptedAuthor: row["accepted_author"]))
        }
        return topics
    }

    static func healthPosters(_ scope: HealthScope, _ db: Database) throws -> [HealthPoster] {
        let sql =
            countedTopicsSQL + """
                SELECT p.username, COUNT(*) AS posts, SUM(p.username <> s.opener) AS replies
                FROM posts p JOIN scoped s ON s.id = p.topic_id
                WHERE p.post_type = 1 AND p.deleted_at IS NULL AND p.created_at <= :until_text
                GROUP BY p.username
                """
        return try Row.fetchAll(db, sql: sql, arguments: arguments(scope)).map {
            HealthPoster(username: $0["username"], posts: $0["posts"], replies: $0["replies"])
        }
    }

    /// How Discourse writes a time (`2026-12-07T19:53:06.000Z`), so text comparison is time order.
    static func isoText(_ ms: Int64) -> String { HealthFormatting.instant(ms) }
}
