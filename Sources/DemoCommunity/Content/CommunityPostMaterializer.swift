// The generator's materialiser: seeded posts as generated, scaled posts made on demand.

/// Answers `generatedPosts(of:)` for every generated topic, seeded or scaled. The seeded posts
/// are kept as generated (they share storage with the community's own copy until a write
/// changes it), so persistence can tell changed topics from untouched ones and restore any
/// topic's generated posts without regenerating the whole community.
struct CommunityPostMaterializer: PostMaterializer {
    let seededPosts: [Int: [DemoPost]]
    let scaled: ScaledPostMaterializer

    func generatedPosts(of topic: DemoTopic, in data: CommunityData) -> [DemoPost] {
        if let posts = seededPosts[topic.id] { return posts }
        return scaled.generatedPosts(of: topic, in: data)
    }
}
