import DemoServer
// A store plus the demo server started in-process on an ephemeral loopback port, with the
// Discourse adapters wired over the loopback client.
import DiscourseBackend
import ForaCore
import Foundation
import XCTest

@testable import ForaStore

class DemoServerStoreTestCase: StoreTestCase {
    var server: DemoServer!
    var box: PortBox!
    var http: DiscourseHTTP { LoopbackHTTP.discourse(box) }
    var source: DiscourseSyncSource { DiscourseSyncSource(http: http) }
    var transport: DiscourseOutboxTransport { DiscourseOutboxTransport(username: "alice", http: http) }

    override func setUp() async throws {
        try await super.setUp()
        server = try await DemoServer.start(DemoServerConfiguration())
        box = PortBox(server.port)
    }

    override func tearDown() async throws {
        await server?.stop()
        server = nil
        try await super.tearDown()
    }

    /// Stops the server and starts another on a new port over the same community (a
    /// restart that keeps the server's data).
    func restartServer() async throws {
        let state = server.state
        await server.stop()
        var configuration = DemoServerConfiguration()
        configuration.community = state
        server = try await DemoServer.start(configuration)
        box.port = server.port
    }

    func engine(limit: Int? = 10, concurrency: Int = 4) -> SyncEngine {
        var options = SyncEngine.Options()
        options.topicLimit = limit
        options.concurrency = concurrency
        return SyncEngine(store: store, source: source, options: options)
    }

    /// Runs `body` with a deadline, so a hang fails the test instead of stalling the run.
    func withDeadline<T: Sendable>(_ seconds: Double = 120, _ body: @escaping @Sendable () async throws -> T)
        async throws -> T
    {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                throw DeadlineExceeded()
            }
            guard let first = try await group.next() else { throw DeadlineExceeded() }
            group.cancelAll()
            return first
        }
    }
}

struct DeadlineExceeded: Error {}
