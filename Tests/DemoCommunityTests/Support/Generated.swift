// Communities generated once and shared by the tests (generation takes a fraction of a second
// in a debug build; the tests only read them).
import Foundation

@testable import DemoCommunity

enum Generated {
    static let seed: UInt64 = 42
    static let seeded: (data: CommunityData, materializer: PostMaterializer) = CommunityGenerator(seed: seed, scale: 0)
        .makeCommunity()
    static let scaled: (data: CommunityData, materializer: PostMaterializer) = CommunityGenerator(
        seed: seed, scale: 2_000
    ).makeCommunity()

    /// Regular (non-message) topics of the seeded community, by id.
    static var regularTopics: [DemoTopic] {
        seeded.data.topics.values.filter { !$0.isPrivateMessage }.sorted { $0.id < $1.id }
    }

    static func posts(_ topic: DemoTopic) -> [DemoPost] { seeded.data.postsByTopic[topic.id] ?? [] }

    static func topic(titled title: String) -> DemoTopic? {
        seeded.data.topics.values.first { $0.title == title }
    }

    static var allPosts: [DemoPost] { seeded.data.postsByTopic.values.flatMap { $0 } }

    /// Every `[quote]` of a cooked post: (username, post number, topic id).
    static func quotes(in cooked: String) -> [(username: String, postNumber: Int, topicId: Int)] {
        let pattern = #/data-username="([^"]+)" data-post="(\d+)" data-topic="(\d+)"/#
        return cooked.matches(of: pattern).compactMap { match in
            guard let number = Int(match.output.2), let topic = Int(match.output.3) else { return nil }
            return (String(match.output.1), number, topic)
        }
    }
}
