import ForaCore
import Foundation
import XCTest

@testable import DiscourseBackend
@testable import ForaStore

/// Real Discourse captures (Tests/Fixtures/discourse): a topic stored by sync's adapter and read
/// back as the store gives it to `--offline` says what the same topic decoded for online
/// reading says, on every field the output uses.
final class CaptureParityTests: StoreTestCase {
    private let captures = [
        "discourse_api_gem/topic.json", "discourse_api_docs/responses/topics/topic_response.json",
    ]

    func testEveryTopicCaptureReadsTheSameFromTheStore() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/discourse")
        for name in captures {
            let bytes = try Data(contentsOf: root.appendingPathComponent(name))
            let online = try JSONDecoder().decode(TopicDetail.self, from: bytes)
            let view = try DiscourseJSON.decode(DiscourseJSON.TopicView.self, [UInt8](bytes), endpoint: name)
            try store.saveTopics([view.item.summary])
            try store.savePosts((view.postStream.posts ?? []).map { $0.stored(topicID: online.id) })
            let offline = try store.topicDetail(id: online.id)

            XCTAssertEqual(offline.title, online.title, name)
            XCTAssertEqual(offline.categoryID, online.categoryID, name)
            XCTAssertEqual(offline.postsCount, online.postsCount, name)
            XCTAssertEqual(offline.acceptedAnswerPostNumber, online.acceptedAnswerPostNumber, name)
            XCTAssertEqual(offline.archetype, online.archetype, name)
            XCTAssertEqual(offline.closed, online.closed, name)
            XCTAssertEqual(offline.archived, online.archived, name)
            XCTAssertEqual(offline.posts.count, online.posts.count, name)
            for (stored, fetched) in zip(offline.posts, online.posts) {
                let place = "\(name) #\(fetched.postNumber)"
                XCTAssertEqual(stored.id, fetched.id, place)
                XCTAssertEqual(stored.postNumber, fetched.postNumber, place)
                XCTAssertEqual(stored.username, fetched.username, place)
                XCTAssertEqual(stored.createdAt, fetched.createdAt, place)
                XCTAssertEqual(stored.replyToPostNumber, fetched.replyToPostNumber, place)
                XCTAssertEqual(stored.likeCount, fetched.likeCount, place)
                XCTAssertEqual(stored.cooked, fetched.cooked, place)
                XCTAssertEqual(stored.postType, fetched.postType, place)
                XCTAssertEqual(stored.actionCode, fetched.actionCode, place)
                XCTAssertEqual(stored.hidden, fetched.hidden, place)
                XCTAssertEqual(stored.deletedAt, fetched.deletedAt, place)
                XCTAssertEqual(stored.wiki, fetched.wiki, place)
                XCTAssertEqual(stored.admin, fetched.admin, place)
                XCTAssertEqual(stored.moderator, fetched.moderator, place)
                XCTAssertEqual(stored.trustLevel, fetched.trustLevel, place)
                XCTAssertEqual(stored.userTitle, fetched.userTitle, place)
            }
        }
    }
}
