import DiscourseBackend
import ForaCore
import XCTest

@testable import ForaTUI

final class DiscourseReaderSourceTests: XCTestCase {
    private static let topicJSON = """
        {"id": 7, "title": "Printer offline", "posts_count": 3, "last_read_post_number": 1,
         "accepted_answer": {"post_number": 3, "username": "bob"},
         "post_stream": {"stream": [70, 71, 73],
           "posts": [{"id": 70, "post_number": 1, "username": "alice", "trust_level": 1, "cooked": "<p>Help</p>",
                      "created_at": "2026-03-04T14:05:00.000Z", "read": true,
                      "actions_summary": [{"id": 2, "count": 4}]},
                     {"id": 71, "post_number": 2, "username": "mod", "moderator": true, "staff": true,
                      "reply_to_post_number": 1, "cooked": "<p>Try this</p>", "read": false}]}}
        """
    private static let postsJSON = """
        {"post_stream": {"posts": [{"id": 73, "post_number": 4, "username": "bob", "cooked": "<p>Fixed</p>",
                                    "accepted_answer": true, "read": false}]}}
        """

    private final class Paths: @unchecked Sendable {
        var asked: [String] = []
    }

    func testTopicAndLaterWindowsDecodeFromDiscourseJSON() async throws {
        let paths = Paths()
        let source = DiscourseReaderSource { path in
            paths.asked.append(path)
            return Array((path.hasPrefix("/t/7.json") ? Self.topicJSON : Self.postsJSON).utf8)
        }
        let topic = try await source.topic(id: 7)
        XCTAssertEqual(topic.title, "Printer offline")
        XCTAssertEqual(topic.postCount, 3)
        XCTAssertEqual(topic.acceptedAnswerPostNumber, 3)
        XCTAssertEqual(topic.lastReadPostNumber, 1)
        XCTAssertEqual(topic.initialPosts.count, 2)
        XCTAssertEqual(topic.initialPosts[0].likes, 4)
        XCTAssertEqual(topic.initialPosts[1].badge, .moderator)
        XCTAssertEqual(topic.initialPosts[1].replyToPostNumber, 1)
        XCTAssertFalse(topic.initialPosts[1].isRead)
        let later = try await source.posts(topicID: 7, positions: 2..<3)
        XCTAssertEqual(paths.asked.last, "/t/7/posts.json?post_ids[]=73")
        XCTAssertEqual(later.map(\.number), [4])
        XCTAssertTrue(later[0].isSolution)
    }

    func testMalformedJSONIsATypedError() async {
        let source = DiscourseReaderSource { _ in Array("{}".utf8) }
        do {
            _ = try await source.topic(id: 1)
            XCTFail("expected an error")
        } catch {
            XCTAssertTrue("\(error)".contains("malformedResponse"), "\(error)")
        }
    }
}
