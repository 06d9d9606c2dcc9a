import DemoServer
import ForaCore
import Foundation
import XCTest

@testable import DiscourseBackend
@testable import ForaNet

/// Live updates over the demo server's message bus.
final class MessageBusTests: DemoServerCase {
    func testAReplyArrivesOnTheTopicChannel() async throws {
        let reader = MessageBus(service: service(as: "bob"))
        await reader.subscribe("/topic/1")
        await reader.subscribe("/latest")
        let initial = try await reader.poll(longPoll: false)
        XCTAssertTrue(initial.isEmpty, "-1 asks for no backlog")
        let positions = await reader.subscriptions
        XCTAssertNotNil(positions["/topic/1"])

        // A long poll in flight receives the reply as soon as it is posted.
        let waiting = Task { try await reader.poll() }
        try await Task.sleep(nanoseconds: 300_000_000)
        let posted = try await service(as: "alice").createPost(
            .reply(to: 1, raw: "Hello from the message bus test, long enough."))
        guard case .created(let post) = posted else { return XCTFail("alice can reply") }
        let messages = try await withDeadline(seconds: 20) { try await waiting.value }
        let onTopic = messages.filter { $0.channel == "/topic/1" }
        XCTAssertFalse(onTopic.isEmpty, "\(messages.map(\.channel))")
        let payload = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: try XCTUnwrap(onTopic.first).data) as? [String: Any])
        XCTAssertEqual(payload["id"] as? Int, post.id)
        let after = await reader.subscriptions
        XCTAssertGreaterThan(after["/topic/1"] ?? -1, positions["/topic/1"] ?? -1, "the last id advanced")
    }

    func testMessageArraysParseAndBadBodiesAreClearErrors() throws {
        let body = #"[{"global_id":5,"message_id":3,"channel":"/latest","data":{"topic_id":7}},{"junk":1}]"#
        let messages = try MessageBus.parse(Array(body.utf8), endpoint: "/message-bus/x/poll")
        XCTAssertEqual(messages.count, 1)
        XCTAssertEqual(messages.first?.messageID, 3)
        XCTAssertThrowsError(try MessageBus.parse(Array("{oops".utf8), endpoint: "/message-bus/x/poll")) { error in
            XCTAssertEqual(
                error as? ForaError,
                .malformedResponse(endpoint: "/message-bus/x/poll", field: "expected a JSON array of messages"))
        }
    }

    private func withDeadline<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () async throws -> T)
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
