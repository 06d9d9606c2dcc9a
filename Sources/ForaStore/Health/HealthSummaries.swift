import GRDB

/// Each topic's health summary, computed from all its stored posts: the opener (the author of
/// a live first post; NULL when there is none, and the topic is not counted), when it was
/// opened, the newest counted post, the first counted post by someone else, and how many
/// counted posts the opener wrote in it. Counted posts are regular (`post_type` 1), not
/// deleted, with a time.
///
/// A summary answers a report whose end is at or after its newest counted post: every post it
/// counted is then within the report. Otherwise, or while it is stale, the report asks the
/// indexes for that topic instead (`HealthSQL`).
enum HealthSummaries {
    /// Brings every stale summary up to date. Called in the transaction that saved posts, so a
    /// reader never sees posts without their summary; cheap when nothing is stale.
    static func refresh(_ db: Database) throws {
        try db.execute(
            sql: """
                UPDATE topics SET health_opener = o.username, health_opened_at = o.created_at,
                    health_newest_at = (SELECT MAX(r.created_at) FROM posts r INDEXED BY posts_health_topic
                        WHERE r.topic_id = topics.id AND r.post_type = 1 AND r.deleted_at IS NULL),
                    health_first_response_at = (SELECT r.created_at FROM posts r INDEXED BY posts_health_topic
                        WHERE r.topic_id = topics.id AND r.post_type = 1 AND r.deleted_at IS NULL
                            AND r.created_at IS NOT NULL AND r.username <> o.username
                        ORDER BY r.created_at LIMIT 1),
                    health_opener_posts = (SELECT COUNT(*) FROM posts r INDEXED BY posts_health_author
                        WHERE r.username = o.username AND r.topic_id = topics.id AND r.post_type = 1
                            AND r.deleted_at IS NULL AND r.created_at IS NOT NULL),
                    health_stale = 0
                FROM (
                    SELECT t.id, p1.username, p1.created_at
                    FROM topics t INDEXED BY topics_health_stale
                    LEFT JOIN posts p1 INDEXED BY posts_health_opener
                        ON p1.topic_id = t.id AND p1.post_number = 1 AND p1.deleted_at IS NULL
                    WHERE t.health_stale = 1
                ) AS o
                WHERE topics.id = o.id
                """)
    }
}
