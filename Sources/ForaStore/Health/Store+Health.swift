import ForaCore
import Foundation
import GRDB
import Synchronization

/// The community-health figures from the cache, counted by SQL over each topic's health
/// summary and the `v9-health` indexes (one row per topic and one per author reach Swift,
/// never one per post).
///
/// Counted topics are regular topics (not messages) whose first post is stored and not
/// deleted, created within the scope, in the category or its subcategories; counted posts are
/// regular posts (`post_type` 1) not deleted, written no later than the scope's end, in counted
/// topics. Timestamps compare as the text the server sent, in Discourse's UTC form
/// (`…T10:11:12.345Z`), which orders as time does; converting every one in SQL cost more than
/// the rest of the report.
extension Store {
    public func communityHealth(_ scope: HealthScope) throws -> CommunityHealth {
        // The topics and the posters are independent reads of about the same cost: on two
        // reader connections they run on two cores. Each read is consistent in itself; a sync
        // writing between them moves a figure by what it wrote, as a report a moment later would.
        let posters = Mutex<Result<[HealthPoster], any Error>?>(nil)
        let group = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: group) {
            let result = Result { try self.read { db in try HealthPosterCounts.posters(scope, db) } }
            posters.withLock { $0 = result }
        }
        let topics = Result { try read { db in try Self.healthTopics(scope, db) } }
        group.wait()
        let counted = try posters.withLock { try $0?.get() } ?? []
        return CommunityHealth(scope: scope, topics: try topics.get(), posters: counted)
    }

    static func healthTopics(_ scope: HealthScope, _ db: Database) throws -> [HealthTopic] {
        let sql =
            HealthSQL.scopedTopics + """
                SELECT s.id, s.title, s.category_id, s.created_at, s.opener,
                    CASE WHEN s.current THEN s.summary_first_response_at
                        ELSE (SELECT r.created_at FROM posts r INDEXED BY posts_health_topic
                            WHERE r.topic_id = s.id AND r.post_type = 1 AND r.deleted_at IS NULL
                                AND r.username <> s.opener AND r.created_at <= :until_text
                            ORDER BY r.created_at LIMIT 1) END AS first_response_at,
                    (s.accepted_answer_post_number IS NOT NULL OR s.has_accepted_answer) AS solved,
                    COALESCE((SELECT a.username FROM posts a
                        WHERE a.topic_id = s.id AND a.post_number = s.accepted_answer_post_number),
                        s.accepted_answer_username) AS accepted_author
                FROM scoped s
                """
        var topics: [HealthTopic] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: HealthSQL.arguments(scope))
        // Columns by position: 50,000 rows of name lookups cost as much as the query.
        while let row = try rows.next() {
            // A creation time that is not a timestamp cannot be placed in a period: not counted.
            guard let created = milliseconds(row[3]) else { continue }
            topics.append(
                HealthTopic(
                    id: row[0], title: row[1] ?? "", categoryID: row[2], createdMs: created, opener: row[4] ?? "",
                    firstResponseMs: milliseconds(row[5]), solved: row[6] ?? false, acceptedAuthor: row[7]))
        }
        return topics
    }

    /// The milliseconds since 1970 of a stored timestamp; nil when it is missing or not one.
    static func milliseconds(_ text: String?) -> Int64? {
        guard let text, let date = ForaDate.parse(text) else { return nil }
        let ms = (date.timeIntervalSince1970 * 1000).rounded()
        guard ms.isFinite, abs(ms) < 1e15 else { return nil }
        return Int64(ms)
    }

    /// How Discourse writes a time (`2026-12-07T19:53:06.000Z`), so text comparison is time order.
    static func isoText(_ ms: Int64) -> String { HealthFormatting.instant(ms) }
}
