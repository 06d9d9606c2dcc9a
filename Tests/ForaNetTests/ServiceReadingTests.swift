import DemoServer
import ForaCore
import Foundation
import XCTest

@testable import ForaNet

/// Every reading call against the seeded demo community.
final class ServiceReadingTests: DemoServerCase {
    static let megathread = 10

    func testTheWholeMegathreadArrivesInOrder() async throws {
        let topic = try await service(parallel: 4).topic(id: Self.megathread)
        XCTAssertEqual(topic.title, "Share your Lumen setup")
        XCTAssertEqual(topic.posts.count, 1500, "every post, not only the first chunk")
        XCTAssertEqual(topic.posts.map(\.id), topic.stream)
        XCTAssertEqual(topic.posts.map(\.postNumber), Array(1...1500))
        XCTAssertEqual(topic.posts.first?.username, "carol")
        XCTAssertTrue(topic.missingPostIDs.isEmpty)
    }

    func testPostIDsAfterANumberForShortenedStreams() async throws {
        let service = self.service()
        let ids = try await service.postIDs(topicID: Self.megathread, after: 1490)
        let topic = try await service.topic(id: Self.megathread)
        XCTAssertEqual(ids, Array(topic.stream.suffix(10)))
    }

    func testBatchSizeDoesNotChangeTheTopic() async throws {
        var small = service(parallel: 8)
        small.postBatchSize = 7
        let a = try await small.topic(id: Self.megathread)
        let b = try await service(parallel: 1).topic(id: Self.megathread)
        XCTAssertEqual(a.posts.map(\.id), b.posts.map(\.id))
    }

    func testTopicListsByFilterCategoryTagAndPage() async throws {
        let service = self.service()
        let latest = try await service.latestTopics(page: 0)
        XCTAssertEqual(latest.topics.count, 30)
        XCTAssertTrue(latest.hasMore)
        XCTAssertFalse(latest.users.isEmpty, "users are side-loaded")
        let second = try await service.latestTopics(page: 1)
        XCTAssertTrue(Set(latest.topics.map(\.id)).isDisjoint(with: second.topics.map(\.id)))
        let many = try await service.latestTopics(upTo: 45)
        XCTAssertEqual(many.count, 45)

        let top = try await service.topicList(TopicListQuery(filter: .top(.all)))
        XCTAssertFalse(top.topics.isEmpty)
        let howTo = try await service.topicList(TopicListQuery(category: .init(slug: "how-to", id: 3)))
        XCTAssertFalse(howTo.topics.isEmpty)
        XCTAssertTrue(howTo.topics.allSatisfy { $0.categoryID == 3 }, "\(howTo.topics.map(\.categoryID))")
        let tagged = try await service.topicList(TopicListQuery(tag: "sync"))
        XCTAssertFalse(tagged.topics.isEmpty)
        _ = try await service.topicList(TopicListQuery(filter: .new))
        _ = try await service.topicList(TopicListQuery(filter: .unread))
    }

    func testCategoriesSiteAndCapabilities() async throws {
        let service = self.service(as: "moderator")
        let categories = try await service.categories()
        XCTAssertEqual(categories.count, 7)
        XCTAssertTrue(categories.contains { $0.slug == "how-to" })
        let info = try await service.siteInfo()
        XCTAssertEqual(info.title, "Lumen Community")
        let metadata = try await service.siteMetadata()
        XCTAssertFalse(metadata.postFlagTypes.isEmpty)
        XCTAssertFalse(metadata.postFlagTypes.contains { $0.id == PostActionSummary.likeTypeID })
        XCTAssertFalse(metadata.notificationTypes.isEmpty)
        let settings = try await service.siteSettings()
        XCTAssertEqual(settings.minPostLength, 20)
        let capabilities = try await service.capabilities()
        XCTAssertEqual(capabilities.userAPIKeyVersion, 4)
        XCTAssertTrue(capabilities.deviceFlow)
        XCTAssertTrue(capabilities.solvedEnabled)
        XCTAssertTrue(capabilities.reviewQueueVisible)
        let aliceCapabilities = try await self.service(as: "alice").capabilities()
        XCTAssertFalse(aliceCapabilities.reviewQueueVisible)
    }

    func testSinglePostWithRawAndRawMarkdown() async throws {
        let service = self.service()
        let topic = try await service.topic(id: 1)
        let first = try XCTUnwrap(topic.posts.first)
        let post = try await service.post(id: first.id)
        XCTAssertEqual(post.id, first.id)
        let raw = try XCTUnwrap(post.raw)
        XCTAssertFalse(raw.isEmpty)
        let markdown = try await service.rawMarkdown(postID: first.id)
        XCTAssertEqual(
            markdown.trimmingCharacters(in: .whitespacesAndNewlines),
            raw.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func testSearchWithFilters() async throws {
        let service = self.service()
        let result = try await service.search("sync", page: 1)
        XCTAssertFalse(result.posts.isEmpty)
        for post in result.posts { XCTAssertNotNil(result.topic(for: post)) }
        let byUser = try await service.search("sync @carol", page: 1)
        XCTAssertTrue(byUser.posts.allSatisfy { $0.username == "carol" }, "\(byUser.posts.map(\.username))")
    }

    func testNotificationsProfilesAndPrivateMessages() async throws {
        let service = self.service(as: "alice")
        let notifications = try await service.notifications()
        XCTAssertFalse(notifications.notifications.isEmpty)
        XCTAssertTrue(notifications.notifications.contains { $0.typeName == "mentioned" })
        let me = try await service.currentUser()
        XCTAssertEqual(me.username, "alice")
        let carol = try await service.user(username: "carol")
        XCTAssertEqual(carol.username, "carol")
        XCTAssertEqual(carol.trustLevel, 3)
        let messages = try await service.privateMessages(username: "alice")
        XCTAssertFalse(messages.topics.isEmpty)
        let missing = await foraError { try await service.user(username: "nobody-here") }
        XCTAssertEqual(missing?.exitCode, 5)
    }

    func testReviewQueueAndReviewableDetail() async throws {
        let service = self.service(as: "moderator")
        let queue = try await service.reviewQueue(status: "pending")
        XCTAssertFalse(queue.reviewables.isEmpty)
        XCTAssertEqual(queue.totalRows, 14)
        let first = try XCTUnwrap(queue.reviewables.first)
        XCTAssertFalse(queue.actions(for: first).isEmpty, "actions come from the payload")
        let detail = try await service.reviewable(id: first.id)
        XCTAssertEqual(detail.reviewables.map(\.id), [first.id])
        XCTAssertFalse(detail.actions(for: detail.reviewables[0]).isEmpty)
    }
}
