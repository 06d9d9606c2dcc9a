// The server with its default configuration: the seeded community from the content generator,
// as `make demo` and the other suites see it.
import Foundation
import XCTest

@testable import DemoServer

final class GeneratedCommunityTests: DemoServerTestCase {
    override func makeConfiguration() -> DemoServerConfiguration {
        DemoServerConfiguration()
    }

    func testSeededMegathreadServesTwentyPostsAndFifteenHundredIds() async throws {
        let latest = try await getJSON("/latest.json?per_page=100&order=posts")
        let mega = try XCTUnwrap(latest.object("topic_list")?.array("topics").first { $0.int("posts_count") == 1500 })
        let id = try XCTUnwrap(mega.int("id"))
        let topic = try await getJSON("/t/\(id).json")
        let stream = topic.object("post_stream")?["stream"] as? [Int] ?? []
        XCTAssertEqual(topic.object("post_stream")?.array("posts").count, 20)
        XCTAssertEqual(stream.count, 1500)
        XCTAssertEqual(Set(stream).count, 1500)
        let batch = Array(stream[700..<720])
        let query = batch.map { "post_ids[]=\($0)" }.joined(separator: "&")
        let posts = try await getJSON("/t/\(id)/posts.json?\(query)")
        XCTAssertEqual(posts.object("post_stream")?.array("posts").compactMap { $0.int("id") }, batch)
    }

    func testDocumentedAccountsAuthenticate() async throws {
        for username in ["admin", "moderator", "alice", "bob"] {
            let body = try await getJSON("/u/\(username).json", headers: apiKeyHeaders(username))
            XCTAssertEqual(body.object("user")?.string("username"), username)
            XCTAssertNotNil(body.object("user")?.object("user_option"), "own profile")
        }
    }
}
