import GRDB

/// A topic the sync engine must visit, with a first guess of how many posts it lacks.
struct TopicWork: Sendable {
    var id: Int
    var missingEstimate: Int
}

extension Store {
    /// Of `topicIDs`, those whose posts are not all stored at the server's current
    /// high-water mark, in the given order.
    func topicsNeedingPosts(among topicIDs: [Int]) throws -> [TopicWork] {
        try read { db in
            var work: [TopicWork] = []
            let statement = try db.cachedStatement(
                sql: """
                    SELECT t.posts_count - (SELECT COUNT(*) FROM posts p WHERE p.topic_id = t.id) AS missing
                    FROM topics t
                    WHERE t.id = ? AND (t.synced_post_number != t.highest_post_number
                        OR t.synced_last_posted_at IS NOT t.last_posted_at)
                    """)
            for id in topicIDs {
                if let missing = try Int.fetchOne(statement, arguments: [id]) {
                    work.append(TopicWork(id: id, missingEstimate: max(0, missing)))
                }
            }
            return work
        }
    }
}
