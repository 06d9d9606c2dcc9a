import DemoServer
import ForaCore
import Foundation
import GRDB
import XCTest

@testable import ForaStore

final class SyncDemoServerTests: DemoServerStoreTestCase {
    func testSyncThenReadAndSearchOfflineAndASecondSyncIsCheap() async throws {
        let engine = engine(limit: 10)
        let updates = ProgressLog()
        let summary = try await withDeadline { try await engine.run(progress: updates.record) }
        XCTAssertEqual(summary.topics, 10)
        XCTAssertGreaterThan(summary.posts, 10)
        XCTAssertTrue(summary.line.hasPrefix("synced 10 topics, \(summary.posts) posts in "))
        XCTAssertEqual(updates.last?.phase, .done)
        XCTAssertEqual(updates.last?.postsDone, summary.posts)
        XCTAssertEqual(updates.last?.topicsTotal, 10)
        XCTAssertEqual(Set(summary.changedTopicIDs), Set(try store.topics(inList: "latest").map(\.topic.id)))

        let again = try await withDeadline { try await engine.run() }
        XCTAssertEqual([again.topics, again.posts, again.requests], [0, 0, 1], "one list page, nothing else")
        XCTAssertEqual(again.changedTopicIDs, [])

        await server.stop()
        let list = try store.topics(inList: "latest")
        XCTAssertEqual(list.count, 10)
        for entry in list {
            let posts = try store.posts(topicID: entry.topic.id, limit: 10_000)
            XCTAssertEqual(posts.count, entry.topic.postsCount, "topic \(entry.topic.id)")
            XCTAssertEqual(posts.last?.postNumber, entry.highestPostNumber)
        }
        let firstTitleWord = try XCTUnwrap(list[0].topic.title.split(separator: " ").first { $0.count > 4 })
        XCTAssertTrue(try store.search(String(firstTitleWord)).contains { $0.topicID == list[0].topic.id })
        XCTAssertThrowsError(try store.topics(inList: "c/support"))
    }

    func testInterruptedSyncLeavesAConsistentStoreAndResumes() async throws {
        let engine = engine(limit: nil, concurrency: 2)
        let stopAfter = 300
        let task = Task {
            try await engine.run { progress in
                if progress.postsDone >= stopAfter { withUnsafeCurrentTask { $0?.cancel() } }
            }
        }
        let interrupted = await withTaskCancellationHandler {
            await task.result
        } onCancel: {
            task.cancel()
        }
        XCTAssertThrowsError(try interrupted.get(), "the sync was stopped midway")
        let storedAfterStop = try store.stats().posts
        XCTAssertGreaterThanOrEqual(storedAfterStop, stopAfter)
        XCTAssertEqual(try store.integrityProblems(), [])

        let resumer = self.engine(limit: nil, concurrency: 2)
        let resumed = try await withDeadline(300) { try await resumer.run() }
        let total = try store.read { db in try Int.fetchOne(db, sql: "SELECT SUM(posts_count) FROM topics") ?? 0 }
        XCTAssertEqual(try store.stats().posts, total)
        XCTAssertEqual(resumed.posts, total - storedAfterStop, "only the missing posts were fetched")
        let unsynced = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM topics WHERE synced_post_number != highest_post_number")
        }
        XCTAssertEqual(unsynced, 0)
    }

    func testSyncRidesOutRateLimitsErrorsAndDroppedConnections() async throws {
        server.faults.update {
            $0.rateLimit = FaultSchedule(next: 1)
            $0.retryAfterSeconds = 1
            $0.dropConnection = FaultSchedule(every: 5)
            $0.errorRate = 0.1
        }
        let engine = engine(limit: 8)
        let summary = try await withDeadline { try await engine.run() }
        XCTAssertEqual(summary.topics, 8)
        XCTAssertGreaterThanOrEqual(summary.waited, 1)
        server.faults.reset()
        for entry in try store.topics(inList: "latest") {
            XCTAssertEqual(try store.posts(topicID: entry.topic.id, limit: 10_000).count, entry.topic.postsCount)
        }
    }
}

/// Collects progress reports from the engine's tasks.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [SyncProgress] = []

    var record: @Sendable (SyncProgress) -> Void { { [self] progress in lock.withLock { reports.append(progress) } } }
    var last: SyncProgress? { lock.withLock { reports.last } }
}
