import Foundation
import XCTest

@testable import DemoCommunity

/// A server restarted with the same `--data DIR` shows what was written before the restart.
final class PersistenceTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("fora-demo-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private var snapshotURL: URL { directory.appendingPathComponent(CommunityPersistence.snapshotFileName) }

    private func savedSnapshot() throws -> CommunitySnapshot {
        try JSONDecoder().decode(CommunitySnapshot.self, from: Data(contentsOf: snapshotURL))
    }

    /// Adds a reply the way the server's write endpoints do: a fresh id, recorded in
    /// `addedPostTopic`, and the topic's counters updated.
    private func appendReply(_ raw: String, to topicId: Int, by userId: Int, in state: CommunityState) -> Int {
        state.write { data, materializer in
            var posts = data.posts(ofTopic: topicId, using: materializer)
            let id = data.nextPostId
            data.nextPostId += 1
            let number = (posts.last?.postNumber ?? 0) + 1
            let date = data.generatedAt + 60
            posts.append(
                DemoPost(
                    id: id, topicId: topicId, postNumber: number, userId: userId, raw: raw, cooked: "<p>\(raw)</p>",
                    createdAt: date, updatedAt: date, replyToPostNumber: nil, postType: 1, actionCode: nil, version: 1,
                    likedByUserIds: [], bookmarkedByUserIds: [], hidden: false, deletedAt: nil, reads: 1, wiki: false))
            data.postsByTopic[topicId] = posts
            data.addedPostTopic[id] = topicId
            data.topics[topicId]?.highestPostNumber = number
            data.topics[topicId]?.postsCount += 1
            data.topics[topicId]?.lastPosterId = userId
            return id
        }
    }

    private func post(_ postId: Int, in state: CommunityState) -> DemoPost? {
        state.read { data, materializer in
            guard let topicId = data.topicId(ofPost: postId) else { return nil }
            return data.posts(ofTopic: topicId, using: materializer).first { $0.id == postId }
        }
    }

    func testAReplySurvivesARestart() throws {
        let state = try CommunityPersistence.openState(directory: directory, seed: 3, scale: 0)
        let topicId = try XCTUnwrap(
            state.read { data, _ in data.topics.values.first { $0.title == "Sync stuck at 99% on Windows" }?.id })
        let postId = appendReply("Fixed by the 5.2.1 update.", to: topicId, by: 4, in: state)

        let restarted = try CommunityPersistence.openState(directory: directory, seed: 3, scale: 0)
        XCTAssertEqual(post(postId, in: restarted)?.raw, "Fixed by the 5.2.1 update.")
        let (before, after) = (
            state.read { data, _ in data.topics[topicId] }, restarted.read { data, _ in data.topics[topicId] }
        )
        XCTAssertEqual(after, before)
        XCTAssertEqual(restarted.read { data, _ in data.nextPostId }, postId + 1)
        // And it keeps saving: a second restart sees a second reply too.
        let second = appendReply("Confirmed here.", to: topicId, by: 5, in: restarted)
        let again = try CommunityPersistence.openState(directory: directory, seed: 3, scale: 0)
        XCTAssertEqual(post(postId, in: again)?.raw, "Fixed by the 5.2.1 update.")
        XCTAssertEqual(post(second, in: again)?.raw, "Confirmed here.")
    }

    func testChangesAcrossTheCommunitySurviveARestartAtScale() throws {
        let state = try CommunityPersistence.openState(directory: directory, seed: 8, scale: 30)
        let (scaledTopic, newTopicId) = try state.write { data, materializer -> (Int, Int) in
            let scaledTopic = try XCTUnwrap(data.topics.keys.max())
            var posts = data.posts(ofTopic: scaledTopic, using: materializer)
            posts[3].likedByUserIds.append(6)
            data.postsByTopic[scaledTopic] = posts
            data.topics[scaledTopic]?.likeCount += 1
            var topic = try XCTUnwrap(data.topics[scaledTopic])
            topic.id = data.nextTopicId
            topic.title = "A topic made after generation"
            topic.firstPostId = data.nextPostId
            topic.generatedPostCount = 0
            data.nextTopicId += 1
            data.topics[topic.id] = topic
            data.postsByTopic[topic.id] = []
            data.lastReadPostNumber[4, default: [:]][scaledTopic] = 2
            if let id = data.notifications.keys.min() { data.notifications[id]?.read.toggle() }
            if let id = data.reviewables.keys.min() { data.reviewables[id]?.status = .approved }
            return (scaledTopic, topic.id)
        }
        let reply = appendReply("First!", to: newTopicId, by: 4, in: state)
        let expected = state.read { data, _ in
            (data.topics, data.notifications, data.reviewables, data.lastReadPostNumber)
        }

        let restarted = try CommunityPersistence.openState(directory: directory, seed: 8, scale: 30)
        let actual = restarted.read { data, _ in
            (data.topics, data.notifications, data.reviewables, data.lastReadPostNumber)
        }
        XCTAssertEqual(actual.0, expected.0)
        XCTAssertEqual(actual.1, expected.1)
        XCTAssertEqual(actual.2, expected.2)
        XCTAssertEqual(actual.3, expected.3)
        XCTAssertEqual(post(reply, in: restarted)?.raw, "First!")
        let liked = restarted.read { data, materializer in data.posts(ofTopic: scaledTopic, using: materializer)[3] }
        XCTAssertTrue(liked.likedByUserIds.contains(6))
        XCTAssertEqual(
            restarted.read { data, _ in data.postsByTopic.count }, Generated.seeded.data.postsByTopic.count + 2,
            "untouched scaled topics stay unmaterialised")
    }

    func testTheSnapshotHoldsOnlyWhatWritesChanged() throws {
        let state = try CommunityPersistence.openState(directory: directory, seed: Generated.seed, scale: 40)
        let megathread = try XCTUnwrap(Generated.regularTopics.first { $0.generatedPostCount == 1_500 })
        state.read { data, materializer in
            // Reading materialises scaled topics; that alone must not put them in the snapshot.
            for topicId in data.topics.keys where topicId >= Generated.seeded.data.nextTopicId {
                _ = data.posts(ofTopic: topicId, using: materializer)
            }
        }
        state.write { data, _ in
            data.postsByTopic[megathread.id]?[700].likedByUserIds.append(2)
            data.topics[megathread.id]?.likeCount += 1
        }
        let snapshot = try savedSnapshot()
        XCTAssertEqual(snapshot.topicPosts.map(\.topicId), [megathread.id])
        XCTAssertEqual(snapshot.topicPosts.first?.changed.map(\.index), [700])
        XCTAssertEqual(snapshot.changedTopics.map(\.id), [megathread.id])
        XCTAssertLessThan(try Data(contentsOf: snapshotURL).count, 200_000)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        XCTAssertEqual(leftovers, [CommunityPersistence.snapshotFileName], "no temporary file is left behind")
    }

    func testASnapshotOfAnotherSeedIsSetAsideNotLoaded() throws {
        let state = try CommunityPersistence.openState(directory: directory, seed: 3, scale: 0)
        let postId = appendReply("Only for seed 3.", to: 1, by: 4, in: state)
        let other = try CommunityPersistence.openState(directory: directory, seed: 4, scale: 0)
        XCTAssertNil(post(postId, in: other).flatMap { $0.raw == "Only for seed 3." ? $0 : nil })
        XCTAssertTrue(FileManager.default.fileExists(atPath: snapshotURL.appendingPathExtension("incompatible").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: snapshotURL.path))
    }

    func testAnUnreadableSnapshotIsReportedNotDiscarded() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("{ not json".utf8).write(to: snapshotURL)
        XCTAssertThrowsError(try CommunityPersistence.openState(directory: directory, seed: 3, scale: 0)) { error in
            XCTAssertTrue("\(error)".contains(self.snapshotURL.path))
        }
        XCTAssertEqual(try Data(contentsOf: snapshotURL), Data("{ not json".utf8))
    }

    func testWithoutADirectoryNothingIsWritten() throws {
        let state = try CommunityPersistence.openState(directory: nil, seed: 3, scale: 0)
        XCTAssertNil(state.didWrite)
        _ = appendReply("In memory only.", to: 1, by: 4, in: state)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.path))
    }
}
