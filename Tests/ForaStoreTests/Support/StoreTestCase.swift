// Shared set-up: a fresh store in its own temporary directory, removed afterwards, and
// small builders for topics and posts.
import ForaCore
import Foundation
import XCTest

@testable import ForaStore

class StoreTestCase: XCTestCase {
    var directory: String!
    var store: Store!
    var path: String { directory + "/alice@demo.sqlite" }

    override func setUpWithError() throws {
        try super.setUpWithError()
        directory = NSTemporaryDirectory() + "fora-store-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        store = try Store.open(at: path)
    }

    override func tearDownWithError() throws {
        try? store?.close()
        store = nil
        try? FileManager.default.removeItem(atPath: directory)
        try super.tearDownWithError()
    }

    func summary(_ id: Int, title: String? = nil, posts: Int = 3, lastPosted: String = "2026-11-01T10:00:00.000Z")
        -> SyncTopicSummary
    {
        SyncTopicSummary(
            topic: Topic(
                id: id, title: title ?? "Topic number \(id)", slug: "topic-\(id)", categoryID: 1, postsCount: posts,
                replyCount: posts - 1, lastPostedAt: lastPosted),
            highestPostNumber: posts)
    }

    func post(_ topicID: Int, _ number: Int, text: String? = nil, username: String = "alice") -> StoredPost {
        StoredPost(
            id: topicID * 100_000 + number, topicID: topicID, postNumber: number, username: username,
            cooked: "<p>\(text ?? "Post \(number) of topic \(topicID)")</p>")
    }

    /// Stores topics 1…`count` in the latest list with `postsEach` posts each.
    func fill(topics count: Int, postsEach: Int = 3) throws {
        let summaries = (1...count).map { summary($0, posts: postsEach) }
        let generation = try store.beginListSync("latest")
        try store.saveListPage("latest", generation: generation, startPosition: 0, topics: summaries, users: [])
        try store.finishListSync("latest", generation: generation)
        for id in 1...count { try store.savePosts((1...postsEach).map { post(id, $0) }) }
    }
}
