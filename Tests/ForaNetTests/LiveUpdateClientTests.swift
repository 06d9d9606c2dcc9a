import DemoServer
import ForaCore
import Foundation
import XCTest

@testable import DiscourseBackend
@testable import ForaNet

/// Live updates against the demo server: over the message bus, and through the polling
/// fallback when the bus is switched off.
final class LiveUpdateClientTests: DemoServerCase {
    private func client(as username: String, fallbackInterval: Double = 30) -> LiveUpdateClient {
        var options = LiveUpdateClient.Options()
        options.fallbackInterval = fallbackInterval
        options.baseBackoff = 0.1
        return LiveUpdateClient(service: service(as: username), options: options)
    }

    private func reply(to topicID: Int, as username: String) async throws -> Post {
        let posted = try await service(as: username).createPost(
            .reply(to: topicID, raw: "A reply the live updates should report at once."))
        guard case .created(let post) = posted else { throw ForaError.other("\(username) could not reply") }
        return post
    }

    /// Asks for events until one matches, for at most `seconds`; returns how long it took.
    private static func waitFor(
        _ client: LiveUpdateClient, seconds: Double, _ match: @escaping @Sendable (LiveEvent) -> Bool
    ) async throws -> Double {
        let started = Date()
        while Date().timeIntervalSince(started) < seconds {
            let events = try await Self.withDeadline(seconds: seconds) { await client.nextEvents() }
            if events.contains(where: match) { return Date().timeIntervalSince(started) }
        }
        throw ForaError.other("no matching event within \(seconds) s")
    }

    func testAReplyArrivesOnTheOpenTopicWithinTwoSeconds() async throws {
        let live = client(as: "bob")
        await live.watchTopic(1)
        let first = await live.nextEvents()
        XCTAssertTrue(first.contains { if case .notificationCounts = $0 { true } else { false } }, "\(first)")
        XCTAssertFalse(first.contains(.reviewCount(0)), "bob is not staff")

        // The reply is posted while the long poll waits.
        let listening = Task { try await LiveUpdateClientTests.waitFor(live, seconds: 10, isReplyToTopicOne) }
        try await Task.sleep(nanoseconds: 300_000_000)
        let posted = Date()
        _ = try await reply(to: 1, as: "alice")
        _ = try await listening.value
        let latency = Date().timeIntervalSince(posted)
        XCTAssertLessThan(latency, 2, "the long poll answers as soon as the reply is published")
        let mode = await live.mode
        XCTAssertEqual(mode, .messageBus)
    }

    func testWithoutTheMessageBusPollingStillReportsTheReply() async throws {
        server.faults.update { $0.messageBusDisabled = true }
        let live = client(as: "bob", fallbackInterval: 0.3)
        await live.watchTopic(1)
        let first = await live.nextEvents()
        XCTAssertTrue(first.contains(.mode(.polling)), "a 404 on the bus switches to polling: \(first)")
        // The first round takes the snapshot.
        _ = await live.nextEvents()
        let post = try await reply(to: 1, as: "alice")
        let took = try await Self.waitFor(live, seconds: 5) {
            $0 == .topicChanged(topicID: 1, postNumber: post.postNumber, kind: "created")
        }
        XCTAssertLessThan(took, 2)
        let mode = await live.mode
        XCTAssertEqual(mode, .polling)
    }

    func testStaffHearTheReviewCountChangeWhenSomeoneFlags() async throws {
        let live = client(as: "moderator")
        let first = await live.nextEvents()
        guard let before = first.compactMap({ if case .reviewCount(let n) = $0 { n } else { nil } }).first else {
            return XCTFail("staff get the review count at once: \(first)")
        }
        let carol = service(as: "carol")
        let target = try await carol.topic(id: 2).posts[0]
        let flags = try await carol.siteMetadata().postFlagTypes
        let offTopic = try XCTUnwrap(flags.first { !$0.requireMessage })
        try await carol.flag(postID: target.id, flagTypeID: offTopic.id, message: nil)
        _ = try await Self.waitFor(live, seconds: 5) { $0 == .reviewCount(before + 1) }
    }

    func testTopicSwitchEndsTheWaitingPoll() async throws {
        let live = client(as: "bob")
        _ = await live.nextEvents()
        let listening = Task { await live.nextEvents() }
        try await Task.sleep(nanoseconds: 300_000_000)
        let started = Date()
        await live.watchTopic(2)
        _ = try await Self.withDeadline(seconds: 5) { await listening.value }
        XCTAssertLessThan(Date().timeIntervalSince(started), 2, "a new topic does not wait for the 25 s poll")
    }

    func testMessagesBecomeEvents() {
        func message(_ channel: String, _ json: String) -> MessageBusMessage {
            MessageBusMessage(channel: channel, messageID: 1, data: Data(json.utf8))
        }
        XCTAssertEqual(
            LiveChannels.event(from: message("/topic/7", #"{"id":3,"post_number":4,"type":"created"}"#)),
            .topicChanged(topicID: 7, postNumber: 4, kind: "created"))
        XCTAssertEqual(
            LiveChannels.event(from: message("/topic/7", #"{"reload_topic":true}"#)),
            .topicChanged(topicID: 7, postNumber: nil, kind: "reload"))
        XCTAssertEqual(
            LiveChannels.event(from: message("/latest", #"{"topic_id":9,"message_type":"latest"}"#)),
            .listChanged(topicID: 9))
        XCTAssertEqual(
            LiveChannels.event(
                from: message("/notification/5", #"{"unread_notifications":3,"unread_high_priority_notifications":1}"#)),
            .notificationCounts(unread: 3, highPriority: 1))
        XCTAssertEqual(
            LiveChannels.event(from: message("/reviewable_counts/5", #"{"reviewable_count":12}"#)), .reviewCount(12))
        XCTAssertNil(LiveChannels.event(from: message("/topic/7", #"{"something":"else"}"#)))
        XCTAssertNil(LiveChannels.event(from: message("/unknown", "{}")))
        XCTAssertEqual(
            LiveChannels.subscriptions(userID: 5, isStaff: true, topicID: 7),
            ["/latest", "/new", "/notification/5", "/reviewable_counts/5", "/reviewable_counts", "/topic/7"])
        XCTAssertEqual(LiveChannels.subscriptions(userID: nil, isStaff: false, topicID: nil), ["/latest", "/new"])
    }

    func testBackoffDoublesUpToTheMaximum() {
        let waits = (1...8).map { LiveUpdateClient.backoff(failures: $0, base: 1, maximum: 60) }
        XCTAssertEqual(waits, [1, 2, 4, 8, 16, 32, 60, 60])
    }

    private static func withDeadline<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () async throws -> T)
        async throws -> T
    {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
                return nil
            }
            guard let first = try await group.next(), let value = first else {
                group.cancelAll()
                throw ForaError.other("timed out after \(seconds) s")
            }
            group.cancelAll()
            return value
        }
    }
}

@Sendable private func isReplyToTopicOne(_ event: LiveEvent) -> Bool {
    guard case .topicChanged(let topicID, _, let kind) = event else { return false }
    return topicID == 1 && kind == "created"
}
