// The write side against the seeded community `make demo` serves (the content generator's),
// not a hand-made fixture: its review queue can be worked through item by item, its new user
// is held for approval, and its feeds parse.
import Foundation
import XCTest

@testable import DemoServer

final class ModerationSeededCommunityTests: DemoServerTestCase {
    override func makeConfiguration() -> DemoServerConfiguration {
        DemoServerConfiguration()
    }

    var seededModerator: [String: String] { apiKeyHeaders("moderator") }

    func testEveryPendingItemOffersActionsAndAcceptsTheFirstOne() async throws {
        var queue = try await getJSON("/review.json", headers: seededModerator)
        let total = try XCTUnwrap(queue.object("meta")?.int("total_rows_reviewables"))
        XCTAssertGreaterThanOrEqual(total, 12)
        var styles = Set<String>()
        var performed = 0
        while let item = queue.array("reviewables").first {
            let id = try XCTUnwrap(item.int("id"))
            let bundleIds = item["bundled_action_ids"] as? [String] ?? []
            XCTAssertFalse(bundleIds.isEmpty, "reviewable \(id) offers nothing")
            if bundleIds.contains(where: { $0.hasSuffix("-post-actions") }) { styles.insert("refreshed") }
            if bundleIds.contains(where: { $0.hasSuffix("-agree") }) { styles.insert("legacy") }
            // The first action of each bundle in turn, until the item leaves the queue.
            var version = try XCTUnwrap(item.int("version"))
            var remaining = bundleIds
            var left = false
            while !left, let bundleId = remaining.first {
                let bundle = queue.array("bundled_actions").first { $0.string("id") == bundleId }
                let action = try XCTUnwrap((bundle?["action_ids"] as? [String])?.first)
                let response = try await client.send(
                    "PUT", "/review/\(id)/perform/\(action).json?version=\(version)",
                    headers: seededModerator)
                XCTAssertEqual(response.status, 200, "\(id) \(action): \(response.text)")
                let result = try response.jsonObject().object("reviewable_perform_result")
                version = result?.int("version") ?? version + 1
                left = (result?["remove_reviewable_ids"] as? [Int])?.contains(id) ?? true
                remaining.removeFirst()
            }
            XCTAssertTrue(left, "reviewable \(id) stayed pending after one action per bundle")
            performed += 1
            XCTAssertLessThanOrEqual(performed, total)
            queue = try await getJSON("/review.json", headers: seededModerator)
        }
        XCTAssertEqual(performed, total)
        XCTAssertEqual(styles, ["legacy", "refreshed"])
        let count = try await getJSON("/review/count.json", headers: seededModerator).int("count")
        XCTAssertEqual(count, 0)
    }

    func testNewbieIsHeldAndFeedsParse() async throws {
        let latest = try await getJSON("/latest.json", headers: apiKeyHeaders("newbie"))
        let topicId = try XCTUnwrap(
            latest.object("topic_list")?.array("topics").first {
                $0.bool("closed") != true && $0.bool("archived") != true
            }?.int("id"))
        let held = try await client.send(
            "POST", "/posts.json",
            headers: apiKeyHeaders("newbie").merging(["Content-Type": "application/json"]) { $1 },
            body: JSONSerialization.data(withJSONObject: [
                "topic_id": topicId, "raw": "Could somebody please explain this once more?",
            ]))
        XCTAssertEqual(held.status, 200, held.text)
        XCTAssertEqual(try held.jsonObject().string("action"), "enqueued")

        let rss = try await client.get("/latest.rss")
        XCTAssertEqual(rss.status, 200)
        let reader = try RSSReader.read(rss.body)
        XCTAssertEqual(reader.items.count, 30)
        let topicFeed = try await client.get("/t/\(topicId).rss")
        XCTAssertNoThrow(try RSSReader.read(topicFeed.body))
    }
}
