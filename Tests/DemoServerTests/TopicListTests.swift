// Topic lists: pages of 30 with a `.json`-less more_topics_url, pinned first, side-loaded
// posters, per_page/order/ascending, categories, tags, top periods, new and unread.
import Foundation
import XCTest

final class TopicListTests: DemoServerTestCase {
    private func topicIds(_ body: [String: Any]) -> [Int] {
        body.object("topic_list")?.array("topics").compactMap { $0.int("id") } ?? []
    }

    func testLatestPagesThroughEveryListedTopicOnce() async throws {
        var seen: [Int] = []
        var path: String? = "/latest.json"
        var pages = 0
        while let next = path {
            let body = try await getJSON(next)
            let ids = topicIds(body)
            seen += ids
            pages += 1
            if let more = body.object("topic_list")?.string("more_topics_url") {
                XCTAssertFalse(more.contains(".json"), "Discourse's more_topics_url has no .json: \(more)")
                XCTAssertEqual(more, "/latest?page=\(pages)")
                XCTAssertEqual(ids.count, 30)
                path = more.replacingOccurrences(of: "?", with: ".json?")
            } else {
                path = nil
            }
        }
        XCTAssertEqual(pages, 3)
        XCTAssertEqual(seen.count, Fixture.listedTopicCount)
        XCTAssertEqual(Set(seen).count, seen.count, "no topic on two pages")
    }

    func testPinnedTopicComesFirstThenLatestActivity() async throws {
        let body = try await getJSON("/latest.json")
        let topics = body.object("topic_list")?.array("topics") ?? []
        XCTAssertEqual(topics.first?.int("id"), Fixture.pinnedTopicId)
        XCTAssertEqual(topics.first?.bool("pinned_globally"), true)
        XCTAssertNotNil(topics.first?.string("excerpt"), "pinned topics carry their excerpt")
        XCTAssertNil(topics.dropFirst().first?["excerpt"], "others do not")
        let bumped = topics.dropFirst().compactMap { $0.string("bumped_at") }
        XCTAssertEqual(bumped, bumped.sorted(by: >))
    }

    func testPostersAreSideLoadedUsers() async throws {
        let body = try await getJSON("/latest.json")
        let userIds = Set(body.array("users").compactMap { $0.int("id") })
        let posterIds = body.object("topic_list")?.array("topics").flatMap { $0.array("posters") }.compactMap {
            $0.int("user_id")
        }
        XCTAssertFalse(posterIds?.isEmpty ?? true)
        XCTAssertTrue(Set(posterIds ?? []).isSubset(of: userIds))
        let solved = body.object("topic_list")?.array("topics").first { $0.int("id") == Fixture.solvedTopicId }
        XCTAssertEqual(solved?.bool("has_accepted_answer"), true)
    }

    func testPerPageOrderAndAscending() async throws {
        let body = try await getJSON("/latest.json?per_page=10&order=views&ascending=true")
        let topics = body.object("topic_list")?.array("topics") ?? []
        XCTAssertEqual(topics.count, 10)
        let views = topics.compactMap { $0.int("views") }
        XCTAssertEqual(views, views.sorted())
        XCTAssertEqual(
            body.object("topic_list")?.string("more_topics_url"),
            "/latest?per_page=10&order=views&ascending=true&page=1")
        let bad = try await client.get("/latest.json?per_page=500")
        XCTAssertEqual(bad.status, 400)
    }

    func testCategoryListsOnlyItsTopics() async throws {
        let bySlug = try await getJSON("/c/support/\(Fixture.supportCategoryId).json")
        XCTAssertEqual(Set(topicIds(bySlug)), [Fixture.solvedTopicId, Fixture.unsolvedTopicId])
        let byId = try await getJSON("/c/\(Fixture.supportCategoryId).json")
        XCTAssertEqual(topicIds(byId), topicIds(bySlug))
        let general = try await getJSON("/c/general/\(Fixture.generalCategoryId).json")
        XCTAssertEqual(
            general.object("topic_list")?.string("more_topics_url"),
            "/c/general/\(Fixture.generalCategoryId)/l/latest?page=1")
        let wrongSlug = try await client.get("/c/support/\(Fixture.generalCategoryId).json")
        XCTAssertEqual(wrongSlug.status, 404)
    }

    func testTagListsTaggedTopics() async throws {
        let body = try await getJSON("/tag/keyboard.json")
        XCTAssertEqual(topicIds(body), [Fixture.unsolvedTopicId])
        XCTAssertEqual(body.object("topic_list")?.array("tags").first?.string("name"), "keyboard")
        let unknown = try await client.get("/tag/no-such-tag.json")
        XCTAssertEqual(unknown.status, 404)
    }

    func testTopByPeriod() async throws {
        let monthly = try await getJSON("/top.json?period=monthly")
        XCTAssertEqual(monthly.object("topic_list")?.string("for_period"), "monthly")
        // Created within 30 days of the community's reference time.
        XCTAssertEqual(
            Set(topicIds(monthly)), [Fixture.solvedTopicId, Fixture.unsolvedTopicId, Fixture.megathreadId])
        let all = try await getJSON("/top/all.json?per_page=100")
        XCTAssertEqual(topicIds(all).count, Fixture.listedTopicCount)
        let bad = try await client.get("/top.json?period=fortnightly")
        XCTAssertEqual(bad.status, 400)
    }

    func testNewAndUnreadFollowReadState() async throws {
        let unread = try await getJSON("/unread.json", headers: alice)
        XCTAssertEqual(topicIds(unread), [Fixture.solvedTopicId])
        let item = unread.object("topic_list")?.array("topics").first
        XCTAssertEqual(item?.int("last_read_post_number"), 2)
        XCTAssertEqual(item?.int("unread_posts"), 4)
        // New: never read, not one's own, created in the last two days.
        let new = try await getJSON("/new.json", headers: bob)
        XCTAssertEqual(topicIds(new), [Fixture.solvedTopicId])
        let newForAlice = try await getJSON("/new.json", headers: alice)
        XCTAssertEqual(topicIds(newForAlice), [], "alice wrote the new topic and read it")
    }

    func testCreatedByLists() async throws {
        let body = try await getJSON("/topics/created-by/bob.json?per_page=100")
        let ids = topicIds(body)
        XCTAssertTrue(ids.contains(Fixture.megathreadId))
        XCTAssertFalse(ids.contains(Fixture.solvedTopicId))
    }
}
