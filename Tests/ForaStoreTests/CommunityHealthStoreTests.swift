import ForaCore
import GRDB
import XCTest

@testable import ForaStore

/// The health definitions on a hand-built store, one edge case a topic: answered only by its
/// own author, a deleted first post, a whisper, a self-accepted answer, a private message, a
/// deleted reply, a reply after `until`, subcategories, ties in the ranking.
final class CommunityHealthStoreTests: StoreTestCase {
    /// 2026-11-02T00:00:00Z, a Monday.
    let t0: Int64 = 1_793_577_600_000
    let hour: Int64 = 3_600_000
    let day: Int64 = 86_400_000

    private func iso(_ ms: Int64) -> String { Store.isoText(ms) }

    private func topic(
        _ id: Int, category: Int = 1, at created: Int64, archetype: String = "regular", accepted: Int? = nil,
        title: String? = nil
    ) throws {
        try store.write { db in
            try db.execute(
                sql: """
                    INSERT INTO topics (id, title, category_id, created_at, archetype, accepted_answer_post_number,
                        has_accepted_answer) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id, title ?? "Topic \(id)", category, iso(created), archetype, accepted, accepted != nil])
        }
    }

    private func post(
        _ topic: Int, _ number: Int, by user: String, at created: Int64, type: Int = 1, deleted: Bool = false
    ) throws {
        try store.write { db in
            try db.execute(
                sql: """
                    INSERT INTO posts (id, topic_id, post_number, username, created_at, post_type, cooked, deleted_at)
                    VALUES (?, ?, ?, ?, ?, ?, '<p>x</p>', ?)
                    """,
                arguments: [
                    topic * 1000 + number, topic, number, user, iso(created), type, deleted ? iso(created) : nil,
                ])
        }
    }

    private func categories() throws {
        try store.saveCategories([
            ForaCore.Category(id: 1, name: "Support", slug: "support"),
            ForaCore.Category(id: 2, name: "Billing", slug: "billing", parentCategoryID: 1),
            ForaCore.Category(id: 3, name: "Lounge", slug: "lounge"),
        ])
    }

    /// The community every test reads. Until is t0 + 40 days unless a test says otherwise.
    private func buildCommunity() throws {
        try categories()
        // 1: answered by bob after 1h; bob's answer accepted.
        try topic(1, at: t0, accepted: 2)
        try post(1, 1, by: "alice", at: t0)
        try post(1, 2, by: "bob", at: t0 + hour)
        // 2: answered only by its own author, then by carol after 3h (a whisper at 2h does not count).
        try topic(2, at: t0 + day)
        try post(2, 1, by: "dave", at: t0 + day)
        try post(2, 2, by: "dave", at: t0 + day + hour)
        try post(2, 3, by: "mod", at: t0 + day + 2 * hour, type: 4)
        try post(2, 4, by: "carol", at: t0 + day + 3 * hour)
        // 3: only its author and a deleted reply: unanswered; self-accepted answer: solved.
        try topic(3, category: 2, at: t0 + 2 * day, accepted: 2)
        try post(3, 1, by: "erin", at: t0 + 2 * day)
        try post(3, 2, by: "erin", at: t0 + 2 * day + hour)
        try post(3, 3, by: "bob", at: t0 + 2 * day + hour, deleted: true)
        // 4: a deleted first post: not counted at all.
        try topic(4, at: t0 + 3 * day)
        try post(4, 1, by: "frank", at: t0 + 3 * day, deleted: true)
        try post(4, 2, by: "bob", at: t0 + 3 * day + hour)
        // 5: a private message: not counted.
        try topic(5, at: t0 + 3 * day, archetype: "private_message")
        try post(5, 1, by: "alice", at: t0 + 3 * day)
        try post(5, 2, by: "bob", at: t0 + 3 * day + hour)
        // 6: answered by carol after 5h (an even count of responses: 1h, 3h, 5h, 7h).
        try topic(6, category: 3, at: t0 + 10 * day)
        try post(6, 1, by: "gina", at: t0 + 10 * day)
        try post(6, 2, by: "carol", at: t0 + 10 * day + 5 * hour)
        // 7: answered by bob after 7h.
        try topic(7, at: t0 + 20 * day)
        try post(7, 1, by: "hank", at: t0 + 20 * day)
        try post(7, 2, by: "bob", at: t0 + 20 * day + 7 * hour)
        // 8: unanswered, 39.5 days old at until.
        try topic(8, at: t0 + 12 * hour)
        try post(8, 1, by: "ivan", at: t0 + 12 * hour)
        // 9: unanswered, created 2 hours before until; a reply comes 1h after until.
        try topic(9, at: t0 + 40 * day - 2 * hour)
        try post(9, 1, by: "judy", at: t0 + 40 * day - 2 * hour)
        try post(9, 2, by: "carol", at: t0 + 40 * day + hour)
    }

    func testDefinitionsOverTheEdgeCases() throws {
        try buildCommunity()
        let health = try store.communityHealth(HealthScope(untilMs: t0 + 40 * day))
        // Counted: 1, 2, 3, 6, 7, 8, 9 (4 has a deleted first post, 5 is a message).
        XCTAssertEqual(health.topics, 7)
        XCTAssertEqual(health.answered, 4)  // 1, 2, 6, 7
        XCTAssertEqual(health.solved, 2)  // 1 and the self-accepted 3
        XCTAssertEqual(health.answerRate ?? -1, 4.0 / 7.0, accuracy: 1e-12)
        XCTAssertEqual(health.solvedRate ?? -1, 2.0 / 7.0, accuracy: 1e-12)
        // Responses 1h, 3h, 5h, 7h: the median of an even count is the mean of the middle two.
        XCTAssertEqual(health.medianFirstResponseSeconds, 4 * 3_600)
        XCTAssertEqual(health.p90FirstResponseSeconds, 7 * 3_600)  // index ⌊0.9·4⌋ = 3
        // Unanswered at until: 9 (2 hours), 3 (38 days), 8 (39.5 days).
        XCTAssertEqual(health.unansweredByAge, CommunityHealth.AgeBuckets(day: 1, week: 0, month: 0, older: 2))
        XCTAssertEqual(health.oldestUnanswered.map(\.id), [8, 3, 9])
        // Counted posts: alice 1, bob 2 (1, 7), dave 2, carol 2 (2, 6; not 9's, after until), erin 2,
        // gina 1, hank 1, ivan 1, judy 1: 13 posts by 9 posters.
        XCTAssertEqual(health.posters, 9)
        XCTAssertEqual(health.posts, 13)
        // Ranking: bob (1 accepted, 2 replies), erin (1 accepted of her own, 0 replies), then
        // carol (2 replies); nobody else replied in someone else's topic.
        XCTAssertEqual(
            health.topAnswerers,
            [
                .init(username: "bob", accepted: 1, replies: 2), .init(username: "erin", accepted: 1, replies: 0),
                .init(username: "carol", accepted: 0, replies: 2),
            ])
    }

    func testUntilCutsRepliesAndTopicsAndSinceStartsThePeriod() throws {
        try buildCommunity()
        // Until t0 + 40d + 2h: topic 9's reply (at + 1h) now counts.
        let later = try store.communityHealth(HealthScope(untilMs: t0 + 40 * day + 2 * hour))
        XCTAssertEqual(later.answered, 5)
        // Until t0 + 20d + 6h: topic 7 exists but bob's answer (at + 7h) is after the end; 9 not yet created.
        let cut = try store.communityHealth(HealthScope(untilMs: t0 + 20 * day + 6 * hour))
        XCTAssertEqual(cut.topics, 6)
        XCTAssertEqual(cut.answered, 3)
        XCTAssertEqual(cut.unansweredByAge.day, 1)  // topic 7, 6 hours old
        // Since t0 + 5d: only 6, 7 and 9.
        let recent = try store.communityHealth(HealthScope(sinceMs: t0 + 5 * day, untilMs: t0 + 40 * day))
        XCTAssertEqual(recent.topics, 3)
        XCTAssertEqual(recent.medianFirstResponseSeconds, 6 * 3_600)
    }

    func testCategoryIncludesItsSubcategories() throws {
        try buildCommunity()
        let support = try store.communityHealth(HealthScope(untilMs: t0 + 40 * day, categoryID: 1))
        XCTAssertEqual(Set(support.categories.compactMap(\.id)), [1, 2])
        XCTAssertEqual(support.topics, 6)  // all but 6 (Lounge)
        let billing = try store.communityHealth(HealthScope(untilMs: t0 + 40 * day, categoryID: 2))
        XCTAssertEqual(billing.topics, 1)
        XCTAssertEqual(billing.solved, 1)
        XCTAssertEqual(billing.answered, 0)
    }

    func testWeeksSeriesHasEveryWeekFromFirstToLast() throws {
        try buildCommunity()
        let health = try store.communityHealth(HealthScope(untilMs: t0 + 40 * day))
        XCTAssertEqual(health.weeks.first?.startMs, t0)
        XCTAssertEqual(health.weeks.count, 6)  // t0 … t0 + 35d (topic 9 is in the sixth week)
        XCTAssertEqual(health.weeks.reduce(0) { $0 + $1.new }, 7)
        XCTAssertEqual(health.weeks[0].new, 4)  // 1, 2, 3, 8
        XCTAssertEqual(health.weeks[0].answered, 2)
        XCTAssertEqual(health.weeks[2].new, 1)  // 7 (t0 + 20d is in the third week)
    }

    func testAnEmptyCacheGivesNoRatesRatherThanZeroes() throws {
        let health = try store.communityHealth(HealthScope(untilMs: t0))
        XCTAssertEqual(health.topics, 0)
        XCTAssertNil(health.answerRate)
        XCTAssertNil(health.medianFirstResponseSeconds)
        XCTAssertNil(health.shareTop1Percent)
        XCTAssertEqual(health.weeks, [])
    }

    /// Scopes that exercise every path: the whole cache and a recent period (counted by
    /// subtraction), a category (counted topic by topic), ends before and after replies.
    private var scopes: [HealthScope] {
        [
            HealthScope(untilMs: t0 + 40 * day), HealthScope(untilMs: t0 + 40 * day + 2 * hour),
            HealthScope(untilMs: t0 + 20 * day + 6 * hour), HealthScope(sinceMs: t0 + 5 * day, untilMs: t0 + 40 * day),
            HealthScope(sinceMs: t0 + day, untilMs: t0 + 40 * day + 2 * hour),
            HealthScope(untilMs: t0 + 40 * day, categoryID: 1), HealthScope(untilMs: t0 + 40 * day, categoryID: 3),
        ]
    }

    private func markEverySummaryStale() throws {
        try store.write { db in try db.execute(sql: "UPDATE topics SET health_stale = 1") }
    }

    func testTopicSummariesGiveTheSameReportAsTheIndexes() throws {
        try buildCommunity()
        try markEverySummaryStale()
        let fromIndexes = try scopes.map { try store.communityHealth($0) }
        try store.write { db in try HealthSummaries.refresh(db) }
        let stale = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM topics WHERE health_stale = 1")
        }
        XCTAssertEqual(stale, 0)
        let fromSummaries = try scopes.map { try store.communityHealth($0) }
        for (index, scope) in scopes.enumerated() {
            XCTAssertEqual(fromSummaries[index], fromIndexes[index], "\(scope)")
        }
        XCTAssertEqual(fromSummaries[0].answered, 4)
        XCTAssertEqual(fromSummaries[1].answered, 5)  // topic 9's reply after the first end
    }

    func testBothWaysOfCountingPostersAgree() throws {
        try buildCommunity()
        try store.write { db in try HealthSummaries.refresh(db) }
        for scope in scopes {
            let (subtracted, walked) = try store.read { db in
                let arguments = HealthSQL.arguments(scope)
                func posters(_ sql: String) throws -> [String: [Int]] {
                    var counts: [String: [Int]] = [:]
                    for row in try Row.fetchAll(db, sql: sql, arguments: arguments)
                    where (row["posts"] as Int? ?? 0) > 0 {
                        counts[row["username"]] = [row["posts"], row["replies"]]
                    }
                    return counts
                }
                return (
                    try posters(HealthPosterCounts.bySubtractionSQL), try posters(HealthPosterCounts.byScopedTopicsSQL)
                )
            }
            XCTAssertEqual(subtracted, walked, "\(scope)")
        }
    }

    func testSavingPostsBringsTheirTopicsSummariesUpToDate() throws {
        try buildCommunity()
        // Topic 2: dave's two posts, a whisper, carol's reply at + 3h; then carol's reply is deleted.
        var deleted = StoredPost(
            id: 2004, topicID: 2, postNumber: 4, username: "carol", createdAt: iso(t0 + day + 3 * hour),
            cooked: "<p>x</p>")
        deleted.deletedAt = iso(t0 + day + 4 * hour)
        try store.savePosts([deleted])
        struct Summary: Equatable, Sendable {
            var stale: Int
            var opener: String?
            var firstResponse: String?
            var openerPosts: Int
            var newest: String?
        }
        let summary = try store.read { db -> Summary? in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT health_stale, health_opener, health_first_response_at, health_opener_posts, health_newest_at
                    FROM topics WHERE id = 2
                    """
            ).map { Summary(stale: $0[0], opener: $0[1], firstResponse: $0[2], openerPosts: $0[3], newest: $0[4]) }
        }
        // The whisper and the deleted reply do not count: no first response; dave's two posts.
        XCTAssertEqual(
            summary,
            Summary(stale: 0, opener: "dave", firstResponse: nil, openerPosts: 2, newest: iso(t0 + day + hour)))
        XCTAssertEqual(try store.communityHealth(HealthScope(untilMs: t0 + 40 * day)).answered, 3)
        // A later write that bypasses savePosts marks the topic stale; the report still counts it right.
        try store.write { db in try db.execute(sql: "UPDATE posts SET deleted_at = NULL WHERE id = 2004") }
        let stale = try store.read { db in try Int.fetchOne(db, sql: "SELECT health_stale FROM topics WHERE id = 2") }
        XCTAssertEqual(stale, 1)
        XCTAssertEqual(try store.communityHealth(HealthScope(untilMs: t0 + 40 * day)).answered, 4)
    }

    func testATopicWithAnUnreadableCreationTimeIsLeftOutNotACrash() throws {
        try buildCommunity()
        try store.write { db in
            try db.execute(sql: "UPDATE topics SET created_at = '2026-11-0?' WHERE id = 1")
            try db.execute(sql: "UPDATE posts SET created_at = 'soon' WHERE id = 1001")
        }
        let health = try store.communityHealth(HealthScope(untilMs: t0 + 40 * day))
        XCTAssertEqual(health.topics, 6)
    }

    /// Every query of the report reads posts through an index, never the table's rows (which
    /// carry each post's HTML): the plan of each names an index wherever it reads `posts`.
    func testTheReportReadsIndexesNotThePostsTable() throws {
        try buildCommunity()
        let statements = [
            HealthSQL.scopedTopics + " SELECT * FROM scoped",
            HealthPosterCounts.bySubtractionSQL, HealthPosterCounts.byScopedTopicsSQL,
        ]
        for sql in statements {
            let plans = try store.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: HealthSQL.arguments(scopes[0]))
                    .map { $0["detail"] as String? ?? "" }
            }
            let postReads = plans.filter {
                $0.range(of: #"^(SCAN|SEARCH) (p|p1|r|o|a|posts)( |$)"#, options: .regularExpression) != nil
            }
            XCTAssertFalse(postReads.isEmpty, "\(plans)")
            for plan in postReads {
                XCTAssertTrue(plan.contains("COVERING INDEX posts_health"), "\(plan)\n\(sql)")
            }
        }
    }
}
