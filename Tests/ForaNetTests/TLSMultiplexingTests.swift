import DemoServer
import DemoServerTLS
import ForaCore
import Foundation
import XCTest

@testable import DiscourseBackend
@testable import ForaNet

/// The client against the demo server in its TLS mode (HTTP/2 by ALPN), with a CA made for
/// the test: verification is never skipped, the user's `ca_file` is what makes the server
/// trusted, and parallel requests really share one multiplexed HTTP/2 connection.
final class TLSMultiplexingTests: DemoServerCase {
    private var authority: ThrowawayCA!

    override func makeConfiguration() -> DemoServerConfiguration {
        var configuration = DemoServerConfiguration()
        configuration.tls = DemoTLSFiles(
            certificateChain: authority.serverCertificate, privateKey: authority.serverKey)
        return configuration
    }

    override func setUp() async throws {
        authority = try ThrowawayCA.forTest()
        try await super.setUp()
    }

    override func tearDown() async throws {
        try await super.tearDown()
        authority?.remove()
    }

    private func client(caFile: String?, parallel: Int = 1) -> HTTPClient {
        HTTPClient(
            configuration: HTTPClientConfiguration(maximumConcurrentTransfers: parallel, caFile: caFile, retry: .none))
    }

    func testWithoutTheCAVerificationFailsAndSaysWhy() async throws {
        XCTAssertTrue(server.baseURL.hasPrefix("https://127.0.0.1:"))
        let url = server.baseURL + "/site.json"
        let untrusted = await foraError { try await self.client(caFile: nil).fetch(HTTPRequest(url: url)) }
        guard case .tls(let reason) = untrusted else {
            return XCTFail("expected a TLS error, got \(String(describing: untrusted))")
        }
        XCTAssertTrue(reason.lowercased().contains("certificate"), reason)
        XCTAssertEqual(untrusted?.exitCode, 3)

        // Another CA's file does not vouch for this server either.
        let stranger = try ThrowawayCA.forTest()
        defer { stranger.remove() }
        let wrongCA = await foraError { try await self.client(caFile: stranger.caFile).fetch(HTTPRequest(url: url)) }
        guard case .tls(let wrongReason) = wrongCA else { return XCTFail("got \(String(describing: wrongCA))") }
        XCTAssertTrue(wrongReason.lowercased().contains("certificate"), wrongReason)
    }

    func testTheConfiguredCAFileMakesTheSiteTrusted() async throws {
        let config = try ConfigFile.parse(
            """
            default_site = "local"
            [sites.local]
            url = "\(server.baseURL)"
            ca_file = "\(authority.caFile)"
            """)
        let resolver = SiteResolver(config: config, credentials: [:], environment: [:])
        let site = try XCTUnwrap(resolver.resolve(site: nil, apiKey: nil, apiUsername: nil))
        XCTAssertEqual(site.caFile, authority.caFile)
        // The service builds its client from the site: the CA file has to reach libcurl.
        let service = DiscourseService(site: site, pacing: .off)
        let latest = try await service.latestTopics(page: 0)
        XCTAssertFalse(latest.topics.isEmpty)
        let topic = try await service.topic(id: 10)
        XCTAssertEqual(topic.posts.count, topic.stream.count)
    }

    func testParallelRequestsMultiplexOverOneHTTP2Connection() async throws {
        // Each answer is held 400 ms: eight requests on one connection finish together only
        // if they travel as concurrent HTTP/2 streams (HTTP/1.1 would take 8 × 400 ms).
        let latency = 400
        server.faults.update { $0.latencyMs = latency }
        let client = self.client(caFile: authority.caFile, parallel: 8)
        let base = server.baseURL
        let started = Date()
        let responses = try await withThrowingTaskGroup(of: HTTPResponse.self) { group in
            for page in 0..<8 {
                group.addTask { try await client.fetch(HTTPRequest(url: base + "/latest.json?page=\(page % 2)")) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(responses.count, 8)
        XCTAssertEqual(responses.map(\.status), Array(repeating: 200, count: 8))
        XCTAssertEqual(responses.map(\.transport.httpVersion), Array(repeating: "2", count: 8))
        XCTAssertEqual(
            responses.reduce(0) { $0 + $1.transport.newConnections }, 1, "the eight requests opened one connection")
        XCTAssertLessThan(elapsed, Double(latency) * 4 / 1000, "the streams ran concurrently")
    }

    func testPlainHTTPStaysHTTP1() async throws {
        // The same client over the ordinary server: h2 is asked only over TLS.
        let plain = try await DemoServer.start(DemoServerConfiguration())
        let response = try await client(caFile: nil).fetch(HTTPRequest(url: plain.baseURL + "/site.json"))
        await plain.stop()
        XCTAssertEqual(response.transport.httpVersion, "1.1")
        XCTAssertEqual(response.transport.newConnections, 1)
    }
}
