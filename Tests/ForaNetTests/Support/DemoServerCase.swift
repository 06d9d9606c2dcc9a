import DemoServer
import ForaCore
import Foundation
import XCTest

@testable import DiscourseBackend
@testable import ForaNet

/// A demo server on an ephemeral 127.0.0.1 port, started in-process for each test, and
/// services acting as its seeded users through the all-users API key.
class DemoServerCase: XCTestCase {
    var server: DemoServer!

    /// Override to start the server with faults or at scale.
    func makeConfiguration() -> DemoServerConfiguration { DemoServerConfiguration() }

    override func setUp() async throws {
        try await super.setUp()
        server = try await DemoServer.start(makeConfiguration())
    }

    override func tearDown() async throws {
        await server?.stop()
        server = nil
        try await super.tearDown()
    }

    /// Fast retries so fault tests stay quick; still exponential with jitter.
    static let quickRetries = RetryPolicy(maximumRetries: 3, baseDelay: 0.05)

    func site(as username: String? = "alice") -> SiteConfiguration {
        guard let username else { return SiteConfiguration(baseURL: server.baseURL) }
        return SiteConfiguration(
            baseURL: server.baseURL, apiKey: DemoServerConfiguration.defaultAPIKey, apiUsername: username)
    }

    func service(
        as username: String? = "alice", retry: RetryPolicy = DemoServerCase.quickRetries, parallel: Int = 4
    ) -> DiscourseService {
        var configuration = HTTPClientConfiguration(maximumConcurrentTransfers: parallel, retry: retry)
        configuration.lowSpeedTimeSeconds = 10
        return DiscourseService(
            site: site(as: username), client: HTTPClient(configuration: configuration), pacing: .off)
    }

    /// Runs `body` and returns the ForaError it throws, failing the test when it succeeds.
    func foraError<T>(
        _ body: () async throws -> T, file: StaticString = #filePath, line: UInt = #line
    ) async -> ForaError? {
        do {
            _ = try await body()
            XCTFail("expected an error", file: file, line: line)
        } catch let error as ForaError {
            return error
        } catch {
            XCTFail("expected a ForaError, got \(error)", file: file, line: line)
        }
        return nil
    }
}

/// Collects what an HTTP client reports while it waits.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [NetworkEvent] = []
    var events: [NetworkEvent] { lock.withLock { stored } }
    func append(_ event: NetworkEvent) { lock.withLock { stored.append(event) } }
}
