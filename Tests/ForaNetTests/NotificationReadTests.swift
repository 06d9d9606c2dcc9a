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
