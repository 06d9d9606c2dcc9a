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
}
