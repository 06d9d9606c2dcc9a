import ForaCore
import XCTest

@testable import ForaNet

/// Marking one notification read on the demo server, as opening it in the TUI does.
final class NotificationReadTests: DemoServerCase {
    func testMarkingOneNotificationReadLeavesTheOthersUnread() async throws {
        let alice = service(as: "alice")
        let before = try await alice.notifications().notifications
        let unread = before.filter { !$0.read }
        XCTAssertGreaterThanOrEqual(unread.count, 2, "alice is seeded with unread notifications")
        guard let first = unread.first else { return }
        try await alice.markNotificationRead(id: first.id)
        let after = try await alice.notifications().notifications
        XCTAssertEqual(after.first { $0.id == first.id }?.read, true)
        XCTAssertEqual(after.filter { !$0.read }.count, unread.count - 1, "only that one was marked")
    }

    func testSomeoneElsesNotificationCannotBeMarked() async throws {
        let bobs = try await service(as: "bob").notifications().notifications
        guard let id = bobs.first?.id else { return XCTFail("bob is seeded with notifications") }
        let error = await foraError { try await self.service(as: "alice").markNotificationRead(id: id) }
        guard case .notFound = error else {
            return XCTFail("the site does not let alice touch bob's notifications: \(String(describing: error))")
        }
    }
}

/// `/posted.json`, the source of the TUI's "mine" list and `fora mine`.
final class PostedListTests: DemoServerCase {
    func testPostedListsOnlyTopicsTheUserPostedIn() async throws {
        let alice = service(as: "alice")
        let posted = try await alice.topics(TopicListQuery(filter: .posted), upTo: 200)
        XCTAssertFalse(posted.isEmpty, "alice posted in seeded topics")
        let latest = try await alice.topics(TopicListQuery(filter: .latest), upTo: 200)
        XCTAssertLessThan(posted.count, latest.count, "not every topic")
        for topic in posted.filter({ $0.postsCount < 100 }).prefix(3) {
            let detail = try await alice.topic(id: topic.id)
            XCTAssertTrue(
                detail.posts.contains { $0.username == "alice" }, "alice has a post in \(topic.title)")
        }
        XCTAssertTrue(posted.contains { $0.unreadPosts > 0 }, "some have replies alice has not read")
    }

    func testPostedNeedsALogin() async throws {
        let error = await foraError { try await self.service(as: nil).topicList(TopicListQuery(filter: .posted)) }
        XCTAssertNotNil(error)
    }
}
