import ForaCore
import Foundation
import XCTest

@testable import DiscourseBackend
@testable import ForaStore

/// Usernames and review action ids are parts of a URL path: percent-encoded, so a name with
/// `/`, `?` or `#` cannot reach another endpoint.
final class AdapterPathEncodingTests: XCTestCase {
    private final class Requests: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String] = []
        var paths: [String] { lock.withLock { stored } }
        func append(_ path: String) { lock.withLock { stored.append(path) } }
    }

    private func http(_ requests: Requests) -> DiscourseHTTP {
        DiscourseHTTP(
            get: { path in
                requests.append(path)
                return Array(#"{"bookmarks": [], "topic_list": {"topics": []}}"#.utf8)
            },
            send: { _, path, _ in
                requests.append(path)
                return Array("{}".utf8)
            })
    }

    func testUsernamesAndActionIDsArePercentEncoded() async throws {
        let requests = Requests()
        let hostile = "eve/../admin?x=1#"
        _ = try await DiscourseSyncSource(http: http(requests)).bookmarks(username: hostile)
        let transport = DiscourseOutboxTransport(username: hostile, http: http(requests))
        _ = try await transport.recentTopics(createdBy: hostile)
        _ = try await transport.perform(.review(reviewableID: 5, action: "delete/../../x?y", version: 2))
        XCTAssertEqual(
            requests.paths,
            [
                "/u/eve%2F..%2Fadmin%3Fx%3D1%23/bookmarks.json",
                "/topics/created-by/eve%2F..%2Fadmin%3Fx%3D1%23.json",
                "/review/5/perform/delete%2F..%2F..%2Fx%3Fy.json?version=2",
            ])
    }

    func testATagIsPercentEncodedInItsListPath() {
        XCTAssertEqual(SyncList.tag("c++/x?").path, "/tag/c%2B%2B%2Fx%3F")
    }
}
