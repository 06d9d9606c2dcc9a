import Foundation
import XCTest

/// The outbox against a slow server and several senders on one store, driven through the real
/// binary: the interface and two `fora outbox send` all try the same queued reply while each
/// request takes seconds, and the site gets it exactly once.
final class HostileServerOutboxEndToEndTests: XCTestCase {
    func testTwoOutboxSendsAndTheInterfaceOnOneStorePostAQueuedReplyOnce() throws {
        let server = try DemoServerProcess(arguments: [
            "--data", NSTemporaryDirectory() + "fora-e2e-lease-data-\(UUID())",
        ])
        defer { server.stop() }
        let home = NSTemporaryDirectory() + "fora-e2e-lease-\(UUID())"
        defer { try? FileManager.default.removeItem(atPath: home) }
        let environment = [
            "FORA_SITE": server.baseURL, "FORA_API_KEY": "fora-demo-all-users-key", "FORA_API_USERNAME": "bob",
            "XDG_DATA_HOME": home + "/data", "XDG_CONFIG_HOME": home + "/config", "XDG_STATE_HOME": home + "/state",
        ]
        let processEnvironment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let fora = try Binaries.path("fora")
        let topic = try smallTopic(on: server)
        let marker = "Queued once and sent once \(UUID().uuidString.prefix(8)), whoever sends it."

        // The first attempt gets a server error: nothing was posted, but fora cannot know it, so
        // every later sender checks the site before sending (and, slow as the site is, each
        // check takes seconds: without claims all three find nothing and all three post).
        try setFaults(#"{"error_rate": 1, "error_statuses": [500]}"#, on: server)
        let queued = try Subprocess.run(
            [fora, "reply", String(topic), marker], environment: processEnvironment, separateStderr: true, timeout: 60)
        XCTAssertEqual(queued.status, 0, queued.errorOutput)
        XCTAssertTrue(queued.output.contains("queued as outbox item"), queued.output)
        try setFaults(#"{"latency_ms": 1500}"#, on: server)
        sleep(3)  // its back-off is over

        // All three at once: the interface sends what waits once its first list arrives.
        let tmux = try TmuxSession(command: [fora], environment: environment)
        let senders = try (0..<2).map { _ in
            try Subprocess([fora, "outbox", "send"], environment: processEnvironment, separateStderr: true)
        }
        let results = senders.map { $0.wait(timeout: 120) }
        for result in results {
            XCTAssertFalse(result.timedOut)
            XCTAssertEqual(result.status, 0, result.errorOutput)
            // A second POST is refused by the site as "too similar" and would show as failed.
            XCTAssertTrue(result.output.contains("failed 0"), "a second copy was sent: \(result.output)")
        }
        // The interface's send is over once the item is sent and nobody holds it.
        let deadline = Date().addingTimeInterval(60)
        var state = ""
        while Date() < deadline {
            let list = try Subprocess.run(
                [fora, "outbox", "list", "--json"], environment: processEnvironment, separateStderr: true, timeout: 30)
            let items = try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]] ?? []
            state = items.first?["state"] as? String ?? ""
            if state == "sent" { break }
            usleep(200_000)
        }
        XCTAssertEqual(state, "sent")
        try tmux.send("Q")
        _ = try tmux.waitForExit(timeout: 20)
        // Any straggler would have landed by now (one request is 1.5 s).
        sleep(4)
        let view = try XCTUnwrap(server.getJSON("/t/\(topic).json", username: "bob") as? [String: Any])
        let posts = try XCTUnwrap((view["post_stream"] as? [String: Any])?["posts"] as? [[String: Any]])
        let copies = posts.filter { ($0["cooked"] as? String)?.contains(marker) == true }
        XCTAssertEqual(copies.count, 1, "posted \(copies.count) times; senders said: \(results.map(\.output))")
        XCTAssertTrue(
            results.contains { $0.output.contains("sent 1") } || results.allSatisfy { $0.output.contains("sent 0") },
            "\(results.map(\.output))")
    }

    private func setFaults(_ json: String, on server: DemoServerProcess) throws {
        let result = try Subprocess.run(
            [
                "curl", "-sS", "--fail", "-X", "PUT", "-H", "Content-Type: application/json", "-d", json,
                server.baseURL + "/__demo/faults",
            ], separateStderr: true, timeout: 30)
        XCTAssertEqual(result.status, 0, result.errorOutput)
    }

    /// An open topic whose posts all fit in the first page of `/t/ID.json`.
    private func smallTopic(on server: DemoServerProcess) throws -> Int {
        let latest = try XCTUnwrap(server.getJSON("/latest.json", username: "bob") as? [String: Any])
        let topics = try XCTUnwrap((latest["topic_list"] as? [String: Any])?["topics"] as? [[String: Any]])
        let open = topics.first {
            ($0["posts_count"] as? Int ?? 99) < 15 && $0["closed"] as? Bool != true && $0["archived"] as? Bool != true
                && $0["pinned"] as? Bool != true
        }
        return try XCTUnwrap(open?["id"] as? Int)
    }
}
