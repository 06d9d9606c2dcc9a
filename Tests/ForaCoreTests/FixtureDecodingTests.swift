import ForaCore
import Foundation
import XCTest

/// Every response sample fora reads decodes, and what it decodes to matches the raw JSON. The
/// samples are kept in `Tests/Fixtures/discourse` (see its SOURCES.md): the MIT-licensed
/// samples of the discourse_api gem and API docs, unchanged, and the project's own captures.
final class FixtureDecodingTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/discourse")

    private func data(_ path: String) throws -> Data {
        try Data(contentsOf: Self.root.appendingPathComponent(path))
    }

    private func object(_ path: String) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: data(path)) as? [String: Any])
    }

    func testEveryTopicListSampleDecodesWithAllItsTopics() throws {
        let lists = [
            "discourse_api_gem/latest.json", "discourse_api_gem/new.json", "discourse_api_gem/top.json",
            "discourse_api_gem/hot.json", "discourse_api_gem/category_latest_topics.json",
            "discourse_api_gem/category_topics.json", "discourse_api_gem/private_messages.json",
            "discourse_api_gem/topics_created_by.json",
            "discourse_api_docs/responses/topics/latest_topics_response.json",
            "discourse_api_docs/responses/topics/private-messages-sent.json",
            "discourse_api_docs/responses/topics/private-messages.json", "discourse_api_docs/responses/topics/top.json",
        ]
        for path in lists {
            let raw = try object(path)
            let rawTopics = (raw["topic_list"] as? [String: Any])?["topics"] as? [[String: Any]] ?? []
            let list = try JSONDecoder().decode(TopicList.self, from: data(path))
            XCTAssertEqual(list.topics.map(\.id), rawTopics.compactMap { $0["id"] as? Int }, path)
            XCTAssertEqual(list.users.count, (raw["users"] as? [Any])?.count ?? 0, path)
            for (topic, rawTopic) in zip(list.topics, rawTopics) {
                XCTAssertEqual(topic.title, rawTopic["title"] as? String, path)
                XCTAssertEqual(topic.postsCount, rawTopic["posts_count"] as? Int ?? 0, path)
            }
        }
    }

    func testTopicSamplesDecodeWithStreamAndPosts() throws {
        for path in ["discourse_api_gem/topic.json", "discourse_api_docs/responses/topics/topic_response.json"] {
            let raw = try object(path)
            let stream = try XCTUnwrap(raw["post_stream"] as? [String: Any])
            let topic = try JSONDecoder().decode(TopicDetail.self, from: data(path))
            XCTAssertEqual(topic.id, raw["id"] as? Int, path)
            XCTAssertEqual(topic.posts.count, (stream["posts"] as? [Any])?.count, path)
            XCTAssertEqual(topic.stream, stream["stream"] as? [Int] ?? topic.posts.map(\.id), path)
            XCTAssertFalse(topic.posts.isEmpty, path)
            XCTAssertTrue(topic.posts.allSatisfy { $0.postNumber > 0 && !$0.username.isEmpty }, path)
        }
    }

    func testPostSamplesDecode() throws {
        for path in [
            "discourse_api_gem/post.json", "discourse_api_docs/responses/posts/get_post_response.json",
            "discourse_api_docs/responses/topics/new_topic_response.json",
        ] {
            let raw = try object(path)
            let post = try JSONDecoder().decode(Post.self, from: data(path))
            XCTAssertEqual(post.id, raw["id"] as? Int, path)
            XCTAssertEqual(post.cooked, raw["cooked"] as? String ?? "", path)
            XCTAssertEqual(post.postNumber, raw["post_number"] as? Int, path)
        }
        let batch = try JSONDecoder().decode(PostBatch.self, from: data("discourse_api_gem/topic_posts.json"))
        XCTAssertFalse(batch.posts.isEmpty)
        struct Envelope: Decodable { var post: Post }
        let updated = try JSONDecoder().decode(
            Envelope.self, from: data("discourse_api_docs/responses/posts/update_post_response.json"))
        XCTAssertGreaterThan(updated.post.id, 0)
    }

    func testSearchNotificationsUsersAndCategories() throws {
        let search = try JSONDecoder().decode(
            SearchResult.self, from: data("discourse_api_docs/responses/search/query_response.json"))
        let rawSearch = try object("discourse_api_docs/responses/search/query_response.json")
        XCTAssertEqual(search.posts.count, (rawSearch["posts"] as? [Any])?.count)
        XCTAssertEqual(search.topics.count, (rawSearch["topics"] as? [Any])?.count)
        for post in search.posts {
            XCTAssertNotNil(search.topic(for: post), "post \(post.id) has its topic side-loaded")
        }

        let notifications = try JSONDecoder().decode(
            NotificationList.self, from: data("discourse_api_docs/responses/notifications/get.json"))
        let rawNotifications = try object("discourse_api_docs/responses/notifications/get.json")
        XCTAssertEqual(notifications.notifications.count, (rawNotifications["notifications"] as? [Any])?.count)
        let gemNotifications = try JSONDecoder().decode(
            [ForumNotification].self, from: data("discourse_api_gem/notifications.json"))
        XCTAssertFalse(gemNotifications.isEmpty)
        let core = try object("fora/notifications.json")
        let coreList = try JSONSerialization.data(withJSONObject: try XCTUnwrap(core["/notifications"]))
        let coreNotifications = try JSONDecoder().decode(NotificationList.self, from: coreList)
        XCTAssertFalse(coreNotifications.notifications.isEmpty)
        XCTAssertTrue(coreNotifications.notifications.contains { $0.topicTitle != nil || $0.fancyTitle != nil })

        for path in ["discourse_api_gem/user.json", "discourse_api_docs/responses/users/get_user_response.json"] {
            let user = try JSONDecoder().decode(UserProfileResponse.self, from: data(path)).user
            let raw = try XCTUnwrap(try object(path)["user"] as? [String: Any])
            XCTAssertEqual(user.username, raw["username"] as? String, path)
            XCTAssertEqual(user.trustLevel, raw["trust_level"] as? Int, path)
        }

        let categories = try JSONDecoder().decode(
            CategoryListResponse.self, from: data("discourse_api_gem/categories.json"))
        XCTAssertFalse(categories.categories.isEmpty)
    }

    func testReviewQueueSamplesDecodeWithTheirActions() throws {
        let raw = try object("fora/review-queue.json")
        let listData = try JSONSerialization.data(withJSONObject: try XCTUnwrap(raw["GET /review"]))
        let queue = try JSONDecoder().decode(ReviewQueue.self, from: listData)
        XCTAssertFalse(queue.reviewables.isEmpty)
        XCTAssertFalse(queue.bundles.isEmpty)
        let offered = queue.reviewables.flatMap { queue.actions(for: $0) }
        XCTAssertFalse(offered.isEmpty, "bundles resolve to actions")
        let detailData = try JSONSerialization.data(withJSONObject: try XCTUnwrap(raw["GET /review/:id"]))
        XCTAssertEqual(try JSONDecoder().decode(ReviewQueue.self, from: detailData).reviewables.count, 1)
        let performKey = "PUT /review/:id/perform/:actionId"
        let performData = try JSONSerialization.data(withJSONObject: try XCTUnwrap(raw[performKey]))
        let result = try JSONDecoder().decode(ReviewPerformResult.self, from: performData)
        XCTAssertTrue(result.success)
    }

    func testSiteSettingsSampleDecodes() throws {
        let raw = try object("discourse_api_docs/responses/admin/site_settings.json")
        XCTAssertNotNil(raw["site_settings"])
        // The admin dump is a list of {setting, value}; the client-visible endpoint is flat.
        let flat = #"{"min_post_length": 2, "min_topic_title_length": "1", "solved_enabled": true}"#
        let settings = try JSONDecoder().decode(SiteSettings.self, from: Data(flat.utf8))
        XCTAssertEqual(settings.minPostLength, 2)
        XCTAssertEqual(settings.minTopicTitleLength, 1, "numeric strings are read as numbers")
        XCTAssertEqual(settings.solvedEnabled, true)
    }
}
