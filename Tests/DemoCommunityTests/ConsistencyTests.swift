import Foundation
import XCTest

@testable import DemoCommunity

/// Ids, counters, quotes and dates agree with the posts, the way the server derives them.
final class ConsistencyTests: XCTestCase {
    private let data = Generated.seeded.data

    func testTopicCountersMatchTheirPosts() throws {
        XCTAssertEqual(Set(data.postsByTopic.keys), Set(data.topics.keys), "every seeded topic has its posts")
        for (topicId, posts) in data.postsByTopic {
            let topic = try XCTUnwrap(data.topics[topicId])
            let visible = posts.filter { $0.deletedAt == nil && $0.postType != 4 }
            XCTAssertEqual(topic.highestPostNumber, posts.count, topic.title)
            XCTAssertEqual(topic.postsCount, visible.count, topic.title)
            XCTAssertEqual(topic.likeCount, visible.reduce(0) { $0 + $1.likeCount }, topic.title)
            let lastRegular = try XCTUnwrap(visible.last { $0.postType == 1 })
            XCTAssertEqual(topic.lastPosterId, lastRegular.userId, topic.title)
            XCTAssertEqual(topic.lastPostedAt, lastRegular.createdAt, topic.title)
            XCTAssertEqual(topic.userId, posts.first?.userId)
            XCTAssertEqual(topic.createdAt, posts.first?.createdAt)
            XCTAssertFalse(topic.excerpt.isEmpty, topic.title)
            XCTAssertFalse(topic.excerpt.contains("<"), "excerpts are plain text: \(topic.excerpt)")
            XCTAssertEqual(topic.slug, CommunityData.slugify(topic.title))
        }
        XCTAssertTrue(Generated.allPosts.contains { $0.deletedAt != nil }, "one deleted reply")
    }

    func testPostIdsAreContiguousAndRoundTrip() throws {
        var seen: Set<Int> = []
        for (topicId, posts) in data.postsByTopic {
            let topic = try XCTUnwrap(data.topics[topicId])
            XCTAssertEqual(topic.generatedPostCount, posts.count)
            for post in posts {
                XCTAssertEqual(post.id, topic.firstPostId + post.postNumber - 1)
                XCTAssertEqual(post.topicId, topicId)
                XCTAssertEqual(data.topicId(ofPost: post.id), topicId)
                XCTAssertTrue(seen.insert(post.id).inserted, "post id \(post.id) is unique")
                XCTAssertNotNil(data.users[post.userId], "author of post \(post.id) exists")
            }
            XCTAssertEqual(posts.map(\.postNumber), Array(1...posts.count))
            XCTAssertEqual(posts.map(\.createdAt), posts.map(\.createdAt).sorted(), "\(topic.title) is in time order")
        }
        XCTAssertEqual(seen.max().map { $0 + 1 }, data.nextPostId)
        XCTAssertNil(data.topicId(ofPost: data.nextPostId))
        XCTAssertNil(data.topicId(ofPost: 0))
    }

    func testNextIdsAreAboveEveryUsedId() {
        XCTAssertGreaterThan(data.nextTopicId, data.topics.keys.max() ?? .max)
        XCTAssertGreaterThan(data.nextUserId, data.users.keys.max() ?? .max)
        XCTAssertGreaterThan(data.nextReviewableId, data.reviewables.keys.max() ?? .max)
        XCTAssertGreaterThan(data.nextNotificationId, data.notifications.keys.max() ?? .max)
        XCTAssertEqual(
            Set(data.reviewables.values.flatMap(\.scores).map(\.id)).count,
            data.reviewables.values.flatMap(\.scores).count, "score ids are unique")
    }

    func testQuotesReferToEarlierPostsOfTheSameTopicByTheirAuthor() throws {
        var quoteCount = 0
        for (topicId, posts) in data.postsByTopic {
            for post in posts {
                for quote in Generated.quotes(in: post.cooked) {
                    quoteCount += 1
                    XCTAssertEqual(quote.topicId, topicId)
                    XCTAssertLessThan(quote.postNumber, post.postNumber)
                    let quoted = try XCTUnwrap(posts.first { $0.postNumber == quote.postNumber })
                    XCTAssertEqual(data.users[quoted.userId]?.username, quote.username)
                    XCTAssertTrue(
                        post.raw.contains("[quote=\"\(quote.username), post:\(quote.postNumber), topic:\(topicId)\"]"))
                }
                if let target = post.replyToPostNumber { XCTAssertLessThan(target, post.postNumber) }
            }
        }
        XCTAssertGreaterThan(quoteCount, 300)
    }

    func testLikesAndBookmarksNameRealOtherUsers() {
        for post in Generated.allPosts {
            XCTAssertFalse(post.likedByUserIds.contains(post.userId), "nobody likes their own post")
            XCTAssertEqual(Set(post.likedByUserIds).count, post.likedByUserIds.count)
            for userId in post.likedByUserIds + post.bookmarkedByUserIds { XCTAssertNotNil(data.users[userId]) }
        }
    }
}
