import GRDB

/// A topic the sync engine must visit, with a first guess of how many posts it lacks.
struct TopicWork: Sendable {
    var id: Int
    var missingEstimate: Int
    /// Fully synced before: this visit is an update, which also refreshes recent posts.
    var wasSynced: Bool
}

extension Store {
    /// Of `topicIDs`, those whose posts are not all stored at the server's current
    /// high-water mark, or whose visible post count changed since (posts deleted or restored
    /// there), in the given order.
    func topicsNeedingPosts(among topicIDs: [Int]) throws -> [TopicWork] {
        try read { db in
            var work: [TopicWork] = []
            let statement = try db.cachedStatement(
                sql: """
                    SELECT t.posts_count - (SELECT COUNT(*) FROM posts p WHERE p.topic_id = t.id) AS missing,
                        t.synced_post_number > 0 AS was_synced
                    FROM topics t
                    WHERE t.id = ? AND (t.synced_post_number != t.highest_post_number
                        OR t.synced_last_posted_at IS NOT t.last_posted_at
                        OR t.synced_posts_count IS NOT t.posts_count
                        OR (t.has_accepted_answer = 1 AND t.accepted_answer_post_number IS NULL))
                    """)
            for id in topicIDs {
                if let row = try Row.fetchOne(statement, arguments: [id]) {
                    let missing: Int = row["missing"]
                    work.append(TopicWork(id: id, missingEstimate: max(0, missing), wasSynced: row["was_synced"]))
                }
            }
            return work
        }
    }
}
