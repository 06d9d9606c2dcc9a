import ForaCore
import Foundation
import XCTest

@testable import ForaStore

/// A transport that answers from a script and records what it was asked: the sender's
/// state machine is tested here; `OutboxDemoServerTests` proves it against real HTTP.
final class ScriptedTransport: OutboxTransport, @unchecked Sendable {
    let username: String
    private let lock = NSLock()
    private var answers: [Result<OutboxResult, any Error>]
    private(set) var performed: [OutboxAction] = []
    var serverPosts: [RemotePost] = []
    private(set) var checks = 0
    /// Posts the account has liked on the "server".
    var liked: Set<Int> = []
    private(set) var topicChecks: [String] = []

    init(_ answers: [Result<OutboxResult, any Error>], username: String = "alice") {
        self.answers = answers
        self.username = username
    }

    func perform(_ action: OutboxAction) async throws -> OutboxResult {
        try lock.withLock {
            performed.append(action)
            return try (answers.isEmpty ? .success(OutboxResult(remoteID: 1)) : answers.removeFirst()).get()
        }
    }

    func recentPosts(topicID: Int, count: Int) async throws -> [RemotePost] {
        lock.withLock {
            checks += 1
            return serverPosts
        }
    }

    func recentTopics(createdBy username: String) async throws -> [RemoteTopic] {
        lock.withLock { topicChecks.append(username) }
        return []
    }

    func hasLiked(postID: Int) async throws -> Bool? { lock.withLock { liked.contains(postID) } }
}

final class OutboxTests: StoreTestCase {
    private var clock = Date(timeIntervalSince1970: 1_800_000_000)

    private func sender(_ transport: ScriptedTransport, maxAttempts: Int = 8) -> OutboxSender {
        var options = OutboxSender.Options()
        options.minimumInterval = .zero
        options.maxAttempts = maxAttempts
        let now = clock
        return OutboxSender(store: store, transport: transport, options: options, now: { now })
    }

    func testEnqueuedWritesAreDurableBeforeAnySend() throws {
        let item = try store.enqueue(.reply(topicID: 5, raw: "Thanks, that fixed it!", replyToPostNumber: 2))
        try store.close()
        store = try Store.open(at: path)
        let reopened = try store.outboxItem(id: item.id)
        XCTAssertEqual(reopened.state, .pending)
        XCTAssertEqual(reopened.action, .reply(topicID: 5, raw: "Thanks, that fixed it!", replyToPostNumber: 2))
    }

    func testAReplyPostponedWhileTheHostWasUnreachableIsDueOnceTheSiteAnswers() async throws {
        let transport = ScriptedTransport([.failure(ForaError.hostUnreachable(host: "demo.test"))])
        let reply = try store.enqueue(.reply(topicID: 5, raw: "Written on a train", replyToPostNumber: nil))
        let failed = try store.enqueue(.reply(topicID: 6, raw: "Refused", replyToPostNumber: nil))
        try store.finishAttempt(id: failed.id, state: .failed, reason: "too short", at: clock)
        _ = try await sender(transport).drain()
        let postponed = try store.outboxItem(id: reply.id)
        XCTAssertEqual(postponed.state, .pending)
        XCTAssertGreaterThan(postponed.nextAttemptAt, clock, "backed off")
        let nothingDue = try await sender(transport).drain()
        XCTAssertEqual(nothingDue.sent, [], "not due before its back-off ends")

        XCTAssertEqual(try store.wakeWaitingOutboxItems(at: clock), 1, "only the waiting reply")
        let report = try await sender(transport).drain()
        XCTAssertEqual(report.sent, [reply.id])
        XCTAssertEqual(try store.outboxItem(id: failed.id).state, .failed, "a refused item waits for the user")
        XCTAssertEqual(transport.performed.count, 2)
    }

    func testSendsOnceAndRecordsTheRemoteID() async throws {
        let transport = ScriptedTransport([.success(OutboxResult(remoteID: 321))])
        let item = try store.enqueue(.like(postID: 9, topicID: 1))
        let report = try await sender(transport).drain()
        XCTAssertEqual(report.sent, [item.id])
        XCTAssertEqual(try store.outboxItem(id: item.id).state, .sent)
        XCTAssertEqual(try store.outboxItem(id: item.id).remoteID, 321)
        let again = try await sender(transport).drain()
        XCTAssertEqual(again, OutboxSender.Report())
        XCTAssertEqual(transport.performed.count, 1)
    }

    func testServerRefusalsFailWithTheReasonAndConflictsAreKeptApart() async throws {
        let transport = ScriptedTransport([
            .failure(ForaError.validation(["Body is too short"])), .failure(ForaError.conflict("edit conflict")),
        ])
        let reply = try store.enqueue(.reply(topicID: 1, raw: "ok", replyToPostNumber: nil))
        let edit = try store.enqueue(.edit(postID: 3, topicID: 1, raw: "new", originalRaw: "old"))
        let report = try await sender(transport).drain()
        XCTAssertEqual(report.failed, [reply.id])
        XCTAssertEqual(report.conflicts, [edit.id])
        XCTAssertEqual(try store.outboxItem(id: reply.id).reason, "Body is too short")
        try store.retryOutboxItem(id: reply.id)
        XCTAssertEqual(try store.outboxItem(id: reply.id).state, .pending)
        try store.dropOutboxItem(id: edit.id)
        XCTAssertThrowsError(try store.outboxItem(id: edit.id))
    }

    func testRateLimitDefersEverythingUntilTheServersWait() async throws {
        let transport = ScriptedTransport([.failure(ForaError.rateLimited(waitSeconds: 30))])
        let first = try store.enqueue(.like(postID: 1, topicID: 1))
        let second = try store.enqueue(.like(postID: 2, topicID: 1))
        let report = try await sender(transport).drain()
        XCTAssertEqual(report.deferred, [first.id, second.id])
        XCTAssertEqual(report.nextAttemptAt, clock.addingTimeInterval(30))
        XCTAssertEqual(transport.performed.count, 1)
        XCTAssertEqual(try store.outboxItem(id: first.id).state, .pending)
        XCTAssertEqual(try store.dueOutboxItems(now: clock.addingTimeInterval(29)).map(\.id), [second.id])
    }

    func testTransientFailuresBackOffThenGiveUp() async throws {
        let transport = ScriptedTransport([
            .failure(ForaError.serverError(status: 503)), .failure(ForaError.serverError(status: 503)),
        ])
        let item = try store.enqueue(.like(postID: 1, topicID: 1))
        _ = try await sender(transport, maxAttempts: 2).drain()
        let deferred = try store.outboxItem(id: item.id)
        XCTAssertEqual(deferred.state, .pending)
        XCTAssertEqual(deferred.nextAttemptAt, clock.addingTimeInterval(2))
        clock = clock.addingTimeInterval(3)
        _ = try await sender(transport, maxAttempts: 2).drain()
        let failed = try store.outboxItem(id: item.id)
        XCTAssertEqual(failed.state, .failed)
        XCTAssertEqual(failed.reason, "gave up after 2 attempts: server error (HTTP 503)")
    }

    func testAReplyLeftSendingByACrashIsFoundOnTheServerNotResent() async throws {
        let transport = ScriptedTransport([])
        let item = try store.enqueue(.reply(topicID: 8, raw: "Try  resetting\nthe cache.", replyToPostNumber: nil))
        let crashed = OutboxClaimant(host: "elsewhere", pid: 1)
        _ = try store.claimOutboxItem(id: item.id, for: crashed, until: clock, now: clock)
        _ = try store.beginAttempt(id: item.id, claimant: crashed, leaseUntil: clock, at: clock)  // then it died
        transport.serverPosts = [
            RemotePost(id: 40, postNumber: 4, username: "bob", raw: "Try resetting the cache.", createdAt: clock),
            RemotePost(id: 41, postNumber: 5, username: "alice", raw: "Try resetting the cache.", createdAt: clock),
        ]
        let report = try await sender(transport).drain()
        XCTAssertEqual(report.alreadyOnServer, [item.id])
        XCTAssertEqual(try store.outboxItem(id: item.id).remoteID, 41)
        XCTAssertEqual(transport.performed, [])
    }

    func testAnUnknownOutcomeWithNothingOnTheServerIsSentAgain() async throws {
        let transport = ScriptedTransport([.failure(DroppedConnection())])
        let item = try store.enqueue(.reply(topicID: 8, raw: "Hello there", replyToPostNumber: nil))
        _ = try await sender(transport).drain()
        XCTAssertTrue(try store.outboxItem(id: item.id).outcomeUnknown)
        clock = clock.addingTimeInterval(10)
        let report = try await sender(transport).drain()
        XCTAssertEqual(report.sent, [item.id])
        XCTAssertEqual(transport.checks, 1)
        XCTAssertEqual(transport.performed.count, 2)
    }

    func testDuplicateCheckIgnoresOlderIdenticalPosts() {
        let attempt = Date(timeIntervalSince1970: 1_000_000)
        let old = RemotePost(
            id: 1, postNumber: 1, username: "alice", raw: "+1", createdAt: attempt.addingTimeInterval(-3600))
        XCTAssertNil(DuplicateCheck.matchingPost(for: "+1", by: "alice", since: attempt, in: [old]))
        let topics = [RemoteTopic(id: 5, title: "Backup  fails", createdAt: attempt)]
        XCTAssertEqual(DuplicateCheck.matchingTopic(for: "backup fails", since: attempt, in: topics)?.id, 5)
    }
}

/// Stands for a transfer cut after the request went out.
struct DroppedConnection: Error {}
