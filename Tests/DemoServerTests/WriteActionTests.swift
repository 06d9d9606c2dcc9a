// Likes, flags, bookmarks, solutions, read tracking, drafts, notification state and topic
// edits over real HTTP, each checked through what the reading endpoints then show.
import Foundation
import XCTest

final class WriteActionTests: WriteServerTestCase {
    func testLikingTwiceIsForbiddenAndUnlikingWorks() async throws {
        let postId = WriteFixture.postId(topic: Fixture.unsolvedTopicId, number: 1)
        let like = try await sendJSON(
            "POST", "/post_actions.json", ["id": postId, "post_action_type_id": 2], headers: alice)
        XCTAssertEqual(like.status, 200, like.text)
        let summary = try like.jsonObject().array("actions_summary").first { $0.int("id") == 2 }
        XCTAssertEqual(summary?.int("count"), 1)
        XCTAssertEqual(summary?.bool("acted"), true)

        let again = try await sendJSON(
            "POST", "/post_actions.json", ["id": postId, "post_action_type_id": 2], headers: alice)
        XCTAssertEqual(again.status, 403)
        XCTAssertEqual(errors(again), ["Oops! You already performed this action. Can you try refreshing the page?"])
        let own = try await sendJSON(
            "POST", "/post_actions.json", ["id": postId, "post_action_type_id": 2], headers: bob)
        XCTAssertEqual(own.status, 403)
        let bobsNotifications = try await getJSON("/notifications.json", headers: bob).array("notifications")
        XCTAssertTrue(
            bobsNotifications.contains {
                $0.int("notification_type") == 5 && $0.int("topic_id") == Fixture.unsolvedTopicId
            })

        let unlike = try await client.send(
            "DELETE", "/post_actions/\(postId).json?post_action_type_id=2", headers: alice)
        XCTAssertEqual(unlike.status, 200, unlike.text)
        let after = try await getJSON("/posts/\(postId).json", headers: carol)
        XCTAssertNil(after.array("actions_summary").first { $0.int("id") == 2 }?.int("count"))
        let notLiked = try await client.send(
            "DELETE", "/post_actions/\(postId).json?post_action_type_id=2", headers: alice)
        XCTAssertEqual(notLiked.status, 404)
    }

    func testFlagOpensAReviewableAndAddsScoresToIt() async throws {
        let postId = WriteFixture.postId(topic: Fixture.unsolvedTopicId, number: 1)
        let flag = try await sendJSON(
            "POST", "/post_actions.json", ["id": postId, "post_action_type_id": 8], headers: alice)
        XCTAssertEqual(flag.status, 200, flag.text)
        let twice = try await sendJSON(
            "POST", "/post_actions.json", ["id": postId, "post_action_type_id": 3], headers: alice)
        XCTAssertEqual(twice.status, 403)
        let needsMessage = try await sendJSON(
            "POST", "/post_actions.json", ["id": postId, "post_action_type_id": 7],
            headers: carol)
        XCTAssertEqual(needsMessage.status, 422)
        let second = try await sendJSON(
            "POST", "/post_actions.json",
            [
                "id": postId, "post_action_type_id": 7, "message": "The same text is in three topics.",
            ], headers: carol)
        XCTAssertEqual(second.status, 200)

        let review = try await getJSON(
            "/review.json?topic_id=\(Fixture.unsolvedTopicId)&type=ReviewableFlaggedPost",
            headers: moderator)
        let flagged = review.array("reviewables")
        XCTAssertEqual(flagged.count, 1)
        XCTAssertEqual(flagged.first?.int("target_id"), postId)
        XCTAssertEqual((flagged.first?["reviewable_score_ids"] as? [Int])?.count, 2)
        let scoreTypes = Set(review.array("reviewable_scores").compactMap { $0.object("score_type")?.int("id") })
        XCTAssertTrue(scoreTypes.isSuperset(of: [8, 7]))
        let count = try await getJSON("/review/count.json", headers: moderator).int("count")
        XCTAssertEqual(count, 4)
    }

    func testAcceptingASolutionShowsInTheTopicAndTheLists() async throws {
        let reply = try await sendJSON(
            "POST", "/posts.json",
            [
                "topic_id": Fixture.unsolvedTopicId, "raw": "Switch the input source setting off, then reboot once.",
            ], headers: alice)
        let replyId = try XCTUnwrap(try reply.jsonObject().int("id"))
        let byStranger = try await sendJSON("POST", "/solution/accept.json", ["id": replyId], headers: carol)
        XCTAssertEqual(byStranger.status, 403)
        let question = WriteFixture.postId(topic: Fixture.unsolvedTopicId, number: 1)
        let onQuestion = try await sendJSON("POST", "/solution/accept.json", ["id": question], headers: bob)
        XCTAssertEqual(onQuestion.status, 403)

        let accepted = try await sendJSON("POST", "/solution/accept.json", ["id": replyId], headers: bob)
        XCTAssertEqual(accepted.status, 200, accepted.text)
        XCTAssertEqual(try accepted.jsonObject().string("success"), "OK")
        let topic = try await getJSON("/t/\(Fixture.unsolvedTopicId).json", headers: alice)
        XCTAssertEqual(topic.object("accepted_answer")?.int("post_number"), 2)
        XCTAssertEqual(topic.bool("has_accepted_answer"), true)
        let latest = try await getJSON("/latest.json?per_page=100", headers: alice)
        let item = latest.object("topic_list")?.array("topics").first { $0.int("id") == Fixture.unsolvedTopicId }
        XCTAssertEqual(item?.bool("has_accepted_answer"), true)
        let notifications = try await getJSON("/notifications.json", headers: alice).array("notifications")
        XCTAssertTrue(
            notifications.contains {
                $0.int("notification_type") == 14 && $0.int("topic_id") == Fixture.unsolvedTopicId
            })

        let unaccepted = try await sendJSON("POST", "/solution/unaccept.json", ["id": replyId], headers: bob)
        XCTAssertEqual(unaccepted.status, 200)
        let after = try await getJSON("/t/\(Fixture.unsolvedTopicId).json", headers: alice)
        XCTAssertEqual(after.bool("has_accepted_answer"), false)
    }

    func testBookmarksThroughBothAPIs() async throws {
        let postId = WriteFixture.postId(topic: Fixture.unsolvedTopicId, number: 1)
        let created = try await sendJSON(
            "POST", "/bookmarks.json", ["bookmarkable_id": postId, "bookmarkable_type": "Post"],
            headers: carol)
        XCTAssertEqual(created.status, 200, created.text)
        XCTAssertEqual(try created.jsonObject().int("id"), postId)
        let twice = try await sendJSON(
            "POST", "/bookmarks.json", ["bookmarkable_id": postId, "bookmarkable_type": "Post"],
            headers: carol)
        XCTAssertEqual(twice.status, 400)
        XCTAssertEqual(try twice.jsonObject().string("failed"), "FAILED")
        let topic = try await getJSON("/t/\(Fixture.unsolvedTopicId).json", headers: carol)
        XCTAssertEqual(topic.bool("bookmarked"), true)

        let removed = try await client.send("DELETE", "/bookmarks/\(postId).json", headers: carol)
        XCTAssertEqual(removed.status, 200)
        XCTAssertEqual(try removed.jsonObject().bool("topic_bookmarked"), false)

        let legacy = try await client.send("PUT", "/t/\(Fixture.unsolvedTopicId)/bookmark.json", headers: carol)
        XCTAssertEqual(legacy.status, 200)
        let postBookmarked = try await getJSON("/posts/\(postId).json", headers: carol).bool("bookmarked")
        XCTAssertEqual(postBookmarked, true)
        let cleared = try await client.send(
            "PUT", "/t/\(Fixture.unsolvedTopicId)/remove_bookmarks.json", headers: carol)
        XCTAssertEqual(cleared.status, 200)
        let topicStillBookmarked = try await getJSON("/t/\(Fixture.unsolvedTopicId).json", headers: carol).bool(
            "bookmarked")
        XCTAssertEqual(topicStillBookmarked, false)
    }

    func testTimingsMoveTheReadPositionAndReadNotifications() async throws {
        let before = try await getJSON("/t/\(Fixture.solvedTopicId).json", headers: alice).int("last_read_post_number")
        XCTAssertEqual(before, 2)
        let timings = try await sendForm(
            "POST", "/topics/timings",
            [
                ("topic_id", String(Fixture.solvedTopicId)), ("topic_time", "4000"), ("timings[3]", "2000"),
                ("timings[4]", "2000"),
            ], headers: alice)
        XCTAssertEqual(timings.status, 200, timings.text)
        let after = try await getJSON("/t/\(Fixture.solvedTopicId).json", headers: alice).int("last_read_post_number")
        XCTAssertEqual(after, 4)
        // The fixture's unread "replied" notification points at post 3 of that topic.
        let unread = try await getJSON("/notifications.json?filter=unread", headers: alice).array("notifications")
        XCTAssertFalse(unread.contains { $0.int("topic_id") == Fixture.solvedTopicId })
    }

    func testMarkReadOneOrAll() async throws {
        let one = try await sendJSON("PUT", "/notifications/mark-read.json", ["id": 3], headers: bob)
        XCTAssertEqual(one.status, 200)
        XCTAssertEqual(try one.jsonObject().string("success"), "OK")
        let bobs = try await getJSON("/notifications.json", headers: bob).array("notifications")
        XCTAssertEqual(bobs.first { $0.int("id") == 3 }?.bool("read"), true)
        let notMine = try await sendJSON("PUT", "/notifications/mark-read.json", ["id": 1], headers: bob)
        XCTAssertEqual(notMine.status, 404)
        let all = try await client.send("PUT", "/notifications/mark-read.json", headers: alice)
        XCTAssertEqual(all.status, 200)
        let unread = try await getJSON("/notifications.json?filter=unread", headers: alice).array("notifications")
        XCTAssertTrue(unread.isEmpty)
    }

    func testDraftSequencesConflictLikeDiscourse() async throws {
        let key = "topic_\(Fixture.unsolvedTopicId)"
        let saved = try await sendJSON(
            "POST", "/drafts.json",
            [
                "draft_key": key, "sequence": 0, "data": #"{"reply":"Half a thought","action":"reply"}"#,
            ], headers: alice)
        XCTAssertEqual(saved.status, 200, saved.text)
        XCTAssertEqual(try saved.jsonObject().int("draft_sequence"), 0)
        let shown = try await getJSON("/drafts/\(key).json", headers: alice)
        XCTAssertEqual(shown.string("draft"), #"{"reply":"Half a thought","action":"reply"}"#)
        let listedKey = try await getJSON("/drafts.json", headers: alice).array("drafts").first?.string("draft_key")
        XCTAssertEqual(listedKey, key)

        // Another window finishes the draft by posting; the sequence moves on.
        let posted = try await sendJSON(
            "POST", "/posts.json",
            [
                "topic_id": Fixture.unsolvedTopicId, "raw": "The whole thought, posted from another window.",
            ], headers: alice)
        XCTAssertEqual(try posted.jsonObject().int("draft_sequence"), 1)
        let finishedDraft = try await getJSON("/drafts/\(key).json", headers: alice)["draft"] as? NSNull
        XCTAssertEqual(finishedDraft, NSNull())
        let resumed = try await sendJSON(
            "POST", "/drafts.json", ["draft_key": key, "sequence": 1, "data": #"{"reply":"Next"}"#],
            headers: alice)
        XCTAssertEqual(resumed.status, 200)
        // The first window still believes in sequence 0.
        let stale = try await sendJSON(
            "POST", "/drafts.json", ["draft_key": key, "sequence": 0, "data": #"{"reply":"Old"}"#],
            headers: alice)
        XCTAssertEqual(stale.status, 409)
        XCTAssertEqual(errors(stale), ["draft error"])
        let deleted = try await client.send("DELETE", "/drafts/\(key).json?sequence=1", headers: alice)
        XCTAssertEqual(deleted.status, 200)
        let noDraftsLeft = try await getJSON("/drafts.json", headers: alice).array("drafts").isEmpty
        XCTAssertTrue(noDraftsLeft)
    }

    func testRenameAndMoveATopic() async throws {
        let path = "/t/-/\(Fixture.unsolvedTopicId).json"
        let stale = try await sendJSON(
            "PUT", path, ["title": "Keyboard layout resets after every update", "original_title": "Old"],
            headers: bob)
        XCTAssertEqual(stale.status, 409)
        let renamed = try await sendJSON(
            "PUT", path, ["title": "Keyboard layout resets after every update"], headers: bob)
        XCTAssertEqual(renamed.status, 200, renamed.text)
        XCTAssertEqual(
            try renamed.jsonObject().object("basic_topic")?.string("slug"), "keyboard-layout-resets-after-every-update")
        let stranger = try await sendJSON("PUT", path, ["title": "Carol should not rename this topic"], headers: carol)
        XCTAssertEqual(stranger.status, 403)
        let intoStaffOnly = try await sendJSON(
            "PUT", path, ["category_id": Fixture.announcementsCategoryId], headers: bob)
        XCTAssertEqual(intoStaffOnly.status, 403)
        let moved = try await sendJSON(
            "PUT", "/t/keyboard/\(Fixture.unsolvedTopicId).json",
            ["topic": ["category_id": Fixture.generalCategoryId]], headers: moderator)
        XCTAssertEqual(moved.status, 200, moved.text)
        let topic = try await getJSON("/t/\(Fixture.unsolvedTopicId).json", headers: bob)
        XCTAssertEqual(topic.string("title"), "Keyboard layout resets after every update")
        XCTAssertEqual(topic.int("category_id"), Fixture.generalCategoryId)
    }

    func testDeleteAndRecoverATopic() async throws {
        let byOther = try await client.send("DELETE", "/t/\(Fixture.unsolvedTopicId).json", headers: alice)
        XCTAssertEqual(byOther.status, 403)
        let byOwner = try await client.send("DELETE", "/t/\(Fixture.unsolvedTopicId).json", headers: bob)
        XCTAssertEqual(byOwner.status, 200)
        let deletedStatus = try await client.get("/t/\(Fixture.unsolvedTopicId).json", headers: alice).status
        XCTAssertEqual(deletedStatus, 404)
        let recovered = try await client.send("PUT", "/t/\(Fixture.unsolvedTopicId)/recover.json", headers: moderator)
        XCTAssertEqual(recovered.status, 200)
        let recoveredStatus = try await client.get("/t/\(Fixture.unsolvedTopicId).json", headers: alice).status
        XCTAssertEqual(recoveredStatus, 200)
    }
}
