import DiscourseBackend
import ForaCore
import XCTest

@testable import ForaTUI

/// The stopgap `DiscourseReviewSource`: the rest-serialized `/review.json` joined into
/// `ReviewItem`s (users, topics, scores, both bundle styles), paging, and the requests it sends.
final class ReviewSourceTests: XCTestCase {
    private static let page = """
        {"reviewables": [
           {"id": 3, "type": "ReviewableFlaggedPost", "status": 0, "score": 18.0, "version": 4, "topic_id": 40,
            "target_url": "/t/deals/40/5", "category_id": 2, "created_at": "2026-03-04T14:05:00.000Z",
            "target_created_by_id": 11, "target_created_by_trust_level": 0,
            "cooked": "<p>Visit our <a href=\\"x\\">shop</a> &amp; save!</p>",
            "claimed_by": {"user_id": 12, "username": "moderator"},
            "reviewable_score_ids": [31, 32], "bundled_action_ids": ["3-agree", "disagree", "3-ignore"]},
           {"id": 2, "type": "ReviewableFlaggedPost", "status": 0, "score": 12.0, "version": 1, "topic_id": 41,
            "post_number": 2, "target_created_by_id": 11, "claimed_by": null,
            "reviewable_score_ids": [], "bundled_action_ids": ["2-post-actions", "2-user-actions"]}],
         "users": [{"id": 11, "username": "spammy_deals"}, {"id": 12, "username": "moderator"},
                   {"id": 13, "username": "alice"}],
         "topics": [{"id": 40, "title": "Great deals"}],
         "reviewable_scores": [
           {"id": 31, "score": 6.5, "user_id": 13, "score_type": {"id": 8, "title": "Spam"},
            "agree_stats": {"agreed": 3, "disagreed": 1, "ignored": 0},
            "reviewable_conversation": {"conversation_posts": [{"excerpt": "pure spam"}]}},
           {"id": 32, "score": 5, "user_id": 12, "score_type": {"id": 8, "title": "Spam"}}],
         "bundled_actions": [
           {"id": "3-agree", "label": "Agree…", "action_ids": ["agree_and_hide", "agree_and_suspend"]},
           {"id": "disagree", "label": "Disagree", "action_ids": ["disagree"]},
           {"id": "3-ignore", "label": "Ignore…", "action_ids": ["ignore_and_do_nothing"]},
           {"id": "2-post-actions", "label": "Post", "action_ids": ["hide_post", "delete_post"]},
           {"id": "2-user-actions", "label": "User", "action_ids": ["no_action_user", "silence_user"]}],
         "actions": [
           {"id": "agree_and_hide", "label": "Hide post"},
           {"id": "agree_and_suspend", "label": "Suspend user", "client_action": "suspend"},
           {"id": "disagree", "label": "Keep post"},
           {"id": "ignore_and_do_nothing", "label": "Ignore"},
           {"id": "hide_post", "label": "Hide post"},
           {"id": "delete_post", "label": "Delete post", "confirm_message": "Sure?", "confirm_destructive": true},
           {"id": "no_action_user", "label": "No action"},
           {"id": "silence_user", "label": "Silence user", "client_action": "silence"}],
         "meta": {"total_rows_reviewables": 2, "reviewable_count": 14, "load_more_reviewables": "/review?offset=10"},
         "__rest_serializer": "1"}
        """

    private final class Requests: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        func add(_ request: String) { lock.withLock { list.append(request) } }
        var all: [String] { lock.withLock { list } }
    }

    func testQueueJoinsSideLoadsInBothActionStyles() async throws {
        let requests = Requests()
        let source = DiscourseReviewSource { method, path in
            requests.add(method + " " + path)
            return Array((path.contains("offset=0") ? Self.page : "{\"reviewables\": [], \"meta\": {}}").utf8)
        }
        let page = try await source.list(ReviewFilter(status: .all, categoryID: 2, sort: .age))
        XCTAssertEqual(
            requests.all,
            [
                "GET /review.json?status=all&sort_order=created_at_asc&category_id=2&offset=0",
                "GET /review.json?status=all&sort_order=created_at_asc&category_id=2&offset=10",
            ])
        XCTAssertEqual(page.pendingCount, 14)
        XCTAssertEqual(page.items.map(\.id), [3, 2])
        let legacy = page.items[0]
        XCTAssertEqual(legacy.topicTitle, "Great deals")
        XCTAssertEqual(legacy.postNumber, 5)
        XCTAssertEqual(legacy.excerpt, "Visit our shop & save!")
        XCTAssertEqual(legacy.author, ReviewAuthor(userID: 11, username: "spammy_deals", trustLevel: 0))
        XCTAssertEqual(legacy.claimedBy, "moderator")
        XCTAssertEqual(legacy.flags.map(\.username), ["alice", "moderator"])
        XCTAssertEqual(legacy.flags[0].note, "pure spam")
        XCTAssertEqual(legacy.flags[0].agreed, 3)
        XCTAssertEqual(legacy.reasons.map(\.count), [2])
        XCTAssertEqual(legacy.bundles.map(\.id), ["3-agree", "disagree", "3-ignore"])
        XCTAssertEqual(legacy.bundles[0].actions[1].clientAction, "suspend")
        XCTAssertTrue(legacy.bundles[0].actions[1].needsForm)
        let refreshed = page.items[1]
        XCTAssertEqual(refreshed.postNumber, 2)
        XCTAssertNil(refreshed.claimedBy)
        XCTAssertEqual(refreshed.actionIDs, ["hide_post", "delete_post", "no_action_user", "silence_user"])
        XCTAssertTrue(refreshed.bundles[0].actions[1].isDestructive)
    }

    func testPerformClaimAndPenaltyRequests() async throws {
        let requests = Requests()
        let source = DiscourseReviewSource { method, path in
            requests.add(method + " " + path)
            if path.hasPrefix("/review/3/perform") {
                return Array(
                    #"{"reviewable_perform_result": {"success": true, "version": 5, "remove_reviewable_ids": [3], "reviewable_count": 13}}"#
                        .utf8)
            }
            if path.hasPrefix("/review/2/perform") {
                return Array(#"{"reviewable_perform_result": {"success": true, "remove_reviewable_ids": []}}"#.utf8)
            }
            return Array("{}".utf8)
        }
        let done = try await source.perform(
            id: 3, actionID: "agree_and_suspend", version: 4,
            penalty: ReviewPenalty(kind: .suspend, userID: 11, reason: "spam & links", days: 7))
        XCTAssertEqual(done, ReviewPerformOutcome(finished: true, pendingCount: 13))
        let partial = try await source.perform(id: 2, actionID: "hide_post", version: 1, penalty: nil)
        XCTAssertFalse(partial.finished)
        try await source.claim(topicID: 40)
        try await source.unclaim(topicID: 40)
        let sent = requests.all
        XCTAssertEqual(sent.count, 5)
        XCTAssertTrue(sent[0].hasPrefix("PUT /admin/users/11/suspend.json?suspend_until=20"), sent[0])
        XCTAssertTrue(sent[0].hasSuffix("&reason=spam%20%26%20links"), sent[0])
        XCTAssertEqual(sent[1], "PUT /review/3/perform/agree_and_suspend.json?version=4")
        XCTAssertEqual(sent[3], "POST /reviewable_claimed_topics.json?reviewable_claimed_topic%5Btopic_id%5D=40")
        XCTAssertEqual(sent[4], "DELETE /reviewable_claimed_topics/40.json")
    }
}
