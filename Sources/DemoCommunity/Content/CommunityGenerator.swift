// Builds the demo community deterministically from a seed: the seeded support community,
// plus `scale` generated topics whose posts are materialised on demand.
import Foundation

/// The demo community's content, deterministic in (seed, scale): the same pair always gives
/// the same community, byte for byte, because every random draw comes from a seeded SplitMix64
/// and every date is relative to the fixed `generatedAt`, never the wall clock.
public struct CommunityGenerator: Sendable {
    public let seed: UInt64
    public let scale: Int
    /// The fixed "now" of the content: 2026-11-01T12:00:00Z. Never the wall clock.
    public static let generatedAt = Date(timeIntervalSince1970: 1_793_534_400)
    /// Posts in the seeded megathread and in the big generated topic.
    public static let megathreadPostCount = 1_500
    public static let bigGeneratedTopicPostCount = 10_000
    /// Bump whenever the generated content changes: snapshots store differences from it.
    static let contentVersion = 1

    public init(seed: UInt64, scale: Int) {
        self.seed = seed
        self.scale = max(scale, 0)
    }

    public static func makeState(seed: UInt64, scale: Int) -> CommunityState {
        let (data, materializer) = CommunityGenerator(seed: seed, scale: scale).makeCommunity()
        return CommunityState(data: data, materializer: materializer)
    }

    /// The community and the materialiser of its lazily generated posts: scale 0 is the seeded
    /// support community (all posts materialised); each unit of scale adds one topic of about
    /// 20 posts, plus one 10,000-post topic, whose posts are made on first read.
    public func makeCommunity() -> (CommunityData, PostMaterializer) {
        var data = CommunityData(
            title: "Lumen Community", description: "Support forum for Lumen, the sync and backup app.",
            generatedAt: Self.generatedAt)
        var random = SeededRandom(seed: seed)
        data.badges = SeedPeople.badges
        data.categories = SeedPeople.categories
        for user in SeedPeople.makeUsers(generatedAt: Self.generatedAt, random: &random) {
            data.users[user.id] = user
            data.userIdsByUsername[user.username.lowercased()] = user.id
        }
        data.nextUserId = (data.users.keys.max() ?? 0) + 1
        var seeder = SeedCommunityBuilder(data: data, random: random)
        seeder.buildAll()
        data = seeder.data
        let materializer = CommunityPostMaterializer(
            seededPosts: data.postsByTopic, scaled: ScaledPostMaterializer(seed: seed))
        ScaledTopics.append(count: scale, seed: seed, to: &data)
        data.rebuildPostIndex()
        return (data, materializer)
    }
}
