import ForaCore
import Foundation
import XCTest

@testable import DiscourseBackend

/// Models survive what real servers send: nulls where values are usual (the real forum's
/// null rates), absent keys, wrong types, unknown fields.
final class ModelToleranceTests: XCTestCase {
    func testAPostOfNullsAndOddTypesDecodes() throws {
        let json = #"""
            {"id": "42", "name": null, "username": "ann", "created_at": "2022-07-28T10:03:51.280Z",
             "cooked": null, "post_number": 3, "reply_to_post_number": null, "user_title": null,
             "flair_name": null, "actions_summary": [{"id": 2, "count": 5}, {"id": "x"}], "yours": 1,
             "accepted_answer": "true", "some_future_field": {"nested": [1, 2]}}
            """#
        let post = try JSONDecoder().decode(Post.self, from: Data(json.utf8))
        XCTAssertEqual(post.id, 42)
        XCTAssertNil(post.name)
        XCTAssertEqual(post.cooked, "")
        XCTAssertNil(post.replyToPostNumber)
        XCTAssertEqual(post.likeCount, 5, "likes come from actions_summary id 2")
        XCTAssertTrue(post.yours)
        XCTAssertTrue(post.acceptedAnswer)
        XCTAssertEqual(post.actionsSummary.count, 1, "an entry without a numeric id is skipped")
    }

    func testNoLikeEntryMeansZeroLikes() throws {
        let post = try JSONDecoder().decode(
            Post.self, from: Data(#"{"id": 1, "post_number": 1, "actions_summary": [{"id": 3, "count": 1}]}"#.utf8))
        XCTAssertEqual(post.likeCount, 0)
    }

    func testAPostWithoutAnIdIsAnErrorNotAZero() {
        XCTAssertThrowsError(try JSONDecoder().decode(Post.self, from: Data(#"{"username": "x"}"#.utf8)))
    }

    func testTopicWithoutDetailsOrStream() throws {
        let topic = try JSONDecoder().decode(
            TopicDetail.self,
            from: Data(#"{"id": 5, "title": "T", "tags": ["a", {"id": 1, "name": "b", "slug": "b"}]}"#.utf8))
        XCTAssertEqual(topic.tags, ["a", "b"], "tags as strings or objects")
        XCTAssertTrue(topic.posts.isEmpty)
        XCTAssertFalse(topic.details.canCreatePost, "anonymous topics have no can_* keys")
        XCTAssertNil(topic.acceptedAnswerPostNumber)
    }

    func testAcceptedAnswerFromTopicOrPost() throws {
        let json = #"""
            {"id": 5, "accepted_answer": {"post_number": 4, "username": "bo"},
             "post_stream": {"posts": [{"id": 9, "post_number": 1}], "stream": [9, 10, 11]}}
            """#
        let topic = try JSONDecoder().decode(TopicDetail.self, from: Data(json.utf8))
        XCTAssertEqual(topic.acceptedAnswerPostNumber, 4)
        XCTAssertEqual(topic.missingPostIDs, [10, 11])
    }

    func testDatesWithAndWithoutFractionalSecondsAndOffsets() {
        XCTAssertNotNil(ForaDate.parse("2022-07-28T10:03:51.280Z"))
        XCTAssertNotNil(ForaDate.parse("2022-07-28T10:03:51Z"))
        XCTAssertNotNil(ForaDate.parse("2013-02-04T10:03:51-05:00"))
        XCTAssertEqual(
            ForaDate.parse("2022-07-28T10:03:51.000Z"), ForaDate.parse("2022-07-28T10:03:51Z"))
        XCTAssertNil(ForaDate.parse("yesterday"))
    }

    func testRealForumNullRatesAreAllTolerated() throws {
        // Every post key the real forum ever sent as null, sent as null at once.
        let url = FixtureDecodingTests.root.appendingPathComponent("field_stats_real_forum.json")
        let data = try Data(contentsOf: url)
        let stats = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let postFields = try XCTUnwrap(stats["post_fields"] as? [String: [String: Int]])
        let nullable = postFields.filter { $0.value["null"] != nil }.map(\.key)
        XCTAssertFalse(nullable.isEmpty)
        var object: [String: Any] = ["id": 1, "post_number": 1]
        for key in nullable where key != "id" { object[key] = NSNull() }
        let post = try JSONDecoder().decode(Post.self, from: JSONSerialization.data(withJSONObject: object))
        XCTAssertEqual(post.id, 1)
    }

    func testTopicListQueryPaths() {
        XCTAssertEqual(TopicListQuery().path, "/latest.json")
        XCTAssertEqual(TopicListQuery(filter: .latest, page: 2).path, "/latest.json?page=2")
        XCTAssertEqual(TopicListQuery(filter: .top(.weekly)).path, "/top.json?period=weekly")
        XCTAssertEqual(
            TopicListQuery(filter: .new, category: .init(slug: "support", id: 3)).path, "/c/support/3/l/new.json")
        XCTAssertEqual(TopicListQuery(filter: .unread, tag: "sync").path, "/tag/sync/l/unread.json")
        XCTAssertEqual(
            TopicListQuery(filter: .latest, category: .init(slug: "a b", id: 1), tag: "x").path,
            "/tags/c/a%20b/1/x.json")
        XCTAssertEqual(
            TopicListQuery(filter: .top(.daily), category: .init(slug: "how-to", id: 3), tag: "sync", page: 1).path,
            "/tags/c/how-to/3/sync/l/top.json?period=daily&page=1")
    }
}
