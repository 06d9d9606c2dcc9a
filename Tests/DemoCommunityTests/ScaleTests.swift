import Foundation
import XCTest

@testable import DemoCommunity

/// Scaled communities: topic metadata eagerly and fast, posts on demand and consistent with it.
final class ScaleTests: XCTestCase {
    private let scaled = Generated.scaled
    private var seededTopicCount: Int { Generated.seeded.data.topics.count }

    private func scaledTopics() -> [DemoTopic] {
        scaled.data.topics.values.filter { $0.id >= Generated.seeded.data.nextTopicId }.sorted { $0.id < $1.id }
    }

    func testScaleAddsTopicsWithoutMaterialisingTheirPosts() throws {
        let start = Date()
        let (data, _) = CommunityGenerator(seed: Generated.seed, scale: 2_000).makeCommunity()
        XCTAssertLessThan(Date().timeIntervalSince(start), 5, "2,000 scaled topics build quickly, even in debug")
        XCTAssertEqual(data.topics.count, seededTopicCount + 2_001)
        XCTAssertEqual(data.postsByTopic.count, seededTopicCount, "scaled posts are made on demand")

        let topics = scaledTopics()
        XCTAssertEqual(topics.count, 2_001)
        let big = try XCTUnwrap(topics.last)
        XCTAssertEqual(big.generatedPostCount, 10_000)
        let regular = topics.dropLast()
        let average = Double(regular.map(\.generatedPostCount).reduce(0, +)) / Double(regular.count)
        XCTAssertEqual(average, 20, accuracy: 2.5)
        XCTAssertEqual(regular.map(\.generatedPostCount).min(), 1)
        XCTAssertGreaterThan(Set(regular.map(\.categoryId)).count, 4)
        XCTAssertFalse(regular.contains { $0.categoryId == 1 }, "nobody but staff posts in Announcements")
        for topic in regular where topic.acceptedAnswerPostNumber != nil {
            XCTAssertEqual(data.categories.first { $0.id == topic.categoryId }?.solvedEnabled, true)
        }
        var expectedFirstPostId = Generated.seeded.data.nextPostId
        for topic in topics {
            XCTAssertEqual(topic.firstPostId, expectedFirstPostId, "ids are contiguous across topics")
            expectedFirstPostId += topic.generatedPostCount
        }
        XCTAssertEqual(data.nextPostId, expectedFirstPostId)
    }

    func testMaterialisedPostsAgreeWithTheTopic() throws {
        let topics = scaledTopics()
        let big = try XCTUnwrap(topics.last)
        let sample =
            [topics[0], topics[1], topics[topics.count / 2], topics[topics.count - 2], big]
            + topics.filter { $0.generatedPostCount > 30 }.prefix(3)
        for topic in sample {
            let posts = scaled.materializer.generatedPosts(of: topic, in: scaled.data)
            XCTAssertEqual(posts.count, topic.generatedPostCount)
            XCTAssertEqual(posts.map(\.id), Array(topic.firstPostId..<(topic.firstPostId + posts.count)))
            XCTAssertEqual(posts.map(\.postNumber), Array(1...posts.count))
            XCTAssertEqual(posts.first?.userId, topic.userId)
            XCTAssertEqual(posts.first?.createdAt, topic.createdAt)
            XCTAssertEqual(posts.last?.userId, topic.lastPosterId)
            XCTAssertEqual(posts.last?.createdAt, topic.lastPostedAt)
            XCTAssertEqual(posts.reduce(0) { $0 + $1.likeCount }, topic.likeCount)
            XCTAssertEqual(posts.map(\.createdAt), posts.map(\.createdAt).sorted())
            XCTAssertEqual(PostBody.excerpt(ofCooked: posts[0].cooked), topic.excerpt)
            for post in posts {
                XCTAssertTrue(post.cooked.hasPrefix("<"), "cooked HTML")
                XCTAssertFalse(post.likedByUserIds.contains(post.userId))
                XCTAssertEqual(Set(post.likedByUserIds).count, post.likedByUserIds.count)
                for quote in topic.id == big.id ? [] : Generated.quotes(in: post.cooked) {
                    XCTAssertEqual(quote.topicId, topic.id)
                    XCTAssertLessThan(quote.postNumber, post.postNumber)
                    XCTAssertEqual(scaled.data.users[posts[quote.postNumber - 1].userId]?.username, quote.username)
                }
            }
        }
        let bigPosts = scaled.materializer.generatedPosts(of: big, in: scaled.data)
        XCTAssertGreaterThan(bigPosts.filter { $0.raw.hasPrefix("[quote=") }.count, 1_000)
        XCTAssertGreaterThan(Set(bigPosts.map(\.raw)).count, 15, "varied bodies")
    }

    func testMaterialisingIgnoresMetadataThatWritesChange() throws {
        let topic = try XCTUnwrap(scaledTopics().first { $0.generatedPostCount > 5 })
        var changed = topic
        changed.lastPosterId = 1
        changed.likeCount += 7
        changed.lastPostedAt = scaled.data.generatedAt
        changed.postsCount += 1
        XCTAssertEqual(
            scaled.materializer.generatedPosts(of: changed, in: scaled.data),
            scaled.materializer.generatedPosts(of: topic, in: scaled.data))
    }

    func testTopicOfPostRoundTripsForEveryKindOfTopic() throws {
        let topics = scaledTopics()
        for topic in [topics[0], topics[topics.count / 3], topics[topics.count - 1]] + Generated.regularTopics.prefix(3)
        {
            for postId in [
                topic.firstPostId, topic.firstPostId + topic.generatedPostCount / 2,
                topic.firstPostId + topic.generatedPostCount - 1,
            ] {
                XCTAssertEqual(scaled.data.topicId(ofPost: postId), topic.id)
            }
        }
        XCTAssertNil(scaled.data.topicId(ofPost: scaled.data.nextPostId))
        XCTAssertNil(scaled.data.topicId(ofPost: -5))
    }

    func testCommunityStateMaterialisesOnFirstRead() throws {
        let state = CommunityGenerator.makeState(seed: 11, scale: 50)
        let topicId = try XCTUnwrap(state.read { data, _ in data.topics.keys.max() })
        XCTAssertNil(state.read { data, _ in data.postsByTopic[topicId] })
        let posts = state.read { data, materializer in data.posts(ofTopic: topicId, using: materializer) }
        XCTAssertEqual(posts.count, 10_000)
        XCTAssertEqual(state.read { data, _ in data.postsByTopic[topicId]?.count }, 10_000)
    }
}
