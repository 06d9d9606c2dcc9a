// Creating and editing posts over real HTTP: replies, new topics, private messages, the
// approval queue for new users, Discourse's validation answers, edit conflicts, deletion.
import Foundation
import XCTest

final class WritePostTests: WriteServerTestCase {
    let longEnough = "This reply is comfortably longer than twenty characters."

    func testReplyAppearsInTheTopicAndCountsGrow() async throws {
        let before = try await getJSON("/t/\(Fixture.unsolvedTopicId).json", headers: alice)
        let response = try await sendJSON(
            "POST", "/posts.json",
            [
                "topic_id": Fixture.unsolvedTopicId, "raw": longEnough, "reply_to_post_number": 1,
            ], headers: alice)
        XCTAssertEqual(response.status, 200, response.text)
        let post = try response.jsonObject()
        XCTAssertEqual(post.string("username"), "alice")
        XCTAssertEqual(post.int("post_number"), 2)
        XCTAssertEqual(post.int("reply_to_post_number"), 1)
        XCTAssertEqual(post.string("cooked"), "<p>\(longEnough)</p>")

        let after = try await getJSON("/t/\(Fixture.unsolvedTopicId).json", headers: alice)
        XCTAssertEqual(after.int("posts_count"), (before.int("posts_count") ?? 0) + 1)
        let posts = after.object("post_stream")?.array("posts") ?? []
        XCTAssertEqual(posts.last?.int("id"), post.int("id"))
        XCTAssertEqual(posts.last?.string("username"), "alice")
        // The topic's author (bob) hears about the reply to his post.
        let notifications = try await getJSON("/notifications.json", headers: bob).array("notifications")
        XCTAssertTrue(
            notifications.contains {
                $0.int("notification_type") == 2 && $0.int("topic_id") == Fixture.unsolvedTopicId
                    && $0.int("post_number") == 2
            })
    }

    func testFormEncodedNewTopicWithTagsAndMentions() async throws {
        let response = try await sendForm(
            "POST", "/posts.json",
            [
                ("title", "Scanner stops working after the update"),
                ("raw", "Hello @bob, my **scanner** stopped `scanimage` too."),
                ("category", String(Fixture.supportCategoryId)), ("tags[]", "Scanning"), ("tags[]", "drivers"),
            ], headers: alice)
        XCTAssertEqual(response.status, 200, response.text)
        let post = try response.jsonObject()
        XCTAssertEqual(post.int("post_number"), 1)
        XCTAssertEqual(
            post.string("cooked"),
            "<p>Hello <a class=\"mention\" href=\"/u/bob\">@bob</a>, my <strong>scanner</strong> stopped <code>scanimage</code> too.</p>"
        )
        let topicId = try XCTUnwrap(post.int("topic_id"))
        let topic = try await getJSON("/t/\(topicId).json", headers: alice)
        XCTAssertEqual(topic.string("title"), "Scanner stops working after the update")
        XCTAssertEqual(topic.int("category_id"), Fixture.supportCategoryId)
        XCTAssertEqual((topic["tags"] as? [Any])?.count, 2)
        let latest = try await getJSON("/latest.json", headers: alice)
        XCTAssertTrue(latest.object("topic_list")?.array("topics").contains { $0.int("id") == topicId } ?? false)
        let bobsNotifications = try await getJSON("/notifications.json", headers: bob).array("notifications")
        XCTAssertTrue(bobsNotifications.contains { $0.int("notification_type") == 1 && $0.int("topic_id") == topicId })
    }

    func testValidationAnswersAre422WithDiscoursesMessages() async throws {
        let short = try await sendJSON(
            "POST", "/posts.json", ["topic_id": Fixture.unsolvedTopicId, "raw": "too short"],
            headers: alice)
        XCTAssertEqual(short.status, 422)
        XCTAssertEqual(try short.jsonObject().string("action"), "create_post")
        XCTAssertEqual(errors(short), ["Body is too short (minimum is 20 characters)"])

        let untitled = try await sendJSON(
            "POST", "/posts.json", ["raw": longEnough, "category": Fixture.supportCategoryId],
            headers: alice)
        XCTAssertEqual(untitled.status, 422)
        XCTAssertEqual(errors(untitled), ["Title can't be blank", "Title is too short (minimum is 15 characters)"])

        let staffOnly = try await sendJSON(
            "POST", "/posts.json",
            [
                "title": "An announcement by a regular user", "raw": longEnough,
                "category": Fixture.announcementsCategoryId,
            ], headers: alice)
        XCTAssertEqual(staffOnly.status, 403)

        let first = try await sendJSON(
            "POST", "/posts.json", ["topic_id": Fixture.unsolvedTopicId, "raw": longEnough],
            headers: alice)
        XCTAssertEqual(first.status, 200)
        let duplicate = try await sendJSON(
            "POST", "/posts.json", ["topic_id": Fixture.solvedTopicId, "raw": longEnough],
            headers: alice)
        XCTAssertEqual(errors(duplicate), ["Body is too similar to what you recently posted"])
    }

    func testClosedTopicRefusesRepliesExceptFromStaff() async throws {
        let close = try await sendJSON(
            "PUT", "/t/\(Fixture.unsolvedTopicId)/status.json",
            ["status": "closed", "enabled": "true"], headers: moderator)
        XCTAssertEqual(close.status, 200, close.text)
        let byUser = try await sendJSON(
            "POST", "/posts.json", ["topic_id": Fixture.unsolvedTopicId, "raw": longEnough],
            headers: alice)
        XCTAssertEqual(byUser.status, 422)
        XCTAssertEqual(errors(byUser).first?.hasPrefix("Something has gone wrong."), true)
        let byStaff = try await sendJSON(
            "POST", "/posts.json",
            ["topic_id": Fixture.unsolvedTopicId, "raw": "Staff can still reply here."],
            headers: moderator)
        XCTAssertEqual(byStaff.status, 200)
        let topic = try await getJSON("/t/\(Fixture.unsolvedTopicId).json", headers: alice)
        XCTAssertEqual(topic.bool("closed"), true)
        let actions = topic.object("post_stream")?.array("posts").compactMap { $0.string("action_code") } ?? []
        XCTAssertEqual(actions, ["closed.enabled"])
        let forbidden = try await sendJSON(
            "PUT", "/t/\(Fixture.unsolvedTopicId)/status.json",
            ["status": "closed", "enabled": "false"], headers: alice)
        XCTAssertEqual(forbidden.status, 403)
    }

    func testNewUsersPostIsEnqueuedNotPublished() async throws {
        let before = try await getJSON("/t/\(Fixture.unsolvedTopicId).json", headers: alice).int("posts_count")
        let response = try await sendJSON(
            "POST", "/posts.json", ["topic_id": Fixture.unsolvedTopicId, "raw": longEnough],
            headers: newbie)
        XCTAssertEqual(response.status, 200, response.text)
        let answer = try response.jsonObject()
        XCTAssertEqual(answer.bool("success"), true)
        XCTAssertEqual(answer.string("action"), "enqueued")
        XCTAssertEqual(answer.object("pending_post")?.string("raw"), longEnough)
        // The fixture already holds one of newbie's posts.
        XCTAssertEqual(answer.int("pending_count"), 2)
        let after = try await getJSON("/t/\(Fixture.unsolvedTopicId).json", headers: alice).int("posts_count")
        XCTAssertEqual(after, before)
        let queueId = try XCTUnwrap(answer.object("pending_post")?.int("id"))
        let review = try await getJSON("/review.json?type=ReviewableQueuedPost", headers: moderator)
        let queued = review.array("reviewables").first { $0.int("id") == queueId }
        XCTAssertEqual(queued?.object("payload")?.string("raw"), longEnough)
        XCTAssertEqual(queued?.int("status"), 0)
    }

    func testEditWithStaleOriginalTextIsAConflict() async throws {
        let postId = WriteFixture.postId(topic: Fixture.solvedTopicId, number: 2)
        let current = try await getJSON("/posts/\(postId).json", headers: bob)
        let raw = try XCTUnwrap(current.string("raw"))
        let edited = try await sendJSON(
            "PUT", "/posts/\(postId).json",
            [
                "post": [
                    "raw": "Which version of the printer driver do you run?", "original_text": raw,
                    "edit_reason": "clarity",
                ]
            ], headers: bob)
        XCTAssertEqual(edited.status, 200, edited.text)
        let post = try XCTUnwrap(try edited.jsonObject().object("post"))
        XCTAssertEqual(post.int("version"), (current.int("version") ?? 0) + 1)
        XCTAssertEqual(post.string("raw"), "Which version of the printer driver do you run?")

        let stale = try await sendJSON(
            "PUT", "/posts/\(postId).json",
            [
                "post": ["raw": "A change based on the old text, which must be refused.", "original_text": raw]
            ], headers: bob)
        XCTAssertEqual(stale.status, 409)
        XCTAssertEqual(errors(stale), ["That post was edited by another user and your changes can no longer be saved."])
        let notYours = try await sendJSON(
            "PUT", "/posts/\(postId).json", ["post": ["raw": "Alice may not edit Bob's post."]],
            headers: alice)
        XCTAssertEqual(notYours.status, 403)
    }

    func testDeleteAndRecoverAReply() async throws {
        let postId = WriteFixture.postId(topic: Fixture.solvedTopicId, number: 2)
        let before = try await getJSON("/t/\(Fixture.solvedTopicId).json", headers: alice).int("posts_count") ?? 0
        let byOther = try await client.send("DELETE", "/posts/\(postId).json", headers: alice)
        XCTAssertEqual(byOther.status, 403)
        let deleted = try await client.send("DELETE", "/posts/\(postId).json", headers: bob)
        XCTAssertEqual(deleted.status, 200)
        XCTAssertTrue(deleted.body.isEmpty)
        let gone = try await client.get("/posts/\(postId).json", headers: alice)
        XCTAssertEqual(gone.status, 404)
        let afterDelete = try await getJSON("/t/\(Fixture.solvedTopicId).json", headers: alice).int("posts_count")
        XCTAssertEqual(afterDelete, before - 1)
        let recovered = try await client.send("PUT", "/posts/\(postId)/recover.json", headers: moderator)
        XCTAssertEqual(recovered.status, 200)
        let afterRecovery = try await getJSON("/t/\(Fixture.solvedTopicId).json", headers: alice).int("posts_count")
        XCTAssertEqual(afterRecovery, before)
    }

    func testPrivateMessageReachesOnlyItsRecipients() async throws {
        let response = try await sendJSON(
            "POST", "/posts.json",
            [
                "title": "About the printer", "raw": "Can you check the driver version, please?",
                "archetype": "private_message", "target_recipients": "bob",
            ], headers: alice)
        XCTAssertEqual(response.status, 200, response.text)
        let topicId = try XCTUnwrap(try response.jsonObject().int("topic_id"))
        let asBob = try await client.get("/t/\(topicId).json", headers: bob)
        XCTAssertEqual(asBob.status, 200)
        let asCarol = try await client.get("/t/\(topicId).json", headers: carol)
        XCTAssertEqual(asCarol.status, 403)
        let notifications = try await getJSON("/notifications.json", headers: bob).array("notifications")
        XCTAssertTrue(notifications.contains { $0.int("notification_type") == 6 && $0.int("topic_id") == topicId })
        let unknown = try await sendJSON(
            "POST", "/posts.json",
            [
                "title": "To nobody at all", "raw": "Is anybody out there?", "archetype": "private_message",
                "target_recipients": "nobody-by-that-name",
            ], headers: alice)
        XCTAssertEqual(unknown.status, 422)
    }

    func testAnonymousCannotPost() async throws {
        let response = try await sendJSON(
            "POST", "/posts.json", ["topic_id": Fixture.unsolvedTopicId, "raw": longEnough],
            headers: [:])
        XCTAssertEqual(response.status, 403)
        XCTAssertEqual(try response.jsonObject().string("error_type"), "not_logged_in")
    }
}
