// What the generator made, so a snapshot can hold only what writes changed.
import Foundation

/// The generated community as the reference a snapshot is a difference from: its topics as
/// generated, and the generated posts of every topic (kept for the ones already materialised,
/// regenerated on demand for the rest). It is also the materialiser the served state uses,
/// so every topic the server materialises is recorded here with the very same array storage:
/// an untouched topic is then recognised in O(1) by storage identity, not compared post by post.
final class GeneratedBaseline: PostMaterializer, @unchecked Sendable {
    let topics: [Int: DemoTopic]
    private let generator: PostMaterializer
    private let lock = NSLock()
    private var postsByTopic: [Int: [DemoPost]]

    init(generated: CommunityData, materializer: PostMaterializer) {
        topics = generated.topics
        generator = materializer
        postsByTopic = generated.postsByTopic
    }

    /// Materialises for the served state, remembering the result as the generated posts.
    func generatedPosts(of topic: DemoTopic, in data: CommunityData) -> [DemoPost] {
        generatedPosts(ofTopic: topic.id, in: data) ?? []
    }

    /// The posts the generator made for a topic; nil for a topic it did not make.
    func generatedPosts(ofTopic topicId: Int, in data: CommunityData) -> [DemoPost]? {
        lock.lock()
        defer { lock.unlock() }
        if let posts = postsByTopic[topicId] { return posts }
        guard let topic = topics[topicId], topic.generatedPostCount > 0 else { return nil }
        let posts = generator.generatedPosts(of: topic, in: data)
        postsByTopic[topicId] = posts
        return posts
    }
}

extension Array {
    /// Whether both arrays use the same storage (so they are equal without comparing elements).
    func sharesStorage(with other: [Element]) -> Bool {
        guard count == other.count else { return false }
        return withUnsafeBufferPointer { mine in other.withUnsafeBufferPointer { $0.baseAddress == mine.baseAddress } }
    }
}
