import DemoServer
import ForaCore
import Foundation
import XCTest

@testable import DiscourseBackend
@testable import ForaNet

final class HTTPClientTests: XCTestCase {
    func testDeadPortIsUnreachable() async {
        let client = HTTPClient(configuration: HTTPClientConfiguration(maximumConcurrentTransfers: 2, retry: .none))
        do {
            _ = try await client.fetch(HTTPRequest(url: "http://127.0.0.1:9/latest.json"))
            XCTFail("nothing listens on port 9")
        } catch let error as ForaError {
            XCTAssertEqual(error, .hostUnreachable(host: "127.0.0.1:9"))
            XCTAssertEqual(error.exitCode, 3)
        } catch {
            XCTFail("unexpected \(error)")
        }
    }

    func testUnresolvableHostIsADNSError() async {
        let client = HTTPClient(configuration: HTTPClientConfiguration(maximumConcurrentTransfers: 1, retry: .none))
        do {
            _ = try await client.send(HTTPRequest(url: "http://no-such-host.invalid/latest.json"))
            XCTFail("the .invalid TLD never resolves")
        } catch let error as ForaError {
            XCTAssertEqual(error, .dns(host: "no-such-host.invalid"))
        } catch {
            XCTFail("unexpected \(error)")
        }
    }

    func testDiscourseErrorBodiesMapToErrors() {
        let forbidden = HTTPResponse(
            status: 403, headers: [:],
            body: Array(
                #"{"errors":["You are not permitted to view the requested resource."],"error_type":"invalid_access"}"#
                    .utf8))
        XCTAssertEqual(
            HTTPStatusMapping.error(for: forbidden), .forbidden("You are not permitted to view the requested resource.")
        )
        let request = HTTPRequest(url: "http://h/admin/users/3.json")
        guard case .forbidden(let detail?)? = HTTPStatusMapping.error(for: forbidden, request: request) else {
            return XCTFail("a 403 is forbidden")
        }
        XCTAssertTrue(detail.contains("admin account"), detail)
        XCTAssertTrue(detail.contains("You are not permitted"), detail)
        let notLoggedIn = HTTPResponse(status: 403, headers: [:], body: Array(#"{"error_type":"not_logged_in"}"#.utf8))
        XCTAssertEqual(HTTPStatusMapping.error(for: notLoggedIn), .notLoggedIn)
        XCTAssertEqual(HTTPStatusMapping.error(for: HTTPResponse(status: 404, headers: [:], body: [])), .notFound(nil))
        let limited = HTTPResponse(status: 429, headers: ["retry-after": "12"], body: [])
        XCTAssertEqual(HTTPStatusMapping.error(for: limited), .rateLimited(waitSeconds: 12))
        let invalid = HTTPResponse(
            status: 422, headers: [:],
            body: Array(#"{"action":"create_post","errors":["Body is too short","Title is bad"]}"#.utf8))
        XCTAssertEqual(HTTPStatusMapping.error(for: invalid), .validation(["Body is too short", "Title is bad"]))
        XCTAssertEqual(
            HTTPStatusMapping.error(for: HTTPResponse(status: 503, headers: [:], body: Array("<html>".utf8))),
            .serverError(status: 503))
        XCTAssertNil(HTTPStatusMapping.error(for: HTTPResponse(status: 200, headers: [:], body: [])))
    }

    func testRetryAfterForms() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        XCTAssertEqual(RetryAfter.parseHeader("2", now: now), 2)
        XCTAssertEqual(RetryAfter.parseHeader("Mon, 12 Jan 1970 13:46:50 GMT", now: now), 10)
        XCTAssertEqual(RetryAfter.parseHeader("Mon, 12 Jan 1970 13:46:30 GMT", now: now), 0, "a past date waits 0")
        XCTAssertNil(RetryAfter.parseHeader("soon", now: now))
        XCTAssertEqual(RetryAfter.parseBody(Array(#"{"errors":["x"],"extras":{"wait_seconds":7}}"#.utf8)), 7)
        let text =
            "Slow down, you're making too many requests.\nPlease retry again in 9 seconds.\nError code: ip_10_secs_limit.\n"
        XCTAssertEqual(RetryAfter.parseBody(Array(text.utf8)), 9)
        XCTAssertNil(RetryAfter.parseBody(Array("nothing".utf8)))
        XCTAssertEqual(RetryAfter.parseBody(Array(#"{"extras":{"wait_seconds":1e300}}"#.utf8)), RetryAfter.ceiling)
        XCTAssertEqual(RetryAfter.parseHeader("-5", now: now), 0)
        let absurd = HTTPResponse(status: 429, headers: ["retry-after": "99999999999999999999999"], body: [])
        XCTAssertEqual(HTTPStatusMapping.error(for: absurd), .rateLimited(waitSeconds: Int(RetryAfter.ceiling)))
        let both = HTTPResponse(
            status: 429, headers: ["retry-after": "3"], body: Array(#"{"extras":{"wait_seconds":7}}"#.utf8))
        XCTAssertEqual(RetryAfter.seconds(for: both), 3, "the header wins")
    }

    func testBackoffGrowsWithJitterWithinBounds() {
        let policy = RetryPolicy(maximumRetries: 5, baseDelay: 0.5)
        XCTAssertEqual(policy.backoff(attempt: 0, random: 0), 0.25)
        XCTAssertEqual(policy.backoff(attempt: 0, random: 1), 0.5)
        XCTAssertEqual(policy.backoff(attempt: 2, random: 1), 2)
        XCTAssertEqual(policy.backoff(attempt: 10, random: 1), policy.maximumDelay)
        let samples = (0..<50).map { _ in policy.backoff(attempt: 1) }
        XCTAssertTrue(samples.allSatisfy { (0.5...1).contains($0) })
        XCTAssertGreaterThan(Set(samples).count, 1, "jitter spreads retries")
    }

    func testPermissionHintsNameTheNeed() {
        XCTAssertTrue(PermissionHints.requirement(method: "GET", endpoint: "/review.json?x=1").contains("moderator"))
        XCTAssertTrue(PermissionHints.requirement(method: "PUT", endpoint: "/t/3/status.json").contains("moderator"))
        XCTAssertTrue(PermissionHints.requirement(method: "PUT", endpoint: "/posts/3.json").contains("author"))
        XCTAssertTrue(PermissionHints.requirement(method: "POST", endpoint: "/solution/accept.json").contains("author"))
    }

    func testRequestEndpointLeavesOutHostAndCredentials() {
        let request = HTTPRequest(url: "https://u:p@forum.example/t/1.json?x=1", headers: ["Api-Key": "secret"])
        XCTAssertEqual(request.endpoint, "/t/1.json?x=1")
        XCTAssertTrue(request.retryable)
        XCTAssertFalse(HTTPRequest(method: "POST", url: "http://h/posts.json").retryable)
    }
}

/// The multi handle against a live loopback server: parallelism, cancellation, headers.
final class HTTPTransportTests: DemoServerCase {
    func testParallelTransfersOverlap() async throws {
        server.faults.update { $0.latencyMs = 400 }
        let client = HTTPClient(configuration: HTTPClientConfiguration(maximumConcurrentTransfers: 4))
        let url = server.baseURL + "/site/basic-info.json"
        let started = Date()
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { try await client.fetch(HTTPRequest(url: url)).status } }
            for try await status in group { XCTAssertEqual(status, 200) }
        }
        let elapsed = Date().timeIntervalSince(started)
        // 8 requests of 0.4 s: one at a time 3.2 s; four at a time about 0.8 s.
        XCTAssertLessThan(elapsed, 2.0, "transfers ran in parallel")
        XCTAssertGreaterThanOrEqual(elapsed, 0.75, "no more than four at once")
    }

    func testCancellationEndsAWaitingTransferPromptly() async throws {
        server.faults.update { $0.latencyMs = 5000 }
        let client = HTTPClient()
        let url = server.baseURL + "/latest.json"
        let task = Task { try await client.send(HTTPRequest(url: url)) }
        try await Task.sleep(nanoseconds: 200_000_000)
        let started = Date()
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("the transfer was cancelled")
        } catch is CancellationError {
        } catch {
            XCTFail("expected CancellationError, got \(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 2)
    }

    func testTLSFailuresCarryTheirReason() async throws {
        // The demo server speaks plain HTTP: a TLS handshake with it fails.
        let client = HTTPClient(configuration: HTTPClientConfiguration(maximumConcurrentTransfers: 1, retry: .none))
        let https = "https://127.0.0.1:\(server.port)/latest.json"
        do {
            _ = try await client.fetch(HTTPRequest(url: https))
            XCTFail("no TLS on the other side")
        } catch ForaError.tls(let reason) {
            XCTAssertFalse(reason.isEmpty)
            XCTAssertEqual(ForaError.tls(reason: reason).exitCode, 3)
        }
        let missingCA = HTTPClient(
            configuration: HTTPClientConfiguration(
                maximumConcurrentTransfers: 1, caFile: "/nonexistent/ca.pem", retry: .none))
        do {
            _ = try await missingCA.fetch(HTTPRequest(url: https))
            XCTFail("an unreadable CA file is an error, never a silent skip of verification")
        } catch ForaError.tls(let reason) {
            XCTAssertFalse(reason.isEmpty)
        }
    }

    func testHeadersBodiesAndStatusesRoundTrip() async throws {
        let client = HTTPClient()
        let head = try await client.send(HTTPRequest(method: "HEAD", url: server.baseURL + "/user-api-key/new"))
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.headers["auth-api-version"], "4")
        XCTAssertTrue(head.body.isEmpty)
        let missing = try await client.send(HTTPRequest(url: server.baseURL + "/t/999999.json"))
        XCTAssertEqual(missing.status, 404)
        // Many sequential requests reuse pooled handles without leaking state between them.
        for _ in 0..<20 {
            let response = try await client.fetch(HTTPRequest(url: server.baseURL + "/site/basic-info.json"))
            XCTAssertEqual(response.status, 200)
        }
    }
}

final class RequestPacerTests: XCTestCase {
    final class FakeClock: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 1000.0
        var now: Double { lock.withLock { value } }
        func advance(_ seconds: Double) { lock.withLock { value += seconds } }
    }

    func testUserAPIKeyBudgetIsTwentyAMinute() async {
        let clock = FakeClock()
        let pacer = RequestPacer(limits: RateLimit.userAPIKey) { clock.now }
        for _ in 0..<20 {
            let (wait, _) = await pacer.reserve()
            XCTAssertEqual(wait, 0)
        }
        let (wait, reason) = await pacer.reserve()
        XCTAssertEqual(wait, 3, accuracy: 0.001, "the 21st waits for one token at 20/min")
        XCTAssertEqual(reason, "user API key, 20/min")
        clock.advance(60)
        let (later, _) = await pacer.reserve()
        XCTAssertEqual(later, 0)
    }

    func testA429PausesTheWholeSite() async {
        let clock = FakeClock()
        let pacer = RequestPacer(limits: RateLimit.perIP) { clock.now }
        await pacer.pause(for: 4)
        let (wait, reason) = await pacer.reserve()
        XCTAssertEqual(wait, 4, accuracy: 0.001)
        XCTAssertEqual(reason, "server rate limit")
    }

    func testLocalSitesSkipThePerIPLimits() {
        let local = SiteConfiguration(baseURL: "http://127.0.0.1:8766")
        XCTAssertTrue(DiscourseService.automaticLimits(for: local).isEmpty)
        var remote = SiteConfiguration(baseURL: "https://forum.example")
        XCTAssertEqual(DiscourseService.automaticLimits(for: remote), RateLimit.perIP)
        remote.userAPIKey = "k"
        XCTAssertEqual(DiscourseService.automaticLimits(for: remote), RateLimit.userAPIKey + RateLimit.perIP)
        XCTAssertTrue(HostClassifier.isLocal("192.168.1.4:80"))
        XCTAssertTrue(HostClassifier.isLocal("172.20.0.1"))
        XCTAssertFalse(HostClassifier.isLocal("172.40.0.1"))
        XCTAssertTrue(HostClassifier.isLocal("[::1]:8080"))
    }
}
