import Foundation
import XCTest

/// Sync, stop the server, and read, list and search from the store alone.
final class OfflineEndToEndTests: XCTestCase {
    func testSyncedContentIsReadableWithTheServerGone() throws {
        let server = try DemoServerProcess()
        var environment = ProcessInfo.processInfo.environment
        environment["FORA_SITE"] = server.baseURL
        environment["FORA_API_KEY"] = "fora-demo-all-users-key"
        environment["FORA_API_USERNAME"] = "bob"
        environment["XDG_DATA_HOME"] = NSTemporaryDirectory() + "fora-e2e-offline-\(UUID())"
        func fora(_ arguments: [String]) throws -> Subprocess.Result {
            try Subprocess.run(
                [try Binaries.path("fora")] + arguments, environment: environment, separateStderr: true, timeout: 120)
        }
        let before = try fora(["latest", "--offline"])
        XCTAssertEqual(before.status, 5, "nothing synced yet")
        XCTAssertTrue(before.errorOutput.contains("fora sync"), before.errorOutput)

        let sync = try fora(["sync", "--limit", "10"])
        XCTAssertEqual(sync.status, 0, sync.errorOutput)
        let online = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(try fora(["latest", "--json", "--limit", "10"]).output.utf8))
                as? [[String: Any]])
        server.stop()

        XCTAssertEqual(try fora(["latest"]).status, 3, "the server is gone")
        let offline = try fora(["latest", "--offline", "--json", "--limit", "10"])
        XCTAssertEqual(offline.status, 0, offline.errorOutput)
        let topics = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(offline.output.utf8)) as? [[String: Any]])
        XCTAssertEqual(topics.compactMap { $0["id"] as? Int }, online.compactMap { $0["id"] as? Int })
        let table = try fora(["latest", "--offline", "--limit", "10"])
        XCTAssertTrue(
            ["Announcements", "Troubleshooting", "How-to", "Billing"].contains { table.output.contains($0) },
            "offline lists name the categories:\n\(table.output)")

        let topic = try XCTUnwrap(topics.first { ($0["posts_count"] as? Int ?? 0) > 3 }?["id"] as? Int)
        let read = try fora(["read", String(topic), "--offline", "--json"])
        XCTAssertEqual(read.status, 0, read.errorOutput)
        let thread = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(read.output.utf8)) as? [String: Any])
        let posts = try XCTUnwrap(thread["posts"] as? [[String: Any]])
        XCTAssertEqual(posts.count, thread["posts_count"] as? Int, "every post was synced")
        let word = try XCTUnwrap(
            (posts.first?["text"] as? String)?.split(separator: " ").first { $0.count > 5 && $0.allSatisfy(\.isLetter) }
        )
        let search = try fora(["search", "--offline", "--json", String(word)])
        XCTAssertEqual(search.status, 0, search.errorOutput)
        let hits = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(search.output.utf8)) as? [[String: Any]])
        XCTAssertTrue(hits.contains { $0["topic_id"] as? Int == topic }, "FTS finds the synced post")
    }

    func testTheInterfaceShowsSyncedTopicsWithTheServerGone() throws {
        let server = try DemoServerProcess()
        let home = NSTemporaryDirectory() + "fora-e2e-offline-tui-\(UUID())"
        var environment = ProcessInfo.processInfo.environment
        environment["FORA_SITE"] = server.baseURL
        environment["FORA_API_KEY"] = "fora-demo-all-users-key"
        environment["FORA_API_USERNAME"] = "carol"
        environment["XDG_DATA_HOME"] = home
        let sync = try Subprocess.run(
            [try Binaries.path("fora"), "sync", "--limit", "5"], environment: environment, separateStderr: true,
            timeout: 120)
        XCTAssertEqual(sync.status, 0, sync.errorOutput)
        let latest = try XCTUnwrap(server.getJSON("/latest.json", username: "carol") as? [String: Any])
        let topics = try XCTUnwrap((latest["topic_list"] as? [String: Any])?["topics"] as? [[String: Any]])
        let second = try XCTUnwrap(topics.dropFirst().first?["title"] as? String)
        server.stop()

        let tmux = try TmuxSession(
            command: [try Binaries.path("fora")],
            environment: [
                "FORA_SITE": server.baseURL, "FORA_API_KEY": "fora-demo-all-users-key", "FORA_API_USERNAME": "carol",
                "XDG_DATA_HOME": home, "XDG_CONFIG_HOME": home + "/config",
            ])
        let screen = try tmux.waitFor("offline")
        XCTAssertTrue(screen.contains(String(second.prefix(20))), "the synced list is shown:\n\(screen)")
        try tmux.send("j")
        try tmux.send("Enter")
        try tmux.waitFor("#1 ")
        try tmux.send("q")
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }
}
