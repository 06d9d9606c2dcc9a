import DemoServer
import DiscourseBackend
import Foundation
import XCTest

@testable import ForaStore

#if canImport(Glibc)
    import Glibc
#endif

/// `kill -9` in the middle of a sync: the test bundle runs itself again as a child process
/// that syncs into the same file, kills it with SIGKILL once it has stored some posts, and
/// checks the store is consistent and that the next sync fetches only what is missing.
final class SyncKillTests: DemoServerStoreTestCase {
    func testKill9DuringSyncLeavesAConsistentStoreAndTheNextSyncResumes() async throws {
        server.faults.update { $0.latencyMs = 15 }  // long enough a sync to kill in the middle
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = ["ForaStoreTests.SyncKillHelper/testSyncUntilKilled"]
        child.environment = ProcessInfo.processInfo.environment.merging([
            SyncKillHelper.databaseVariable: path, SyncKillHelper.portVariable: "\(server.port)",
        ]) { $1 }
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        let deadline = ContinuousClock.now + .seconds(60)
        while try store.stats().posts < 300, child.isRunning, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        XCTAssertTrue(child.isRunning, "the child finished (or failed) before it could be killed")
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        XCTAssertEqual(child.terminationReason, .uncaughtSignal)

        XCTAssertEqual(try store.integrityProblems(), [])
        let storedAtKill = try store.stats().posts
        XCTAssertGreaterThanOrEqual(storedAtKill, 300)
        server.faults.reset()
        let engine = engine(limit: nil, concurrency: 2)
        let resumed = try await withDeadline(300) { try await engine.run() }
        let total = try store.read { db in try Int.fetchOne(db, sql: "SELECT SUM(posts_count) FROM topics") ?? 0 }
        XCTAssertEqual(try store.stats().posts, total)
        XCTAssertEqual(resumed.posts, total - storedAtKill, "only the posts missing at the kill were fetched")
    }
}

/// The child's side: skipped unless the parent test started it.
final class SyncKillHelper: XCTestCase {
    static let databaseVariable = "FORA_STORE_KILL_TEST_DB"
    static let portVariable = "FORA_STORE_KILL_TEST_PORT"

    func testSyncUntilKilled() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let path = environment[Self.databaseVariable], let port = environment[Self.portVariable].flatMap(Int.init)
        else { throw XCTSkip("runs only as the child of SyncKillTests") }
        let store = try Store.open(at: path)
        var options = SyncEngine.Options()
        options.topicLimit = nil
        options.concurrency = 2
        options.postsPerRequest = 10
        let source = DiscourseSyncSource(http: LoopbackHTTP.discourse(PortBox(port)))
        _ = try await SyncEngine(store: store, source: source, options: options).run()
    }
}
