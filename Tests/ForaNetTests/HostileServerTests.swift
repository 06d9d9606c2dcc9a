import DemoServer
import ForaCore
import Foundation
import XCTest

@testable import DiscourseBackend
@testable import ForaNet

/// The HTTP client against a demo server in its hostile mode: keys stay on their site, writes
/// never follow redirects, and no body or delay is unbounded.
final class HostileServerTests: XCTestCase {
    private var elsewhere: DemoServer!
    private var hostile: DemoServer!

    override func tearDown() async throws {
        await hostile?.stop()
        await elsewhere?.stop()
        try await super.tearDown()
    }

    /// Starts `elsewhere` (an ordinary server on another port) and `hostile`, set up by `adjust`.
    private func start(_ adjust: (inout HostileSettings, inout FaultSettings, String) -> Void) async throws {
        elsewhere = try await DemoServer.start(DemoServerConfiguration())
        var configuration = DemoServerConfiguration()
        adjust(&configuration.hostile, &configuration.faults, elsewhere.baseURL)
        hostile = try await DemoServer.start(configuration)
    }

    private func service(_ adjust: (inout HTTPClientConfiguration) -> Void = { _ in }) -> DiscourseService {
        var configuration = HTTPClientConfiguration(maximumConcurrentTransfers: 2, retry: .none)
        adjust(&configuration)
        let site = SiteConfiguration(
            baseURL: hostile.baseURL, apiKey: DemoServerConfiguration.defaultAPIKey, apiUsername: "alice")
        return DiscourseService(site: site, client: HTTPClient(configuration: configuration), pacing: .off)
    }

    private func error<T>(_ body: () async throws -> T) async -> ForaError? {
        do {
            _ = try await body()
            return nil
        } catch {
            return error as? ForaError
        }
    }

    func testAReadRedirectedToAnotherPortIsRefusedAndTheKeyStaysHome() async throws {
        try await start { hostile, _, target in hostile.redirectTarget = target }
        // Followed, the redirect would reach `elsewhere` with alice's key and come back as alice.
        let failure = await error { try await self.service().currentUser() }
        guard case .redirectRefused(let message)? = failure else {
            return XCTFail("expected the redirect to be refused, got \(String(describing: failure))")
        }
        XCTAssertTrue(message.contains(elsewhere.baseURL), message)
        XCTAssertEqual(failure?.exitCode, 7)
    }

    func testAWriteIsNeverRedirectedEvenToTheSameKindOfEndpoint() async throws {
        try await start { hostile, _, target in
            hostile.redirectTarget = target
            hostile.redirectPathPrefix = "/posts.json"
            hostile.redirectStatus = 302
        }
        let client = service().client
        var request = HTTPRequest(
            method: "POST", url: hostile.baseURL + "/posts.json",
            headers: ["Api-Key": DemoServerConfiguration.defaultAPIKey, "Api-Username": "alice"],
            body: Array("topic_id=1&raw=hello+from+a+redirected+write".utf8))
        request.retryable = false
        let failure = await error { try await client.fetch(request) }
        guard case .redirectRefused(let message)? = failure else {
            return XCTFail("a redirected POST must fail, not turn into a GET: \(String(describing: failure))")
        }
        XCTAssertTrue(message.contains("write"), message)
    }

    func testAnEndlessBodyStopsAtTheResponseSizeLimit() async throws {
        try await start { hostile, _, _ in hostile.endlessBodyPathPrefix = "/latest.json" }
        let started = Date()
        let failure = await error {
            try await self.service { $0.maximumResponseBytes = 1024 * 1024 }.latestTopics(page: 0)
        }
        guard case .responseLimit(let message)? = failure else {
            return XCTFail("expected the size limit, got \(String(describing: failure))")
        }
        XCTAssertTrue(message.contains("max_response_mb"), message)
        XCTAssertLessThan(Date().timeIntervalSince(started), 20)
    }

    func testATricklingBodyEndsAtTheOverallDeadline() async throws {
        try await start { _, faults, _ in
            faults.slowDrip = FaultSchedule(every: 1)
            faults.slowDripChunkBytes = 64
            faults.slowDripDelayMs = 400
        }
        let started = Date()
        let failure = await error { try await self.service { $0.totalTimeoutSeconds = 2 }.latestTopics(page: 0) }
        guard case .responseLimit(let message)? = failure else {
            return XCTFail("expected the deadline, got \(String(describing: failure))")
        }
        XCTAssertTrue(message.contains("timeout"), message)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "one attempt, not retried")
    }
}

/// Which redirects are followed, without a server.
final class RedirectPolicyTests: XCTestCase {
    private func response(_ status: Int, _ location: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["location": location], body: [])
    }

    func testARelativeRedirectWithinTheSiteIsFollowed() throws {
        let request = HTTPRequest(url: "https://forum.example.com/latest.json", headers: ["Api-Key": "k"])
        let next = try RedirectPolicy.next(after: response(301, "/latest.json?page=0"), to: request, original: request)
        XCTAssertEqual(next?.url, "https://forum.example.com/latest.json?page=0")
        XCTAssertEqual(next?.headers["Api-Key"], "k")
    }

    func testHTTPSToHTTPAnotherHostAndAnotherPortAreRefused() {
        let request = HTTPRequest(url: "https://forum.example.com/latest.json")
        for target in [
            "http://forum.example.com/latest.json", "https://evil.example.net/latest.json",
            "https://forum.example.com:8443/latest.json",
        ] {
            XCTAssertThrowsError(try RedirectPolicy.next(after: response(302, target), to: request, original: request))
            {
                XCTAssertEqual(($0 as? ForaError)?.exitCode, 7, target)
            }
        }
    }

    func testTheDefaultPortIsTheSameOrigin() throws {
        let request = HTTPRequest(url: "https://forum.example.com/latest.json")
        let next = try RedirectPolicy.next(
            after: response(302, "https://FORUM.example.com:443/l.json"), to: request, original: request)
        XCTAssertEqual(next?.url, "https://FORUM.example.com:443/l.json")
    }

    func testControlsInTheLocationAreNotPrinted() {
        let request = HTTPRequest(url: "https://forum.example.com/latest.json")
        XCTAssertThrowsError(
            try RedirectPolicy.next(
                after: response(302, "https://evil.example.net/\u{1B}]52;c;AAAA\u{07}"), to: request, original: request)
        ) {
            let message = ($0 as? ForaError)?.message ?? ""
            XCTAssertFalse(message.unicodeScalars.contains { $0.value < 0x20 }, message)
        }
    }
}
