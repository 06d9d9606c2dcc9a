import Foundation
import XCTest

@testable import DemoCommunity

/// The same seed and scale must give the same community, byte for byte; another seed another.
final class DeterminismTests: XCTestCase {
    private func canonicalBytes(_ data: CommunityData) throws -> Data {
        // The snapshot sorts every table, so equal communities encode to equal bytes; topics
        // and posts are added in full here (a snapshot normally holds only their changes).
        var snapshot = CommunitySnapshot(small: data, seed: 0, scale: 0)
        snapshot.changedTopics = data.topics.values.sorted { $0.id < $1.id }
        snapshot.topicPosts = data.postsByTopic.keys.sorted().map { topicId in
            let posts = data.postsByTopic[topicId] ?? []
            return .init(
                topicId: topicId, count: posts.count,
                changed: posts.enumerated().map { .init(index: $0.offset, post: $0.element) })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(snapshot)
    }

    func testSameSeedGivesByteIdenticalCommunity() throws {
        let again = CommunityGenerator(seed: Generated.seed, scale: 0).makeCommunity().0
        XCTAssertEqual(try canonicalBytes(again), try canonicalBytes(Generated.seeded.data))
    }

    func testAnotherSeedGivesAnotherCommunityWithTheSameStructure() throws {
        let other = CommunityGenerator(seed: 7, scale: 0).makeCommunity().0
        XCTAssertNotEqual(try canonicalBytes(other), try canonicalBytes(Generated.seeded.data))
        // What the documentation promises holds for every seed.
        XCTAssertEqual(Set(other.topics.values.map(\.title)), Set(Generated.seeded.data.topics.values.map(\.title)))
        XCTAssertEqual(
            other.users.values.map(\.username).sorted(), Generated.seeded.data.users.values.map(\.username).sorted())
    }

    func testScaledTopicsAndTheirPostsAreDeterministic() throws {
        let again = CommunityGenerator(seed: Generated.seed, scale: 2_000).makeCommunity()
        XCTAssertEqual(again.0.topics, Generated.scaled.data.topics)
        for topicId in [Generated.seeded.data.nextTopicId, Generated.seeded.data.nextTopicId + 977] {
            let topic = try XCTUnwrap(again.0.topics[topicId])
            XCTAssertEqual(
                again.1.generatedPosts(of: topic, in: again.0),
                Generated.scaled.materializer.generatedPosts(of: topic, in: Generated.scaled.data))
        }
    }

    func testNothingDependsOnTheWallClock() {
        let data = Generated.seeded.data
        XCTAssertEqual(DemoDate.iso8601(data.generatedAt), "2026-11-01T12:00:00.000Z")
        XCTAssertTrue(Generated.allPosts.allSatisfy { $0.createdAt < data.generatedAt })
        XCTAssertTrue(
            data.topics.values.allSatisfy { $0.createdAt < data.generatedAt && $0.lastPostedAt < data.generatedAt })
        XCTAssertTrue(data.users.values.allSatisfy { $0.createdAt < data.generatedAt })
    }
}
