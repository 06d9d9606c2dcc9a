import Foundation
import XCTest

@testable import ForaStore

#if canImport(Glibc)
    import Glibc
#endif

/// A composer killed with SIGKILL (a crash, a lost ssh session) loses at most about a second
/// of typing: the test bundle runs itself as a child that "types" through a `DraftJournal`.
final class DraftKillTests: StoreTestCase {
    func testAKilledComposerLosesAtMostASecondOfTyping() async throws {
        let typedLog = directory + "/typed"
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = ["ForaStoreTests.DraftKillHelper/testTypeUntilKilled"]
        child.environment = ProcessInfo.processInfo.environment.merging([
            DraftKillHelper.databaseVariable: path, DraftKillHelper.logVariable: typedLog,
        ]) { $1 }
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        let deadline = ContinuousClock.now + .seconds(30)
        while (try? String(contentsOfFile: typedLog, encoding: .utf8)).flatMap(Int.init) ?? 0 < 60,
            child.isRunning, ContinuousClock.now < deadline
        {
            try await Task.sleep(for: .milliseconds(10))
        }
        XCTAssertTrue(child.isRunning, "the child stopped typing before it could be killed")
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        XCTAssertEqual(child.terminationReason, .uncaughtSignal)

        let typed = try XCTUnwrap(Int(try String(contentsOfFile: typedLog, encoding: .utf8)))
        let saved = try XCTUnwrap(try store.draft(key: "topic_9")).body.count
        XCTAssertGreaterThan(saved, 0)
        XCTAssertLessThanOrEqual(saved, typed)
        // One keystroke every 10 ms: a second of typing is 100 characters.
        XCTAssertLessThanOrEqual(typed - saved, 100, "typed \(typed), saved \(saved)")
    }
}

/// The child's side: skipped unless the parent test started it.
final class DraftKillHelper: XCTestCase {
    static let databaseVariable = "FORA_DRAFT_KILL_TEST_DB"
    static let logVariable = "FORA_DRAFT_KILL_TEST_LOG"

    func testTypeUntilKilled() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let path = environment[Self.databaseVariable], let log = environment[Self.logVariable] else {
            throw XCTSkip("runs only as the child of DraftKillTests")
        }
        let journal = DraftJournal(store: try Store.open(at: path))
        var text = ""
        for _ in 0..<3_000 {
            text += "x"
            journal.update(Draft(key: "topic_9", topicID: 9, body: text))
            try String(text.count).write(toFile: log, atomically: true, encoding: .utf8)
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}
