// Search with Discourse's filters, notifications, user profiles and site metadata.
import Foundation
import XCTest

final class SearchAndPeopleTests: DemoServerTestCase {
    private func topicIds(_ body: [String: Any]) -> [Int] {
        body.array("posts").compactMap { $0.int("topic_id") }
    }

    func testTextSearchFindsPostsAndSideLoadsTopics() async throws {
        let body = try await getJSON("/search.json?q=vendor%20reboot")
        XCTAssertEqual(body.array("posts").compactMap { $0.int("post_number") }, [3])
        XCTAssertEqual(body.array("topics").compactMap { $0.int("id") }, [Fixture.solvedTopicId])
        let grouped = body.object("grouped_search_result")
        XCTAssertEqual(grouped?.string("term"), "vendor reboot")
        XCTAssertEqual(grouped?["post_ids"] as? [Int], body.array("posts").compactMap { $0.int("id") })
        XCTAssertTrue(grouped?["more_full_page_results"] is NSNull)
    }

    func testFilters() async throws {
        let cases: [(String, [String: String], [Int])] = [
            ("driver in:title", [:], [Fixture.solvedTopicId]),
            ("status:solved", [:], [Fixture.solvedTopicId]),
            ("status:unsolved", [:], [Fixture.unsolvedTopicId]),
            ("category:support order:latest", [:], [Fixture.solvedTopicId, Fixture.unsolvedTopicId]),
            ("tags:keyboard", [:], [Fixture.unsolvedTopicId]),
            ("tags:printing+keyboard", [:], []),
            ("@mod reinstall", [:], [Fixture.solvedTopicId]),
            ("printer in:personal", alice, [Fixture.privateMessageId]),
            ("printer in:personal", [:], []),
            ("in:bookmarks", alice, [Fixture.solvedTopicId]),
        ]
        for (query, headers, expected) in cases {
            let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? query
            let body = try await getJSON("/search.json?q=\(encoded)", headers: headers)
            XCTAssertEqual(topicIds(body), expected, query)
        }
        let bookmarked = try await getJSON("/search.json?q=in%3Abookmarks", headers: alice)
        XCTAssertEqual(bookmarked.array("posts").first?.int("post_number"), 3)
    }

    func testOrderByViews() async throws {
        let body = try await getJSON("/search.json?q=filler%20order%3Aviews")
        let ids = topicIds(body)
        XCTAssertEqual(ids.count, 50)
        XCTAssertEqual(ids, ids.sorted(by: >), "filler views grow with the topic id")
    }

    func testPagesOfFiftyAndShortTerms() async throws {
        let first = try await getJSON("/search.json?q=filler")
        XCTAssertEqual(first.array("posts").count, 50)
        XCTAssertEqual(first.object("grouped_search_result")?.bool("more_full_page_results"), true)
        let second = try await getJSON("/search.json?q=filler&page=2")
        XCTAssertEqual(second.array("posts").count, Fixture.fillerTopicCount - 50)
        XCTAssertTrue(Set(topicIds(first)).isDisjoint(with: topicIds(second)))
        let short = try await getJSON("/search.json?q=ab")
        XCTAssertEqual(short.array("posts").count, 0)
        XCTAssertEqual(short.object("grouped_search_result")?.string("error"), "Your search term is too short.")
    }

    func testUserSearchMatchesNames() async throws {
        let body = try await getJSON("/search.json?q=liddell")
        XCTAssertEqual(body.array("users").compactMap { $0.string("username") }, ["alice"])
    }

    func testNotificationsBelongToTheViewerNewestFirst() async throws {
        let body = try await getJSON("/notifications.json", headers: alice)
        let notifications = body.array("notifications")
        XCTAssertEqual(notifications.compactMap { $0.int("id") }, [1, 2])
        XCTAssertEqual(body.int("total_rows_notifications"), 2)
        XCTAssertEqual(body.int("seen_notification_id"), 2)
        XCTAssertEqual(body.string("load_more_notifications"), "/notifications?offset=60&username=alice")
        XCTAssertEqual(notifications.first?.object("data")?.int("original_post_id"), 3, "numbers stay numbers")
        XCTAssertEqual(notifications.first?.string("fancy_title"), "Printer driver crashes on resume")
        let unread = try await getJSON("/notifications.json?filter=unread", headers: alice)
        XCTAssertEqual(unread.array("notifications").compactMap { $0.int("id") }, [1])
        let bobs = try await getJSON("/notifications.json", headers: bob)
        XCTAssertEqual(bobs.array("notifications").compactMap { $0.int("id") }, [3])
    }

    func testProfileShowsBadgesAndPrivateFieldsOnlyToOwnerAndStaff() async throws {
        let own = try await getJSON("/u/alice.json", headers: alice)
        XCTAssertEqual(own.array("user_badges").count, 2)
        XCTAssertEqual(own.array("badges").compactMap { $0.string("name") }, ["Basic", "Solution Institution"])
        let user = own.object("user")
        XCTAssertEqual(user?.int("badge_count"), 2)
        XCTAssertEqual(user?.string("title"), "Regular")
        XCTAssertEqual(user?.int("topic_count"), 1 + Fixture.fillerTopicCount / 2)
        XCTAssertNotNil(user?.object("user_option"))
        let seenByBob = try await getJSON("/u/alice.json", headers: bob)
        XCTAssertNil(seenByBob.object("user")?["user_option"])
        XCTAssertEqual(seenByBob.object("user")?.bool("can_send_private_message_to_user"), true)
        let seenByStaff = try await getJSON("/u/alice.json", headers: moderator)
        XCTAssertNotNil(seenByStaff.object("user")?.object("user_option"))
        let missing = try await client.get("/u/nobody-at-all.json")
        XCTAssertEqual(missing.status, 404)
    }

    func testSiteDescribesCategoriesFlagsAndNotificationTypes() async throws {
        let site = try await getJSON("/site.json")
        XCTAssertEqual(
            site.array("categories").compactMap { $0.string("slug") }, ["announcements", "support", "general"])
        XCTAssertEqual(Set(site.array("post_action_types").compactMap { $0.int("id") }), [2, 3, 4, 6, 7, 8, 10])
        XCTAssertEqual(site.array("topic_flag_types").compactMap { $0.int("id") }.sorted(), [4, 7, 8, 10])
        XCTAssertEqual(site.object("notification_types")?.int("liked"), 5)
        XCTAssertEqual(site.object("trust_levels")?.int("leader"), 4)
        let support = site.array("categories").first { $0.string("slug") == "support" }
        XCTAssertEqual(support?.object("custom_fields")?.string("enable_accepted_answers"), "true")
        let settings = try await getJSON("/site/settings.json")
        XCTAssertEqual(settings.int("min_post_length"), 20)
        XCTAssertEqual(settings.int("max_topic_title_length"), 255)
    }

    func testCategoryCountsComeFromTopics() async throws {
        let body = try await getJSON("/categories.json")
        let general = body.object("category_list")?.array("categories").first { $0.string("slug") == "general" }
        XCTAssertEqual(general?.int("topic_count"), Fixture.fillerTopicCount + 1)
        XCTAssertEqual(general?.int("post_count"), Fixture.fillerTopicCount * 2 + Fixture.megathreadPostCount)
    }
}
