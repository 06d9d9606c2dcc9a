// Who the server thinks is asking: anonymous, a user or staff through the all-users API key,
// a User API Key (scopes, revocation), and the 403 JSON of bad credentials.
import Foundation
import XCTest

@testable import DemoServer

final class CredentialTests: DemoServerTestCase {
    func testWrongAPIKeyIsInvalidAccessJSON() async throws {
        let response = try await client.get(
            "/latest.json", headers: ["Api-Key": "not-the-key", "Api-Username": "alice"])
        XCTAssertEqual(response.status, 403)
        let body = try response.jsonObject()
        XCTAssertEqual(body.string("error_type"), "invalid_access")
        XCTAssertEqual((body["errors"] as? [String])?.count, 1)
    }

    func testUnknownUsernameWithTheRightKeyIsRefused() async throws {
        let response = try await client.get("/latest.json", headers: apiKeyHeaders("nobody-like-this"))
        XCTAssertEqual(response.status, 403)
        XCTAssertEqual(try response.jsonObject().string("error_type"), "invalid_access")
    }

    func testUsernameIsCaseInsensitive() async throws {
        let body = try await getJSON("/notifications.json", headers: apiKeyHeaders("ALICE"))
        XCTAssertEqual(
            body.array("notifications").compactMap { $0.int("user_id") }, [Fixture.aliceId, Fixture.aliceId])
    }

    func testAnonymousSeesNoPersonalFields() async throws {
        let topic = try await getJSON("/t/\(Fixture.solvedTopicId).json")
        XCTAssertNil(topic["last_read_post_number"])
        let posts = topic.object("post_stream")?.array("posts") ?? []
        XCTAssertFalse(posts.isEmpty)
        for post in posts {
            XCTAssertEqual(post.bool("yours"), false)
            XCTAssertEqual(post.bool("can_edit"), false)
            XCTAssertNil(post["reviewable_id"], "staff-only field")
        }
        // The liked answer: anonymous viewers get the like count only.
        let answer = posts.first { $0.int("post_number") == 3 }
        let likes = answer?.array("actions_summary") ?? []
        XCTAssertEqual(likes.count, 1)
        XCTAssertEqual(likes.first?.int("id"), 2)
        XCTAssertEqual(likes.first?.int("count"), 2)
        XCTAssertNil(likes.first?["can_act"])
        let details = topic.object("details")
        XCTAssertEqual(Set(details?.keys.filter { $0.hasPrefix("can_") } ?? []), ["can_edit"])
    }

    func testUserThroughAPIKeySeesOwnState() async throws {
        let topic = try await getJSON("/t/\(Fixture.solvedTopicId).json", headers: alice)
        XCTAssertEqual(topic.int("last_read_post_number"), 2)
        let posts = topic.object("post_stream")?.array("posts") ?? []
        XCTAssertEqual(posts.first { $0.int("post_number") == 1 }?.bool("yours"), true)
        let answer = posts.first { $0.int("post_number") == 3 }
        XCTAssertEqual(answer?.bool("bookmarked"), true)
        let like = answer?.array("actions_summary").first { $0.int("id") == 2 }
        XCTAssertEqual(like?.bool("acted"), true)
        XCTAssertEqual(like?.bool("can_undo"), true)
        XCTAssertEqual(posts.first { $0.int("post_number") == 2 }?.bool("read"), true)
        XCTAssertEqual(posts.first { $0.int("post_number") == 3 }?.bool("read"), false)
        XCTAssertEqual(topic.object("details")?.bool("can_create_post"), true)
        XCTAssertNil(topic.object("details")?["can_close_topic"], "not staff")
    }

    func testStaffSeeWhispersDeletedPostsAndModerationAbilities() async throws {
        let asUser = try await getJSON("/t/\(Fixture.solvedTopicId).json", headers: alice)
        let asModerator = try await getJSON("/t/\(Fixture.solvedTopicId).json", headers: moderator)
        XCTAssertEqual((asUser.object("post_stream")?["stream"] as? [Int])?.count, 4)
        XCTAssertEqual((asModerator.object("post_stream")?["stream"] as? [Int])?.count, 6)
        XCTAssertEqual(asModerator.object("details")?.bool("can_close_topic"), true)
        XCTAssertEqual(asModerator.bool("has_deleted"), true)
        let deleted = asModerator.object("post_stream")?.array("posts").first { $0.int("post_number") == 6 }
        XCTAssertNotNil(deleted?.string("deleted_at"))
        XCTAssertEqual(deleted?.bool("can_recover"), true)
    }

    func testUserAPIKeyActsAsItsUser() async throws {
        let body = try await getJSON("/notifications.json", headers: ["User-Api-Key": Fixture.aliceKey])
        XCTAssertEqual(body.array("notifications").first?.int("user_id"), Fixture.aliceId)
    }

    func testRevokedOrUnknownUserAPIKeyIsRefused() async throws {
        for key in [Fixture.revokedKey, "never-issued"] {
            let response = try await client.get("/latest.json", headers: ["User-Api-Key": key])
            XCTAssertEqual(response.status, 403, key)
            XCTAssertEqual(try response.jsonObject().string("error_type"), "invalid_access", key)
        }
    }

    func testReadScopeAllowsGetsButNotWrites() async throws {
        let read = try await client.get("/latest.json", headers: ["User-Api-Key": Fixture.readOnlyKey])
        XCTAssertEqual(read.status, 200)
        let write = try await client.send(
            "POST", "/posts.json", headers: ["User-Api-Key": Fixture.readOnlyKey, "Content-Type": "application/json"],
            body: Data(#"{"topic_id": 101, "raw": "A reply that is long enough."}"#.utf8))
        XCTAssertEqual(write.status, 403)
        XCTAssertEqual(try write.jsonObject().string("error_type"), "invalid_access")
    }

    func testQueryStringCredentialsCountOnlyOnFeeds() async throws {
        let response = try await client.get(
            "/notifications.json?api_key=\(DemoServerConfiguration.defaultAPIKey)&api_username=alice")
        XCTAssertEqual(response.status, 403)
        XCTAssertEqual(try response.jsonObject().string("error_type"), "not_logged_in")
    }

    func testPrivateMessageIsVisibleToParticipantsAndStaffOnly() async throws {
        let path = "/t/\(Fixture.privateMessageId).json"
        for (headers, expected) in [
            ([String: String](), 403), (apiKeyHeaders("Carol"), 403), (bob, 200), (alice, 200),
            (moderator, 200),
        ] {
            let response = try await client.get(path, headers: headers)
            XCTAssertEqual(response.status, expected, "\(headers["Api-Username"] ?? "anonymous")")
        }
        let latest = try await getJSON("/latest.json?per_page=100", headers: alice)
        let ids = latest.object("topic_list")?.array("topics").compactMap { $0.int("id") } ?? []
        XCTAssertFalse(ids.contains(Fixture.privateMessageId), "messages never appear in topic lists")
        let search = try await getJSON("/search.json?q=printer%20thread", headers: apiKeyHeaders("Carol"))
        XCTAssertTrue(search.array("posts").allSatisfy { $0.int("topic_id") != Fixture.privateMessageId })
    }

    func testPrivateMessageListsBelongToTheirOwnerAndStaff() async throws {
        let path = "/topics/private-messages/alice.json"
        let own = try await getJSON(path, headers: alice)
        XCTAssertEqual(
            own.object("topic_list")?.array("topics").compactMap { $0.int("id") }, [Fixture.privateMessageId])
        let participants = own.object("topic_list")?.array("topics").first?.array("participants")
        XCTAssertEqual(participants?.compactMap { $0.int("user_id") }, [Fixture.bobId])
        _ = try await getJSON(path, headers: moderator)
        let other = try await client.get(path, headers: bob)
        XCTAssertEqual(other.status, 403)
        let anonymous = try await client.get(path)
        XCTAssertEqual(try anonymous.jsonObject().string("error_type"), "not_logged_in")
        let sent = try await getJSON("/topics/private-messages-sent/bob.json", headers: bob)
        XCTAssertEqual(sent.object("topic_list")?.array("topics").count, 0, "bob started no message")
    }

    func testPersonalListsNeedALogin() async throws {
        for path in ["/new.json", "/unread.json", "/notifications.json"] {
            let response = try await client.get(path)
            XCTAssertEqual(response.status, 403, path)
            XCTAssertEqual(try response.jsonObject().string("error_type"), "not_logged_in", path)
        }
    }
}
