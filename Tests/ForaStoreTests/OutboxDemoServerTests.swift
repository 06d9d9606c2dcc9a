import DemoServer
import ForaCore
import Foundation
import XCTest

@testable import ForaStore

/// Exactly-once delivery against real HTTP misbehaviour.
final class OutboxDemoServerTests: DemoServerStoreTestCase {
    private func liveSender() -> OutboxSender {
        var options = OutboxSender.Options()
        options.minimumInterval = .zero
        options.baseBackoff = 0  // due again at once: these tests drain by hand
        return OutboxSender(store: store, transport: transport, options: options)
    }

    /// An open topic alice may reply to.
    private func openTopicID() async throws -> Int {
        let page = try await source.listPage(.latest, page: 0)
        return try XCTUnwrap(page.topics.first { !$0.topic.closed && !$0.topic.pinned }?.topic.id)
    }

    private func copiesOnServer(_ raw: String, topicID: Int) async throws -> [RemotePost] {
        try await transport.recentPosts(topicID: topicID, count: 50).filter { $0.raw == raw }
    }

    func testAReplyWhoseResponseWasDroppedIsNotPostedTwice() async throws {
        let topicID = try await openTopicID()
        let raw = "Dropped-connection reply \(UUID().uuidString): it should appear once."
        let item = try store.enqueue(.reply(topicID: topicID, raw: raw, replyToPostNumber: nil))
        server.faults.update { $0.dropConnection = FaultSchedule(next: 1) }
        let sender = liveSender()

        let first = try await withDeadline { try await sender.drain() }
        XCTAssertEqual(first.deferred, [item.id], "the answer was lost in transit")
        XCTAssertTrue(try store.outboxItem(id: item.id).outcomeUnknown)
        let onServer = try await copiesOnServer(raw, topicID: topicID)
        XCTAssertEqual(onServer.count, 1, "the server did apply it")

        let second = try await withDeadline { try await sender.drain() }
        XCTAssertEqual(second.alreadyOnServer, [item.id])
        XCTAssertEqual(try store.outboxItem(id: item.id).state, .sent)
        XCTAssertEqual(try store.outboxItem(id: item.id).remoteID, onServer.first?.id)
        XCTAssertEqual(box.requests("POST /posts.json"), 1)
        let copies = try await copiesOnServer(raw, topicID: topicID)
        XCTAssertEqual(copies.count, 1)
    }

    func testAReplyWrittenOfflineIsSentExactlyOnceAfterTheServerReturns() async throws {
        let topicID = try await openTopicID()
        await server.stop()
        let raw = "Written offline \(UUID().uuidString), delivered when the server is back."
        let item = try store.enqueue(.reply(topicID: topicID, raw: raw, replyToPostNumber: nil))
        let sender = liveSender()
        let offline = try await withDeadline { try await sender.drain() }
        XCTAssertEqual(offline.deferred, [item.id])
        XCTAssertEqual(try store.outboxItem(id: item.id).state, .pending)
        XCTAssertFalse(try store.outboxItem(id: item.id).outcomeUnknown, "a refused connection sent nothing")

        try await restartServer()
        let online = try await withDeadline { try await sender.drain() }
        XCTAssertEqual(online.sent, [item.id])
        let again = try await withDeadline { try await sender.drain() }
        XCTAssertEqual(again, OutboxSender.Report())
        let copies = try await copiesOnServer(raw, topicID: topicID)
        let remoteID = try XCTUnwrap(try store.outboxItem(id: item.id).remoteID)
        XCTAssertEqual(copies.map(\.id), [remoteID])
    }

    func testAReplyLeftSendingByAKilledProcessIsNotPostedTwice() async throws {
        let topicID = try await openTopicID()
        let raw = "Sent just before a kill -9 \(UUID().uuidString), never twice."
        let item = try store.enqueue(.reply(topicID: topicID, raw: raw, replyToPostNumber: nil))
        // The dead process: it committed `sending`, posted, and died before recording it.
        let dead = OutboxClaimant(host: "elsewhere", pid: 1)
        _ = try store.claimOutboxItem(id: item.id, for: dead, until: Date(), now: Date())
        _ = try store.beginAttempt(id: item.id, claimant: dead, leaseUntil: Date(), at: Date())
        _ = try await transport.perform(item.action)
        let sender = liveSender()
        let report = try await withDeadline { try await sender.drain() }
        XCTAssertEqual(report.alreadyOnServer, [item.id])
        let copies = try await copiesOnServer(raw, topicID: topicID)
        XCTAssertEqual(copies.count, 1)
    }

    func testReadTimingsAndLikesAreDelivered() async throws {
        let topicID = try await openTopicID()
        let engine = engine(limit: 5)
        _ = try await withDeadline { try await engine.run() }
        let firstPost = try XCTUnwrap(try store.posts(topicID: topicID).first)
        try store.markRead(topicID: topicID, upTo: 1, timings: [1: 3000])
        try store.flushTimings()
        try store.enqueue(.like(postID: firstPost.id, topicID: topicID))
        let sender = liveSender()
        let report = try await withDeadline { try await sender.drain() }
        XCTAssertEqual(report.sent.count, 2, "\(String(describing: try? store.outboxItems()))")
        XCTAssertEqual(box.requests("POST /topics/timings"), 1)
    }
}
