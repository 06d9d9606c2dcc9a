import ForaCore
import Foundation
import XCTest

@testable import ForaStore

/// Claims on outbox items: two senders on one store (the interface and `fora outbox send`,
/// or two scripts) never send one write twice, and a claim left by a dead sender is taken over.
final class OutboxClaimTests: StoreTestCase {
    private let clock = Date(timeIntervalSince1970: 1_800_000_000)

    private func sender(_ transport: any OutboxTransport, maxAttempts: Int = 8) -> OutboxSender {
        var options = OutboxSender.Options()
        options.minimumInterval = .zero
        options.maxAttempts = maxAttempts
        let now = clock
        return OutboxSender(store: store, transport: transport, options: options, now: { now })
    }

    func testALiveClaimIsNeverTakenOver() async throws {
        let item = try store.enqueue(.reply(topicID: 5, raw: "Only once, please", replyToPostNumber: nil))
        let other = OutboxClaimant()  // this (live) process, another sender in it
        XCTAssertNotNil(
            try store.claimOutboxItem(id: item.id, for: other, until: clock.addingTimeInterval(600), now: clock))
        XCTAssertTrue(try store.beginAttempt(id: item.id, claimant: other, leaseUntil: clock + 600, at: clock))
        let transport = ScriptedTransport([])
        let report = try await sender(transport).drain()
        XCTAssertEqual(report.claimedElsewhere, [item.id])
        XCTAssertEqual(transport.performed, [])
        XCTAssertEqual(transport.checks, 0, "not even checked while another sender holds it")
        XCTAssertEqual(try store.outboxItem(id: item.id).leaseOwner, other.id)
    }

    func testASecondClaimFailsAndOnlyTheHolderMayStartTheAttempt() throws {
        let item = try store.enqueue(.like(postID: 9, topicID: nil))
        let first = OutboxClaimant()
        let second = OutboxClaimant()
        XCTAssertNotNil(try store.claimOutboxItem(id: item.id, for: first, until: clock + 600, now: clock))
        XCTAssertNil(try store.claimOutboxItem(id: item.id, for: second, until: clock + 600, now: clock))
        XCTAssertFalse(try store.beginAttempt(id: item.id, claimant: second, leaseUntil: clock + 600, at: clock))
        XCTAssertEqual(try store.outboxItem(id: item.id).state, .pending)
        XCTAssertThrowsError(try store.dropOutboxItem(id: item.id, at: clock), "a claimed item is not dropped")
    }

    func testAnExpiredClaimIsTakenOverAndCheckedBeforeAnyResend() async throws {
        let item = try store.enqueue(.reply(topicID: 8, raw: "Try resetting the cache.", replyToPostNumber: nil))
        let gone = OutboxClaimant(host: "another-machine", pid: 4242)
        _ = try store.claimOutboxItem(id: item.id, for: gone, until: clock.addingTimeInterval(-600), now: clock - 900)
        XCTAssertTrue(try store.beginAttempt(id: item.id, claimant: gone, leaseUntil: clock - 1, at: clock - 900))
        let transport = ScriptedTransport([])
        transport.serverPosts = [
            RemotePost(id: 41, postNumber: 5, username: "alice", raw: "Try resetting the cache.", createdAt: clock)
        ]
        let report = try await sender(transport).drain()
        XCTAssertEqual(report.alreadyOnServer, [item.id])
        XCTAssertEqual(transport.checks, 1)
        XCTAssertEqual(transport.performed, [])
        XCTAssertNil(try store.outboxItem(id: item.id).leaseOwner, "the claim is released")
    }

    func testAClaimLeftByAProcessThatDiedHereIsTakenOverBeforeItExpires() async throws {
        let item = try store.enqueue(.reply(topicID: 8, raw: "Hello there", replyToPostNumber: nil))
        let dead = OutboxClaimant(pid: try pidOfAnEndedProcess())
        _ = try store.claimOutboxItem(id: item.id, for: dead, until: clock + 600, now: clock)
        XCTAssertTrue(try store.beginAttempt(id: item.id, claimant: dead, leaseUntil: clock + 600, at: clock))
        let transport = ScriptedTransport([])
        let report = try await sender(transport).drain()
        XCTAssertEqual(report.sent, [item.id])
        XCTAssertEqual(transport.checks, 1, "its outcome was unknown: checked first")
    }

    func testTwoSendersAtOnceSendEachItemOnce() async throws {
        let reply = try store.enqueue(.reply(topicID: 3, raw: "Both senders see me", replyToPostNumber: nil))
        let like = try store.enqueue(.like(postID: 12, topicID: 3))
        let transport = SlowTransport()
        let one = sender(transport)
        let other = sender(transport)
        async let first = one.drain()
        async let second = other.drain()
        let reports = try await [first, second]
        XCTAssertEqual(transport.performed.count, 2, "\(transport.performed)")
        XCTAssertEqual(Set(transport.performed.map(\.kind)), ["reply", "like"])
        XCTAssertEqual(Set(reports.flatMap(\.sent)), [reply.id, like.id])
        XCTAssertEqual(try store.outboxItems(states: [.sent]).count, 2)
    }

    func testALikeWhoseAnswerWasLostIsFoundAppliedNotResent() async throws {
        let item = try store.enqueue(.like(postID: 77, topicID: 4))
        let transport = ScriptedTransport([.failure(DroppedConnection())])
        _ = try await sender(transport).drain()
        XCTAssertTrue(try store.outboxItem(id: item.id).outcomeUnknown)
        transport.liked = [77]  // the lost attempt was applied
        try store.wakeWaitingOutboxItems(at: clock)
        let report = try await sender(transport).drain()
        XCTAssertEqual(report.alreadyOnServer, [item.id])
        XCTAssertEqual(try store.outboxItem(id: item.id).state, .sent)
        XCTAssertEqual(transport.performed.count, 1, "not sent again")
    }

    func testALikeRefusedAsAlreadyPerformedCountsAsSent() async throws {
        let item = try store.enqueue(.like(postID: 78, topicID: 4))
        let transport = ScriptedTransport([.failure(ForaError.forbidden("You already performed this action."))])
        transport.liked = [78]
        let report = try await sender(transport).drain()
        XCTAssertEqual(report.alreadyOnServer, [item.id])
        XCTAssertEqual(try store.outboxItem(id: item.id).state, .sent)
    }

    func testATopicThatCannotBeCheckedCountsAttemptsAndEnds() async throws {
        let item = try store.enqueue(.newTopic(title: "Printer on fire", raw: "Help", categoryID: nil, tags: []))
        try store.finishAttempt(id: item.id, state: .pending, reason: "dropped", outcomeUnknown: true, at: clock)
        let transport = ScriptedTransport([], username: "")
        for _ in 0..<3 {
            try store.wakeWaitingOutboxItems(at: clock)
            _ = try await sender(transport, maxAttempts: 3).drain()
        }
        let ended = try store.outboxItem(id: item.id)
        XCTAssertEqual(ended.state, .failed)
        XCTAssertEqual(ended.attempts, 3)
        XCTAssertTrue(ended.reason?.contains("username is unknown") == true, ended.reason ?? "")
        XCTAssertEqual(transport.topicChecks, [], "never asks for topics created by an empty name")
        XCTAssertEqual(transport.performed, [], "never sent blind")
    }

    private func pidOfAnEndedProcess() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}

/// Answers every send after a pause, so two senders overlap.
final class SlowTransport: OutboxTransport, @unchecked Sendable {
    let username = "alice"
    private let lock = NSLock()
    private var sent: [OutboxAction] = []
    var performed: [OutboxAction] { lock.withLock { sent } }

    func perform(_ action: OutboxAction) async throws -> OutboxResult {
        try await Task.sleep(for: .milliseconds(300))
        lock.withLock { sent.append(action) }
        return OutboxResult(remoteID: 1)
    }

    func recentPosts(topicID: Int, count: Int) async throws -> [RemotePost] { [] }
    func recentTopics(createdBy username: String) async throws -> [RemoteTopic] { [] }
}
