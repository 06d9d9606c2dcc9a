import Foundation
import XCTest

@testable import DemoCommunity

/// The review queue and the notifications point at real posts, people and topics.
final class ModerationAndNotificationTests: XCTestCase {
    private let data = Generated.seeded.data

    private func post(_ postId: Int) -> DemoPost? {
        data.topicId(ofPost: postId).flatMap { data.postsByTopic[$0]?.first { $0.id == postId } }
    }

    func testPendingReviewQueue() throws {
        let pending = data.reviewables.values.filter { $0.status == .pending }
        XCTAssertGreaterThanOrEqual(pending.count, 12)
        let flagged = pending.filter { $0.kind == .flaggedPost }
        XCTAssertGreaterThanOrEqual(flagged.count, 9)
        for reviewable in flagged {
            let target = try XCTUnwrap(reviewable.postId.flatMap(post), "reviewable \(reviewable.id) flags a real post")
            XCTAssertEqual(reviewable.targetUserId, target.userId)
            XCTAssertEqual(reviewable.topicId, target.topicId)
            XCTAssertEqual(reviewable.categoryId, data.topics[target.topicId]?.categoryId)
            XCTAssertTrue((1...3).contains(reviewable.scores.count))
            XCTAssertEqual(Set(reviewable.scores.map(\.userId)).count, reviewable.scores.count, "different flaggers")
            XCTAssertFalse(reviewable.scores.contains { $0.userId == target.userId }, "nobody flags themselves")
        }
        XCTAssertEqual(Set(flagged.flatMap(\.scores).map(\.scoreType)), [3, 4, 7, 8])
        XCTAssertTrue(
            flagged.flatMap(\.scores).filter { $0.scoreType == 7 }.allSatisfy { $0.message?.isEmpty == false })
        XCTAssertEqual(Set(pending.map(\.actionStyle)), [.legacy, .refreshed])

        let queued = pending.filter { $0.kind == .queuedPost }
        XCTAssertGreaterThanOrEqual(queued.count, 2)
        XCTAssertTrue(queued.allSatisfy { $0.payloadRaw?.isEmpty == false })
        XCTAssertTrue(queued.contains { $0.payloadTitle != nil && $0.categoryId != nil }, "a held new topic")
        XCTAssertTrue(queued.contains { $0.topicId.flatMap { data.topics[$0] } != nil }, "a held reply")
        XCTAssertEqual(pending.filter { $0.kind == .user }.count, 1)
    }

    func testTheSpammerHasAFlagHistory() throws {
        let spammer = try XCTUnwrap(data.user(named: "spammy_deals"))
        let against = data.reviewables.values.filter { $0.targetUserId == spammer.id }
        XCTAssertGreaterThanOrEqual(against.filter { $0.kind == .flaggedPost }.count, 3)
        XCTAssertTrue(against.contains { $0.kind == .user })
    }

    func testHandledItemsForTheStatusFilters() {
        let statuses = Set(data.reviewables.values.map(\.status))
        XCTAssertTrue(statuses.isSuperset(of: [.pending, .approved, .rejected, .ignored]))
        for reviewable in data.reviewables.values where reviewable.status != .pending {
            XCTAssertNotNil(reviewable.reviewedById)
            XCTAssertNotNil(reviewable.reviewedAt)
        }
    }

    func testNotificationsReferToRealPostsTheUserCanSee() throws {
        for notification in data.notifications.values {
            XCTAssertLessThan(notification.createdAt, data.generatedAt)
            guard let topicId = notification.topicId else {
                XCTAssertEqual(notification.notificationType, 12, "only badges stand alone")
                continue
            }
            let topic = try XCTUnwrap(data.topics[topicId])
            XCTAssertEqual(notification.slug, topic.slug)
            XCTAssertEqual(notification.data["topic_title"], topic.title)
            if topic.isPrivateMessage { XCTAssertTrue(topic.allowedUserIds.contains(notification.userId)) }
            let number = try XCTUnwrap(notification.postNumber)
            let post = try XCTUnwrap(data.postsByTopic[topicId]?.first { $0.postNumber == number })
            if let original = notification.data["original_post_id"] { XCTAssertEqual(original, String(post.id)) }
            XCTAssertLessThanOrEqual(post.createdAt, notification.createdAt)
        }
    }

    func testNotificationKindsMatchWhatHappened() throws {
        for username in ["alice", "bob", "moderator"] {
            let user = try XCTUnwrap(data.user(named: username))
            let mine = data.notifications.values.filter { $0.userId == user.id }
            XCTAssertGreaterThanOrEqual(Set(mine.map(\.notificationType)).count, 4, username)
            XCTAssertTrue(mine.contains { $0.read } && mine.contains { !$0.read }, username)
            for notification in mine {
                let post = notification.topicId.flatMap { id in
                    data.postsByTopic[id]?.first { $0.postNumber == notification.postNumber }
                }
                switch notification.notificationType {
                case 1: XCTAssertTrue(post?.cooked.contains("href=\"/u/\(username)\"") ?? false)
                case 3: XCTAssertTrue(post?.cooked.contains("data-username=\"\(username)\"") ?? false)
                case 5, 14: XCTAssertEqual(post?.userId, user.id, "liked or accepted: \(username)'s own post")
                case 2:
                    let target = try XCTUnwrap(post?.replyToPostNumber)
                    XCTAssertEqual(
                        data.postsByTopic[notification.topicId ?? 0]?.first { $0.postNumber == target }?.userId, user.id
                    )
                default: break
                }
            }
        }
        let alice = try XCTUnwrap(data.user(named: "alice"))
        let aliceKinds = Set(data.notifications.values.filter { $0.userId == alice.id }.map(\.notificationType))
        XCTAssertTrue(
            aliceKinds.isSuperset(of: [1, 2, 3, 5, 6, 12, 14]), "alice has every kind: \(aliceKinds.sorted())")
        let solution = try XCTUnwrap(data.notifications.values.first { $0.notificationType == 14 })
        XCTAssertEqual(solution.data["message"], "solved.accepted_notification")
    }
}
