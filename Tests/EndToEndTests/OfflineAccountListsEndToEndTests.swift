import Foundation
import XCTest

/// `fora sync` keeps the account's notifications, bookmarks and review queue, which the
/// offline commands then print with the server gone; and it keeps the store within the
/// `[cache]` limits of config.toml.
final class OfflineAccountListsEndToEndTests: XCTestCase {
    private var cli: DemoCommandLine!

    override func setUpWithError() throws {
        cli = try DemoCommandLine()
    }

    override func tearDown() {
        cli?.stop()
        cli = nil
    }

    private func json(_ arguments: [String], as username: String, line: UInt = #line) throws -> Any {
        let result = try cli.run(arguments + ["--json"], as: username, line: line)
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.errorOutput)", line: line)
        return try JSONSerialization.jsonObject(with: Data(result.output.utf8))
    }

    private func ids(_ value: Any) -> [Int] {
        (value as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
    }

    /// The id of post `index` (0-based) of topic `topic`.
    private func postID(topic: Int, index: Int, as username: String) throws -> Int {
        let thread = try XCTUnwrap(try json(["read", String(topic)], as: username) as? [String: Any])
        let posts = try XCTUnwrap(thread["posts"] as? [[String: Any]])
        return try XCTUnwrap(posts[min(index, posts.count - 1)]["id"] as? Int)
    }

    func testNotificationsBookmarksAndTheReviewQueueAreReadOffline() throws {
        let user = "moderator"
        let before = try cli.run(["notifications", "--offline"], as: user)
        XCTAssertEqual(before.status, 5, "nothing synced yet")
        XCTAssertTrue(before.errorOutput.contains("fora sync"), before.errorOutput)

        let topics = try json(["latest", "--limit", "5"], as: user)
        let topic = try XCTUnwrap(ids(topics).first)
        let marked = try postID(topic: topic, index: 1, as: user)
        XCTAssertEqual(try cli.run(["bookmark", String(marked)], as: user).status, 0)
        let notifications = ids(try json(["notifications"], as: user))
        XCTAssertFalse(notifications.isEmpty, "the demo's moderator has notifications")
        let queue = ids(try json(["review", "list"], as: user))
        XCTAssertFalse(queue.isEmpty, "the demo has pending reviewables")

        let sync = try cli.run(["sync", "--limit", "5"], as: user)
        XCTAssertEqual(sync.status, 0, sync.errorOutput)
        cli.server.stop()

        XCTAssertEqual(ids(try json(["notifications", "--offline"], as: user)), notifications)
        let table = try cli.run(["notifications", "--offline"], as: user)
        XCTAssertTrue(table.output.contains("TYPE"), table.output)
        let bookmarks = try XCTUnwrap(try json(["bookmarks", "--offline"], as: user) as? [[String: Any]])
        XCTAssertEqual(bookmarks.compactMap { $0["post_id"] as? Int }, [marked])
        XCTAssertEqual(bookmarks.first?["topic_id"] as? Int, topic)
        XCTAssertEqual(ids(try json(["review", "list", "--offline"], as: user)), queue)
        let other = try cli.run(["review", "list", "--offline", "--status", "approved"], as: user)
        XCTAssertEqual(other.status, 2, "only the pending queue is kept: \(other.errorOutput)")
    }

    func testSyncKeepsTheStoreWithinTheConfiguredTopicLimitAndSparesBookmarks() throws {
        let user = "bob"
        let configDirectory = cli.home + "/config/fora"
        try FileManager.default.createDirectory(atPath: configDirectory, withIntermediateDirectories: true)
        try "[cache]\nmax_topics = 3\n".write(
            toFile: configDirectory + "/config.toml", atomically: true, encoding: .utf8)

        // The last of the list is the least recently active: eviction would take it first.
        let listed = ids(try json(["latest", "--limit", "8"], as: user))
        XCTAssertEqual(listed.count, 8)
        let kept = try XCTUnwrap(listed.last)
        XCTAssertEqual(
            try cli.run(["bookmark", String(try postID(topic: kept, index: 0, as: user))], as: user).status, 0)

        let sync = try cli.run(["sync", "--limit", "8"], as: user)
        XCTAssertEqual(sync.status, 0, sync.errorOutput)
        XCTAssertTrue(sync.output.contains("evicted 5 least recently read topics"), sync.output)
        let stats = try XCTUnwrap(try json(["cache", "stats"], as: user) as? [String: Any])
        XCTAssertEqual(stats["topics"] as? Int, 3, "\(stats)")

        cli.server.stop()
        let read = try cli.run(["read", String(kept), "--offline", "--json"], as: user)
        XCTAssertEqual(read.status, 0, "the bookmarked topic was kept: \(read.errorOutput)")
    }

    func testABookmarkIsInTheStoreAtOnceAndUnbookmarkRemovesIt() throws {
        let user = "bob"
        let topic = try XCTUnwrap(ids(try json(["latest", "--limit", "3"], as: user)).first)
        let marked = try postID(topic: topic, index: 1, as: user)
        XCTAssertEqual(try cli.run(["bookmark", String(marked)], as: user).status, 0)

        // No sync since: the offline list already has it, in its topic.
        let offline = try XCTUnwrap(try json(["bookmarks", "--offline"], as: user) as? [[String: Any]])
        XCTAssertEqual(offline.compactMap { $0["post_id"] as? Int }, [marked])
        XCTAssertEqual(offline.first?["topic_id"] as? Int, topic)

        let removed = try cli.run(["unbookmark", String(marked)], as: user)
        XCTAssertEqual(removed.status, 0, removed.errorOutput)
        XCTAssertTrue(removed.output.contains("removed the bookmark from post \(marked)"), removed.output)
        let online = try XCTUnwrap(try json(["bookmarks"], as: user) as? [[String: Any]])
        XCTAssertFalse(online.contains { $0["post_id"] as? Int == marked }, "gone on the site: \(online)")
        let after = try cli.run(["bookmarks", "--offline", "--json"], as: user)
        XCTAssertFalse(after.output.contains("\"post_id\" : \(marked)"), after.output)
        XCTAssertFalse(after.output.contains("\"post_id\":\(marked)"), after.output)
        XCTAssertEqual(try cli.run(["unbookmark", String(marked)], as: user).status, 5, "not bookmarked any more")
    }
}
