// Live updates over the message-bus poll: positions, messages after a write, long polling
// that wakes on news or times out, and channels private to their user.
import Foundation
import XCTest

@testable import DemoServer

final class FeedMessageBusTests: WriteServerTestCase {
    func poll(_ channels: [(String, Int)], longPoll: Bool = false, headers: [String: String] = [:]) async throws
        -> [[String: Any]]
    {
        let response = try await Self.poll(client, channels, longPoll: longPoll, headers: headers)
        XCTAssertEqual(response.status, 200, response.text)
        return try XCTUnwrap(try response.json() as? [[String: Any]])
    }

    /// A form-encoded poll; static so a concurrent task can run it without the test case.
    static func poll(
        _ client: RawHTTPClient, _ channels: [(String, Int)], longPoll: Bool, headers: [String: String] = [:]
    )
        async throws -> RawHTTPResponse
    {
        let path = "/message-bus/test-client/poll" + (longPoll ? "" : "?dlp=t")
        let body = channels.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        return try await client.send(
            "POST", path, headers: headers.merging(["Content-Type": "application/x-www-form-urlencoded"]) { $1 },
            body: Data(body.utf8))
    }

    func testMinusOneAnswersTheCurrentPosition() async throws {
        let messages = try await poll([("/topic/\(Fixture.unsolvedTopicId)", -1), ("/latest", -1)])
        XCTAssertEqual(messages.count, 1)
        XCTAssertEqual(messages.first?.string("channel"), "/__status")
        XCTAssertEqual(messages.first?.object("data")?.int("/latest"), 0)
    }

    func testAReplyIsAnnouncedOnItsTopicAndOnLatest() async throws {
        let reply = try await sendJSON(
            "POST", "/posts.json",
            [
                "topic_id": Fixture.unsolvedTopicId, "raw": "Announced on the bus, hopefully.",
            ], headers: alice)
        XCTAssertEqual(reply.status, 200)
        let messages = try await poll([("/topic/\(Fixture.unsolvedTopicId)", 0), ("/latest", 0)])
        let topicMessage = try XCTUnwrap(messages.first { $0.string("channel") == "/topic/\(Fixture.unsolvedTopicId)" })
        XCTAssertEqual(topicMessage.object("data")?.string("type"), "created")
        XCTAssertEqual(topicMessage.object("data")?.int("post_number"), 2)
        XCTAssertEqual(topicMessage.int("message_id"), 1)
        let latest = try XCTUnwrap(messages.first { $0.string("channel") == "/latest" })
        XCTAssertEqual(latest.object("data")?.int("topic_id"), Fixture.unsolvedTopicId)
        // Nothing newer than what was seen.
        let again = try await poll([("/topic/\(Fixture.unsolvedTopicId)", 1)])
        XCTAssertTrue(again.isEmpty)
    }

    func testLongPollWakesOnNews() async throws {
        LiveUpdates.of(server.state).longPollSeconds = 10
        let started = Date()
        let client = self.client
        let waiting = Task { try await FeedMessageBusTests.poll(client, [("/latest", 0)], longPoll: true) }
        try await Task.sleep(for: .milliseconds(300))
        let created = try await sendJSON(
            "POST", "/posts.json",
            [
                "title": "A topic created while somebody waits",
                "raw": "The waiting poll should hear about this at once.",
                "category": Fixture.generalCategoryId,
            ], headers: bob)
        XCTAssertEqual(created.status, 200, created.text)
        let answer = try await waiting.value
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        let messages = try XCTUnwrap(try answer.json() as? [[String: Any]])
        XCTAssertEqual(messages.first?.string("channel"), "/latest")
    }

    func testANewPollFromTheSameClientEndsItsWaitingPoll() async throws {
        LiveUpdates.of(server.state).longPollSeconds = 10
        let client = self.client
        let started = Date()
        let first = Task { try await FeedMessageBusTests.poll(client, [("/latest", 0)], longPoll: true) }
        try await Task.sleep(for: .milliseconds(300))
        let second = Task {
            try await FeedMessageBusTests.poll(client, [("/latest", 0), ("/new", 0)], longPoll: true)
        }
        let replaced = try await first.value
        XCTAssertLessThan(Date().timeIntervalSince(started), 3, "the replaced poll answers at once")
        XCTAssertEqual((try replaced.json() as? [Any])?.count, 0)
        // The new poll took over the waiting slot and wakes on news.
        try await Task.sleep(for: .milliseconds(300))
        let created = try await sendJSON(
            "POST", "/posts.json",
            [
                "title": "A topic for the poll that replaced another",
                "raw": "The second poll should hear about this at once.",
                "category": Fixture.generalCategoryId,
            ], headers: bob)
        XCTAssertEqual(created.status, 200, created.text)
        let answer = try await second.value
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        let messages = try XCTUnwrap(try answer.json() as? [[String: Any]])
        XCTAssertEqual(messages.first?.string("channel"), "/latest")
    }

    func testLongPollTimesOutEmpty() async throws {
        LiveUpdates.of(server.state).longPollSeconds = 0.5
        let started = Date()
        let messages = try await poll([("/latest", 0)], longPoll: true)
        XCTAssertTrue(messages.isEmpty)
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 0.45)
    }

    func testWaitingPollsCanBeReleased() async throws {
        let bus = LiveUpdates.of(server.state)
        bus.longPollSeconds = 20
        let started = Date()
        let client = self.client
        let waiting = Task { try await FeedMessageBusTests.poll(client, [("/latest", 0)], longPoll: true) }
        try await Task.sleep(for: .milliseconds(300))
        bus.releaseWaitingPolls()
        let answer = try await waiting.value
        XCTAssertEqual(answer.text, "[]")
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }

    func testNotificationChannelsArePrivate() async throws {
        let reply = try await sendJSON(
            "POST", "/posts.json",
            [
                "topic_id": Fixture.unsolvedTopicId, "raw": "Bob will be notified of this reply.",
                "reply_to_post_number": 1,
            ], headers: alice)
        XCTAssertEqual(reply.status, 200)
        let channel = "/notification/\(Fixture.bobId)"
        let asAlice = try await poll([(channel, 0)], headers: alice)
        XCTAssertTrue(asAlice.isEmpty)
        let asBob = try await poll([(channel, 0)], headers: bob)
        let state = try XCTUnwrap(asBob.first?.object("data"))
        XCTAssertEqual(state.object("last_notification")?.object("notification")?.int("notification_type"), 2)
        XCTAssertGreaterThanOrEqual(state.int("unread_notifications") ?? 0, 1)
        let counts = try await poll([("/reviewable_counts", 0)], headers: alice)
        XCTAssertTrue(counts.isEmpty)
    }
}
