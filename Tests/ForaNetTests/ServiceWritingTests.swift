import DemoServer
import ForaCore
import Foundation
import XCTest

@testable import DiscourseBackend
@testable import ForaNet

/// Every writing call against the demo server, checked by reading back.
final class ServiceWritingTests: DemoServerCase {
    /// An open topic in How-to (solutions enabled) with a few replies.
    private func openHowToTopic(_ service: DiscourseService) async throws -> TopicDetail {
        let list = try await service.topicList(TopicListQuery(category: .init(slug: "how-to", id: 3)))
        for summary in list.topics where !summary.closed && summary.postsCount >= 3 {
            let topic = try await service.topic(id: summary.id)
            if !topic.archived && !topic.closed { return topic }
        }
        throw XCTSkip("no open How-to topic with replies")
    }

    func testReplyEditConflictAndDelete() async throws {
        let alice = service(as: "alice")
        let topic = try await openHowToTopic(alice)
        let text = "Thanks, that worked for me on Debian as well (\(UUID().uuidString))."
        guard
            case .created(let post) = try await alice.createPost(.reply(to: topic.id, raw: text, replyToPostNumber: 2))
        else { return XCTFail("alice's reply is not queued") }
        XCTAssertEqual(post.replyToPostNumber, 2)
        XCTAssertEqual(post.topicID, topic.id)
        let reread = try await alice.topic(id: topic.id)
        XCTAssertEqual(reread.posts.last?.id, post.id)

        let edited = try await alice.editPost(
            id: post.id, raw: text + " Edited to add: restart needed.", originalText: text, editReason: "detail")
        XCTAssertTrue(edited.raw?.contains("Edited to add") ?? edited.cooked.contains("Edited to add"))
        let conflict = await foraError {
            try await alice.editPost(
                id: post.id, raw: "Something else entirely, long enough.", originalText: text, editReason: nil)
        }
        XCTAssertEqual(conflict?.exitCode, 8, "a stale original_text is a conflict: \(String(describing: conflict))")

        try await alice.deletePost(id: post.id)
    }

    func testValidationErrorsAreShownAsTheServerSentThem() async throws {
        let error = await foraError { try await self.service(as: "alice").createPost(.reply(to: 1, raw: "short")) }
        guard case .validation(let errors)? = error else {
            return XCTFail("expected validation, got \(String(describing: error))")
        }
        XCTAssertFalse(errors.isEmpty)
    }

    func testNewTopicAndPrivateMessage() async throws {
        let bob = service(as: "bob")
        let created = try await bob.createPost(
            .topic(
                title: "How do I exclude a folder from sync?", raw: "I want Lumen to skip my node_modules folders.",
                categoryID: 3))
        guard case .created(let post) = created else { return XCTFail("bob (TL1) can post: \(created)") }
        XCTAssertEqual(post.postNumber, 1)
        let message = NewPost(
            raw: "Hi Alice, could you share your config file please?", title: "Your sync config",
            targetRecipients: "alice")
        guard case .created = try await bob.createPost(message) else { return XCTFail("a private message") }
    }

    func testLikeUnlikeBookmarkAndFlag() async throws {
        let bob = service(as: "bob")
        let topic = try await openHowToTopic(bob)
        let target = try XCTUnwrap(topic.posts.first { $0.username != "bob" && !$0.liked })
        let liked = try await bob.like(postID: target.id)
        XCTAssertEqual(liked.likeCount, target.likeCount + 1)
        XCTAssertTrue(liked.liked)
        let unliked = try await bob.unlike(postID: target.id)
        XCTAssertEqual(unliked.likeCount, target.likeCount)

        let bookmark = try await bob.bookmark(postID: target.id)
        XCTAssertGreaterThan(bookmark, 0)
        try await bob.deleteBookmark(id: bookmark)

        let flags = try await bob.siteMetadata().postFlagTypes
        let offTopic = try XCTUnwrap(flags.first { !$0.requireMessage })
        try await bob.flag(postID: target.id, flagTypeID: offTopic.id, message: nil)
        let flagged = try await bob.post(id: target.id)
        XCTAssertEqual(flagged.actionsSummary.first { $0.id == offTopic.id }?.acted, true, "the flag was recorded")
    }

    func testAcceptAndUnacceptASolution() async throws {
        let moderator = service(as: "moderator")
        let topic = try await openHowToTopic(moderator)
        let reply = try XCTUnwrap(topic.posts.dropFirst().first { $0.postType == 1 })
        try await moderator.acceptSolution(postID: reply.id)
        let accepted = try await moderator.topic(id: topic.id)
        XCTAssertEqual(accepted.acceptedAnswerPostNumber, reply.postNumber)
        try await moderator.unacceptSolution(postID: reply.id)
        let unaccepted = try await moderator.topic(id: topic.id)
        XCTAssertNil(unaccepted.acceptedAnswerPostNumber)
    }

    func testTimingsDraftsAndTopicStatus() async throws {
        let alice = service(as: "alice")
        let topic = try await openHowToTopic(alice)
        try await alice.recordTimings(topicID: topic.id, milliseconds: [1: 3000, 2: 2000])

        let key = "topic_\(topic.id)"
        let sequence = try await alice.saveDraft(Draft(key: key, data: #"{"reply":"half written"}"#, sequence: 0))
        let draft = try await alice.draft(key: key)
        XCTAssertEqual(draft?.data?.contains("half written"), true)
        let stale = await foraError { try await alice.saveDraft(Draft(key: key, data: "{}", sequence: sequence + 5)) }
        XCTAssertEqual(stale?.exitCode, 8, "a stale draft sequence is a conflict: \(String(describing: stale))")
        try await alice.deleteDraft(key: key, sequence: sequence)

        let denied = await foraError {
            try await alice.setTopicStatus(topicID: topic.id, status: .closed, enabled: true)
        }
        XCTAssertEqual(denied?.exitCode, 4)
        let moderator = service(as: "moderator")
        try await moderator.setTopicStatus(topicID: topic.id, status: .closed, enabled: true)
        let closed = try await moderator.topic(id: topic.id)
        XCTAssertTrue(closed.closed)
        try await moderator.setTopicStatus(topicID: topic.id, status: .closed, enabled: false)
        let reopened = try await moderator.topic(id: topic.id)
        XCTAssertFalse(reopened.closed)
    }

    func testReviewActionsWithVersionsAndClaims() async throws {
        let moderator = service(as: "moderator")
        let queue = try await moderator.reviewQueue(status: "pending")
        let flagged = try XCTUnwrap(queue.reviewables.first { $0.type == "ReviewableFlaggedPost" && $0.topicID != nil })
        let topicID = try XCTUnwrap(flagged.topicID)
        try await moderator.claim(topicID: topicID)
        let clash = await foraError { try await self.service(as: "mod2").claim(topicID: topicID) }
        XCTAssertEqual(clash?.exitCode, 8, "someone else's claim is a conflict: \(String(describing: clash))")
        try await moderator.unclaim(topicID: topicID)

        let action = try XCTUnwrap(queue.actions(for: flagged).flatMap(\.actions).first { $0.clientAction == nil })
        let stale = await foraError {
            try await moderator.performReviewAction(
                reviewableID: flagged.id, action: action.id, version: flagged.version + 7)
        }
        XCTAssertEqual(stale?.exitCode, 8, "a stale version is a conflict")
        let result = try await moderator.performReviewAction(
            reviewableID: flagged.id, action: action.id, version: flagged.version)
        XCTAssertTrue(result.success)
    }
}
