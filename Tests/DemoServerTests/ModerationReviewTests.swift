// The review queue over real HTTP: who may see it, its rest-serializer shape and filters,
// and performing actions with Discourse's version, permission and claim answers, in both
// action styles.
import Foundation
import XCTest

final class ModerationReviewTests: WriteServerTestCase {
    func perform(_ id: Int, _ action: String, version: Int?, headers: [String: String]) async throws -> RawHTTPResponse
    {
        let query = version.map { "?version=\($0)" } ?? ""
        return try await client.send("PUT", "/review/\(id)/perform/\(action).json\(query)", headers: headers)
    }

    func reviewable(_ id: Int, status: String = "all") async throws -> [String: Any]? {
        try await getJSON("/review.json?status=\(status)", headers: moderator).array("reviewables").first {
            $0.int("id") == id
        }
    }

    func testOnlyStaffSeeTheQueue() async throws {
        let asUser = try await client.get("/review.json", headers: alice)
        XCTAssertEqual(asUser.status, 403)
        XCTAssertEqual(try asUser.jsonObject().string("error_type"), "invalid_access")
        let anonymous = try await client.get("/review.json")
        XCTAssertEqual(anonymous.status, 403)
        XCTAssertEqual(try anonymous.jsonObject().string("error_type"), "not_logged_in")
        let perform = try await perform(WriteFixture.legacyFlagId, "agree_and_keep", version: 0, headers: alice)
        XCTAssertEqual(perform.status, 403)
    }

    func testQueueHasTheRestSerializerShape() async throws {
        let queue = try await getJSON("/review.json", headers: moderator)
        XCTAssertEqual(queue.string("__rest_serializer"), "1")
        let reviewables = queue.array("reviewables")
        XCTAssertEqual(reviewables.count, 3)
        XCTAssertEqual(queue.object("meta")?.int("total_rows_reviewables"), 3)
        XCTAssertEqual(queue.object("meta")?.string("status"), "pending")
        XCTAssertNil(queue.object("meta")?.string("load_more_reviewables"))

        let bundles = Dictionary(
            uniqueKeysWithValues: reviewables.compactMap { item in
                item.int("id").map { ($0, item["bundled_action_ids"] as? [String] ?? []) }
            })
        XCTAssertEqual(bundles[WriteFixture.legacyFlagId], ["1-agree", "disagree", "1-ignore"])
        XCTAssertEqual(bundles[WriteFixture.refreshedFlagId], ["2-post-actions", "2-user-actions"])
        XCTAssertEqual(bundles[WriteFixture.queuedPostId], ["approve_post", "3-reject"])

        // Every id a reviewable refers to is side-loaded.
        let userIds = Set(queue.array("users").compactMap { $0.int("id") })
        let scoreIds = Set(queue.array("reviewable_scores").compactMap { $0.int("id") })
        let bundleIds = Set(queue.array("bundled_actions").compactMap { $0.string("id") })
        let actionIds = Set(queue.array("actions").compactMap { $0.string("id") })
        for item in reviewables {
            XCTAssertTrue(
                userIds.isSuperset(of: [item.int("created_by_id"), item.int("target_created_by_id")].compactMap { $0 }))
            XCTAssertTrue(scoreIds.isSuperset(of: item["reviewable_score_ids"] as? [Int] ?? []))
            XCTAssertTrue(bundleIds.isSuperset(of: item["bundled_action_ids"] as? [String] ?? []))
        }
        for bundle in queue.array("bundled_actions") {
            XCTAssertTrue(actionIds.isSuperset(of: bundle["action_ids"] as? [String] ?? []))
        }
        // The legacy flag scores most (8 + 2) and comes first by default.
        XCTAssertEqual(reviewables.first?.int("id"), WriteFixture.legacyFlagId)
        let flagged = reviewables.first { $0.int("id") == WriteFixture.legacyFlagId }
        XCTAssertEqual(flagged?.string("type"), "ReviewableFlaggedPost")
        XCTAssertEqual(flagged?.int("post_id"), WriteFixture.postId(topic: WriteFixture.legacyFlagTopicId, number: 2))
        XCTAssertEqual(flagged?.string("cooked"), "<p>A reply to filler 0.</p>")
    }

    func testFiltersAndPaging() async throws {
        // Carol flags ten first posts, making thirteen pending items.
        for index in 0..<10 {
            let postId = WriteFixture.postId(topic: 200 + index, number: 1)
            let flag = try await sendJSON(
                "POST", "/post_actions.json", ["id": postId, "post_action_type_id": 3], headers: carol)
            XCTAssertEqual(flag.status, 200, flag.text)
        }
        let first = try await getJSON("/review.json?sort_order=created_at", headers: moderator)
        XCTAssertEqual(first.array("reviewables").count, 10)
        XCTAssertEqual(first.object("meta")?.int("total_rows_reviewables"), 13)
        let more = try XCTUnwrap(first.object("meta")?.string("load_more_reviewables"))
        XCTAssertTrue(more.hasPrefix("/review?offset=10&"), more)
        XCTAssertTrue(more.contains("sort_order=created_at"), more)
        let second = try await getJSON(
            more.replacingOccurrences(of: "/review?", with: "/review.json?"), headers: moderator)
        XCTAssertEqual(second.array("reviewables").count, 3)
        let firstIds = Set(first.array("reviewables").compactMap { $0.int("id") })
        XCTAssertTrue(firstIds.isDisjoint(with: second.array("reviewables").compactMap { $0.int("id") }))

        let queued = try await getJSON("/review.json?type=ReviewableQueuedPost", headers: moderator).array(
            "reviewables")
        XCTAssertEqual(queued.compactMap { $0.int("id") }, [WriteFixture.queuedPostId])
        let byFlagger = try await getJSON("/review.json?flagged_by=bob", headers: moderator).array("reviewables")
        XCTAssertEqual(byFlagger.compactMap { $0.int("id") }, [WriteFixture.legacyFlagId])
        let high = try await getJSON("/review.json?priority=high", headers: moderator).array("reviewables")
        XCTAssertEqual(high.compactMap { $0.int("id") }, [WriteFixture.legacyFlagId])
        let badType = try await client.get("/review.json?type=Nonsense", headers: moderator)
        XCTAssertEqual(badType.status, 400)
    }

    func testPerformNeedsTheCurrentVersionAndAnOfferedAction() async throws {
        let id = WriteFixture.legacyFlagId
        let noVersion = try await perform(id, "agree_and_hide", version: nil, headers: moderator)
        XCTAssertEqual(noVersion.status, 422)
        XCTAssertEqual(errors(noVersion), ["You must supply a version parameter"])
        let notOffered = try await perform(id, "approve_post", version: 0, headers: moderator)
        XCTAssertEqual(notOffered.status, 403)
        let stale = try await perform(id, "agree_and_hide", version: 7, headers: moderator)
        XCTAssertEqual(stale.status, 409)
        XCTAssertFalse(errors(stale).isEmpty)
    }

    func testLegacyAgreeHidesThePostAndApproves() async throws {
        let id = WriteFixture.legacyFlagId
        let postId = WriteFixture.postId(topic: WriteFixture.legacyFlagTopicId, number: 2)
        let response = try await perform(id, "agree_and_hide", version: 0, headers: moderator)
        XCTAssertEqual(response.status, 200, response.text)
        let result = try XCTUnwrap(try response.jsonObject().object("reviewable_perform_result"))
        XCTAssertEqual(result.bool("success"), true)
        XCTAssertEqual(result.int("version"), 1)
        XCTAssertEqual(result.string("transition_to"), "approved")
        XCTAssertEqual(result["remove_reviewable_ids"] as? [Int], [id])
        XCTAssertEqual(result.int("reviewable_count"), 2)

        let postHidden = try await getJSON("/posts/\(postId).json", headers: moderator).bool("hidden")
        XCTAssertEqual(postHidden, true)
        let done = try await reviewable(id)
        XCTAssertEqual(done?.int("status"), 1)
        XCTAssertEqual(done?["bundled_action_ids"] as? [String], [])
        let approved = try await getJSON("/review.json?status=approved", headers: moderator).array("reviewables")
        XCTAssertEqual(approved.compactMap { $0.int("id") }, [id])
        let again = try await perform(id, "agree_and_hide", version: 1, headers: moderator)
        XCTAssertEqual(again.status, 403)
    }

    func testLegacyDisagreeRejects() async throws {
        let response = try await perform(WriteFixture.legacyFlagId, "disagree", version: 0, headers: moderator)
        XCTAssertEqual(response.status, 200, response.text)
        let result = try response.jsonObject().object("reviewable_perform_result")
        XCTAssertEqual(result?.string("transition_to"), "rejected")
        let scores = try await getJSON("/review/\(WriteFixture.legacyFlagId).json", headers: moderator).array(
            "reviewable_scores")
        XCTAssertEqual(Set(scores.compactMap { $0.int("status") }), [2])
    }

    func testRefreshedStyleFinishesAfterOneActionOfEachBundle() async throws {
        let id = WriteFixture.refreshedFlagId
        let postId = WriteFixture.postId(topic: WriteFixture.refreshedFlagTopicId, number: 2)
        let first = try await perform(id, "hide_post", version: 0, headers: moderator)
        XCTAssertEqual(first.status, 200, first.text)
        let firstResult = try first.jsonObject().object("reviewable_perform_result")
        XCTAssertNil(firstResult?.string("transition_to"))
        XCTAssertEqual(firstResult?["remove_reviewable_ids"] as? [Int], [])
        XCTAssertEqual(firstResult?.int("version"), 1)
        let halfway = try await reviewable(id, status: "pending")
        XCTAssertEqual(halfway?["bundled_action_ids"] as? [String], ["2-user-actions"])
        let hiddenAfterFirstBundle = try await getJSON("/posts/\(postId).json", headers: moderator).bool("hidden")
        XCTAssertEqual(hiddenAfterFirstBundle, true)

        let samebundle = try await perform(id, "no_action_post", version: 1, headers: moderator)
        XCTAssertEqual(samebundle.status, 403)
        let second = try await perform(id, "no_action_user", version: 1, headers: moderator)
        XCTAssertEqual(second.status, 200, second.text)
        let result = try second.jsonObject().object("reviewable_perform_result")
        XCTAssertEqual(result?.string("transition_to"), "approved")
        XCTAssertEqual(result?["remove_reviewable_ids"] as? [Int], [id])
        let finalStatus = try await reviewable(id)?.int("status")
        XCTAssertEqual(finalStatus, 1)
    }

    func testRefreshedStyleWithNoActionIgnoresTheFlags() async throws {
        let id = WriteFixture.refreshedFlagId
        _ = try await perform(id, "no_action_user", version: 0, headers: moderator)
        let second = try await perform(id, "no_action_post", version: 1, headers: moderator)
        XCTAssertEqual(try second.jsonObject().object("reviewable_perform_result")?.string("transition_to"), "ignored")
        let finalStatus = try await reviewable(id)?.int("status")
        XCTAssertEqual(finalStatus, 3)
    }

    func testApprovingAQueuedPostPublishesIt() async throws {
        let before = try await getJSON("/t/\(Fixture.unsolvedTopicId).json", headers: alice).int("posts_count") ?? 0
        let response = try await perform(WriteFixture.queuedPostId, "approve_post", version: 0, headers: moderator)
        XCTAssertEqual(response.status, 200, response.text)
        let result = try XCTUnwrap(try response.jsonObject().object("reviewable_perform_result"))
        XCTAssertEqual(result.int("created_post_topic_id"), Fixture.unsolvedTopicId)
        let postId = try XCTUnwrap(result.int("created_post_id"))
        let post = try await getJSON("/posts/\(postId).json", headers: alice)
        XCTAssertEqual(post.string("username"), "newbie")
        XCTAssertEqual(post.string("raw"), "Same here, the layout resets to US after every update.")
        let after = try await getJSON("/t/\(Fixture.unsolvedTopicId).json", headers: alice).int("posts_count")
        XCTAssertEqual(after, before + 1)
        let notifications = try await getJSON("/notifications.json", headers: newbie).array("notifications")
        XCTAssertTrue(notifications.contains { $0.int("notification_type") == 20 })
    }

    func testShowExplainAndCount() async throws {
        let shown = try await getJSON("/review/\(WriteFixture.legacyFlagId).json", headers: moderator)
        XCTAssertEqual(shown.object("reviewable")?.int("id"), WriteFixture.legacyFlagId)
        XCTAssertEqual(shown.string("__rest_serializer"), "1")
        XCTAssertEqual(shown.array("reviewable_scores").count, 2)
        let explained = try await getJSON("/review/\(WriteFixture.legacyFlagId)/explain.json", headers: moderator)
        let explanation = explained.object("reviewable_explanation")
        XCTAssertEqual(explanation?.array("scores").count, 2)
        XCTAssertEqual((explanation?["total_score"] as? NSNumber)?.doubleValue, 10)
        let pendingCount = try await getJSON("/review/count.json", headers: moderator).int("count")
        XCTAssertEqual(pendingCount, 3)
        let missingStatus = try await client.get("/review/999.json", headers: moderator).status
        XCTAssertEqual(missingStatus, 404)
    }
}
