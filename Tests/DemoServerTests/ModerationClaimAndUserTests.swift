// Claims between two moderators, and the staff user tools (silence, suspend, the admin
// user view) with their permission answers.
import Foundation
import XCTest

@testable import DemoServer

final class ModerationClaimAndUserTests: WriteServerTestCase {
    func claim(_ topicId: Int, headers: [String: String]) async throws -> RawHTTPResponse {
        try await sendJSON(
            "POST", "/reviewable_claimed_topics.json", ["reviewable_claimed_topic": ["topic_id": topicId]],
            headers: headers)
    }

    func testClaimConflictBetweenModerators() async throws {
        let topic = WriteFixture.legacyFlagTopicId
        let claimed = try await claim(topic, headers: moderator)
        XCTAssertEqual(claimed.status, 200, claimed.text)
        let conflict = try await claim(topic, headers: mod2)
        XCTAssertEqual(conflict.status, 409)
        XCTAssertFalse(errors(conflict).isEmpty)

        let item = try await getJSON("/review.json", headers: mod2).array("reviewables").first {
            $0.int("id") == WriteFixture.legacyFlagId
        }
        XCTAssertEqual(item?.object("claimed_by")?.string("username"), "mod")
        let blocked = try await client.send(
            "PUT", "/review/\(WriteFixture.legacyFlagId)/perform/agree_and_keep.json?version=0",
            headers: mod2)
        XCTAssertEqual(blocked.status, 422)
        XCTAssertEqual(errors(blocked), ["This item has been claimed by another user."])

        let released = try await client.send("DELETE", "/reviewable_claimed_topics/\(topic).json", headers: moderator)
        XCTAssertEqual(released.status, 200)
        let reclaimed = try await claim(topic, headers: mod2)
        XCTAssertEqual(reclaimed.status, 200)
        let performed = try await client.send(
            "PUT", "/review/\(WriteFixture.legacyFlagId)/perform/agree_and_keep.json?version=0",
            headers: mod2)
        XCTAssertEqual(performed.status, 200, performed.text)
        let byUser = try await claim(WriteFixture.refreshedFlagTopicId, headers: alice)
        XCTAssertEqual(byUser.status, 403)
    }

    func testClaimRequiredSwitch() async throws {
        ModerationSettings.of(server.state).claimRequired = true
        let unclaimed = try await client.send(
            "PUT", "/review/\(WriteFixture.refreshedFlagId)/perform/hide_post.json?version=0",
            headers: moderator)
        XCTAssertEqual(unclaimed.status, 422)
        XCTAssertEqual(errors(unclaimed), ["You must claim items before acting on them."])
        _ = try await claim(WriteFixture.refreshedFlagTopicId, headers: moderator)
        let claimed = try await client.send(
            "PUT", "/review/\(WriteFixture.refreshedFlagId)/perform/hide_post.json?version=0",
            headers: moderator)
        XCTAssertEqual(claimed.status, 200)
    }

    func testSilenceAndUnsilence() async throws {
        let silenced = try await sendJSON(
            "PUT", "/admin/users/\(Fixture.carolId)/silence.json",
            [
                "silenced_till": "2099-01-01T00:00:00.000Z", "reason": "Posting adverts",
            ], headers: moderator)
        XCTAssertEqual(silenced.status, 200, silenced.text)
        let silence = try XCTUnwrap(try silenced.jsonObject().object("silence"))
        XCTAssertEqual(silence.bool("silenced"), true)
        XCTAssertEqual(silence.string("silence_reason"), "Posting adverts")
        XCTAssertEqual(silence.string("silenced_till"), "2099-01-01T00:00:00.000Z")
        XCTAssertEqual(silence.object("silenced_by")?.string("username"), "mod")
        // A silenced user cannot reply.
        let reply = try await sendJSON(
            "POST", "/posts.json",
            [
                "topic_id": Fixture.unsolvedTopicId, "raw": "This reply must not get through.",
            ], headers: carol)
        XCTAssertEqual(reply.status, 422)
        let detail = try await getJSON("/admin/users/\(Fixture.carolId).json", headers: moderator)
        XCTAssertEqual(detail.string("silence_reason"), "Posting adverts")
        XCTAssertEqual(detail.string("username"), "Carol")

        let lifted = try await client.send("PUT", "/admin/users/\(Fixture.carolId)/unsilence.json", headers: moderator)
        XCTAssertEqual(lifted.status, 200)
        let again = try await sendJSON(
            "POST", "/posts.json",
            [
                "topic_id": Fixture.unsolvedTopicId, "raw": "Now this reply may go through.",
            ], headers: carol)
        XCTAssertEqual(again.status, 200)
    }

    func testSuspensionLocksTheUserOut() async throws {
        let missingReason = try await sendJSON(
            "PUT", "/admin/users/\(Fixture.bobId)/suspend.json",
            ["suspend_until": "2099-01-01T00:00:00Z"], headers: moderator)
        XCTAssertEqual(missingReason.status, 400)
        let suspended = try await sendJSON(
            "PUT", "/admin/users/\(Fixture.bobId)/suspend.json",
            [
                "suspend_until": "2099-01-01T00:00:00Z", "reason": "Cooling off", "message": "See you next year.",
            ], headers: moderator)
        XCTAssertEqual(suspended.status, 200, suspended.text)
        XCTAssertEqual(
            try suspended.jsonObject().object("suspension")?.string("full_suspend_reason"),
            "Cooling off\n\nSee you next year.")
        let locked = try await client.get("/session/current.json", headers: bob)
        XCTAssertEqual(locked.status, 403)
        let back = try await client.send("PUT", "/admin/users/\(Fixture.bobId)/unsuspend.json", headers: moderator)
        XCTAssertEqual(back.status, 200)
        let session = try await getJSON("/session/current.json", headers: bob)
        XCTAssertEqual(session.object("current_user")?.string("username"), "bob")
    }

    func testStaffCannotBePenalisedAndUsersCannotPenalise() async throws {
        let staffTarget = try await sendJSON(
            "PUT", "/admin/users/\(WriteFixture.mod2Id)/silence.json", ["reason": "no"],
            headers: moderator)
        XCTAssertEqual(staffTarget.status, 403)
        let byUser = try await sendJSON(
            "PUT", "/admin/users/\(Fixture.carolId)/silence.json", ["reason": "no"], headers: alice)
        XCTAssertEqual(byUser.status, 403)
        let detailByUser = try await client.get("/admin/users/\(Fixture.carolId).json", headers: alice)
        XCTAssertEqual(detailByUser.status, 403)
        let unknown = try await client.get("/admin/users/999.json", headers: admin)
        XCTAssertEqual(unknown.status, 404)
    }
}
