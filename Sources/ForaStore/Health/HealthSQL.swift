import ForaCore
import GRDB

/// The SQL every health query starts from: the topics the scope counts, each with its
/// summary (`HealthSummaries`) where that answers the report and from the indexes where not.
enum HealthSQL {
    /// The CTE `scoped`: every counted topic created within the scope, with its opener,
    /// creation, accepted answer, whether its summary holds for the report (`current`), and
    /// the summary's first response and opener's posts.
    static let scopedTopics =
        scopeCategories + """
            ,
            candidates AS NOT MATERIALIZED (
                SELECT t.id, t.title, t.category_id, t.accepted_answer_post_number, t.accepted_answer_username,
                    t.has_accepted_answer, t.health_first_response_at AS summary_first_response_at,
                    t.health_opener_posts AS summary_opener_posts,
                    (t.health_stale = 0 AND (t.health_newest_at IS NULL OR t.health_newest_at <= :until_text))
                        AS current,
                    CASE WHEN t.health_stale = 0 THEN t.health_opener
                        ELSE (SELECT p1.username FROM posts p1 INDEXED BY posts_health_opener
                            WHERE p1.topic_id = t.id AND p1.post_number = 1 AND p1.deleted_at IS NULL) END AS opener,
                    COALESCE(t.created_at, CASE WHEN t.health_stale = 0 THEN t.health_opened_at
                        ELSE (SELECT p1.created_at FROM posts p1 INDEXED BY posts_health_opener
                            WHERE p1.topic_id = t.id AND p1.post_number = 1 AND p1.deleted_at IS NULL) END) AS created_at
                FROM topics t
                WHERE t.archetype = 'regular' AND t.deleted_at IS NULL
                    AND (:category IS NULL OR t.category_id IN (SELECT id FROM scope_categories))
            ),
            scoped AS MATERIALIZED (
                SELECT * FROM candidates
                WHERE opener IS NOT NULL AND created_at >= :since_text AND created_at <= :until_text
            )
            """

    /// The CTE `scope_categories`: the scope's category and its subcategories, at any depth.
    static let scopeCategories = """
        WITH RECURSIVE scope_categories(id) AS (
            SELECT :category UNION SELECT c.id FROM categories c JOIN scope_categories s ON c.parent_id = s.id
        )
        """

    static func arguments(_ scope: HealthScope) -> StatementArguments {
        [
            "category": scope.categoryID,
            // Before any timestamp: every digit sorts after "".
            "since_text": scope.sinceMs.map(Store.isoText) ?? "",
            "until_text": Store.isoText(scope.untilMs),
        ]
    }
}
