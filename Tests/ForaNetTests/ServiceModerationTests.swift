import DemoServer
import ForaCore
import Foundation
import XCTest

@testable import DiscourseBackend
@testable import ForaNet

/// The staff calls on posts, users and topics, and the score explanation, against the demo
/// server, each checked by reading the state back through the API.
final class ServiceModerationTests: DemoServerCase {
    /// A reply by someone other than the moderator, in an open How-to topic.
    private func reply(_ service: DiscourseService) async throws -> Post {
        let list = try await service.topicList(TopicListQuery(category: .init(slug: "how-to", id: 3)))
        for summary in list.topics where !summary.closed && summary.postsCount >= 3 {
            let topic = try await service.topic(id: summary.id)
            if let post = topic.posts.first(where: { $0.postNumber > 1 && $0.username != "moderator" && !$0.hidden }) {
                return post
            }
        }
        throw XCTSkip("no reply to moderate")
    }

    func testStaffHideUnhideDeleteAndRecoverAPost() async throws {
        let moderator = service(as: "moderator")
        let post = try await reply(moderator)
        try await moderator.hidePost(postID: post.id)
        let hidden = try await moderator.post(id: post.id)
        XCTAssertTrue(hidden.hidden, "take_action hides at once")
        let member = await foraError { try await self.service(as: "alice").unhidePost(postID: post.id) }
        XCTAssertNotNil(member, "members cannot unhide")
        try await moderator.unhidePost(postID: post.id)
        let shown = try await moderator.post(id: post.id)
        XCTAssertFalse(shown.hidden)

        try await moderator.deletePost(id: post.id)
        let deleted = try await moderator.post(id: post.id)
        XCTAssertNotNil(deleted.deletedAt)
        try await moderator.recoverPost(postID: post.id)
        let recovered = try await moderator.post(id: post.id)
        XCTAssertNil(recovered.deletedAt)
    }

    func testSilenceAndSuspendWithAReasonAndAnEnd() async throws {
        let moderator = service(as: "moderator")
        let bob = try await moderator.user(username: "bob")
        let until = Date().addingTimeInterval(3 * 86_400)
        try await moderator.penalize(userID: bob.id, suspend: false, reason: "heated thread", until: until)
        try await moderator.penalize(userID: bob.id, suspend: true, reason: "spamming links", until: until)
        let admin =
            try JSONSerialization.jsonObject(
                with: Data(try await moderator.send("GET", "/admin/users/\(bob.id).json").body)) as? [String: Any]
        XCTAssertEqual(admin?["silence_reason"] as? String, "heated thread")
        XCTAssertEqual(admin?["full_suspend_reason"] as? String, "spamming links")
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let suspendedTill = (admin?["suspended_till"] as? String).flatMap {
            ISO8601DateFormatter().date(from: $0) ?? fractional.date(from: $0)
        }
        XCTAssertEqual(suspendedTill?.timeIntervalSince1970 ?? 0, until.timeIntervalSince1970, accuracy: 2)
        let refused = await foraError {
            try await self.service(as: "alice").penalize(userID: bob.id, suspend: true, reason: "no", until: nil)
        }
        XCTAssertNotNil(refused, "members cannot suspend")
    }

    func testMoveATopicToAnotherCategory() async throws {
        let moderator = service(as: "moderator")
        let post = try await reply(moderator)
        let topicID = try XCTUnwrap(post.topicID)
        let categories = try await moderator.categories()
        let billing = try XCTUnwrap(categories.first { $0.slug == "billing" })
        try await moderator.moveTopic(topicID: topicID, categoryID: billing.id)
        let moved = try await moderator.topic(id: topicID)
        XCTAssertEqual(moved.categoryID, billing.id)
    }

    func testTheScoreExplanationAddsUpWithTheFlaggersNames() async throws {
        let moderator = service(as: "moderator")
        let queue = try await moderator.reviewQueue(status: "pending")
        let flagged = try XCTUnwrap(queue.reviewables.first { $0.type == "ReviewableFlaggedPost" })
        let explanation = try await moderator.reviewExplanation(id: flagged.id)
        XCTAssertEqual(explanation.id, flagged.id)
        XCTAssertFalse(explanation.scores.isEmpty)
        XCTAssertEqual(explanation.totalScore, flagged.score, accuracy: 0.01)
        XCTAssertTrue(explanation.scores.allSatisfy { $0.username != nil }, "usernames from the side-loaded users")
        XCTAssertTrue(explanation.lines.first?.hasPrefix("Score ") == true)
        let member = await foraError { try await self.service(as: "alice").reviewExplanation(id: flagged.id) }
        XCTAssertNotNil(member, "only staff see explanations")
    }

    func testAnActionThatRequiresAReasonIsRefusedWithoutOne() async throws {
        let moderator = service(as: "moderator")
        let body = try await moderator.send("GET", "/review.json?type=ReviewableQueuedPost").body
        let json = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        let queued = try XCTUnwrap((json?["reviewables"] as? [[String: Any]])?.first)
        let id = try XCTUnwrap(queued["id"] as? Int)
        let version = try XCTUnwrap(queued["version"] as? Int)
        let path = "/review/\(id)/perform/revise_and_reject_post.json?version=\(version)"
        let refused = await foraError { try await moderator.send("PUT", path) }
        guard case .validation(let errors)? = refused else {
            return XCTFail("expected a 422, got \(String(describing: refused))")
        }
        XCTAssertTrue(errors.joined().contains("reason is required"), "\(errors)")
        let response = try await moderator.send("PUT", path + "&reject_reason=needs%20details")
        XCTAssertEqual(response.status, 200)
    }
}
