// Faults on demand, set over the loopback test API (`PUT /__demo/faults`) or in process, and
// observed on the wire: latency, server errors at a deterministic rate, both forms of 429,
// a connection dropped mid-body, malformed JSON and a slow drip.
import Foundation
import XCTest

@testable import DemoServer

final class FaultInjectionTests: DemoServerTestCase {
    private func setFaults(_ json: String) async throws {
        let response = try await client.send(
            "PUT", "/__demo/faults", headers: ["Content-Type": "application/json"], body: Data(json.utf8))
        XCTAssertEqual(response.status, 200, response.text)
    }

    func testLatencyDelaysAPIAnswersButNotTheControlAPI() async throws {
        try await setFaults(#"{"latency_ms": 300}"#)
        let slow = try await client.get("/site/basic-info.json")
        XCTAssertEqual(slow.status, 200)
        XCTAssertGreaterThanOrEqual(slow.timeToFirstByte, 0.3)
        let control = try await client.get("/__demo/faults")
        XCTAssertLessThan(control.timeToFirstByte, 0.3)
        XCTAssertEqual(try control.jsonObject().int("latency_ms"), 300)
    }

    func testErrorRateFailsExactlyOneRequestInN() async throws {
        try await setFaults(#"{"error_rate": 0.25, "error_statuses": [503]}"#)
        var statuses: [Int] = []
        for _ in 0..<8 { statuses.append(try await client.get("/latest.json").status) }
        XCTAssertEqual(statuses, [200, 200, 200, 503, 200, 200, 200, 503])
    }

    func testErrorStatusesTakeTurnsInTheirRealShapes() async throws {
        try await setFaults(#"{"error_rate": 1, "error_statuses": [500, 502]}"#)
        let first = try await client.get("/latest.json")
        XCTAssertEqual(first.status, 500)
        XCTAssertEqual(try first.jsonObject().int("status"), 500)
        let second = try await client.get("/latest.json")
        XCTAssertEqual(second.status, 502)
        XCTAssertTrue(second.headers["content-type"]?.hasPrefix("text/html") ?? false)
        XCTAssertTrue(second.text.contains("502 Bad Gateway"))
        // The control API is never faulted.
        let control = try await client.get("/__demo/faults")
        XCTAssertEqual(control.status, 200)
    }

    func testRateLimitJSONEveryNthRequest() async throws {
        try await setFaults(#"{"rate_limit": {"every": 3}, "retry_after_seconds": 7}"#)
        var limited: [RawHTTPResponse] = []
        for index in 1...6 {
            let response = try await client.get("/latest.json")
            if index % 3 == 0 { limited.append(response) } else { XCTAssertEqual(response.status, 200) }
        }
        for response in limited {
            XCTAssertEqual(response.status, 429)
            XCTAssertEqual(response.headers["retry-after"], "7")
            XCTAssertEqual(response.headers["discourse-rate-limit-error-code"], "admin_api_key_rate_limit")
            let body = try response.jsonObject()
            XCTAssertEqual(body.string("error_type"), "rate_limit")
            XCTAssertEqual(body.object("extras")?.int("wait_seconds"), 7)
            XCTAssertEqual(body.object("extras")?.string("time_left"), "7 seconds")
            XCTAssertEqual((body["errors"] as? [String])?.count, 1)
        }
    }

    func testRateLimitTextForNextRequestsWithHTTPDate() async throws {
        try await setFaults(
            #"{"rate_limit": {"next": 2}, "rate_limit_form": "text", "retry_after_seconds": 30, "retry_after_as_date": true}"#
        )
        for _ in 0..<2 {
            let response = try await client.get("/latest.json")
            XCTAssertEqual(response.status, 429)
            XCTAssertTrue(response.headers["content-type"]?.hasPrefix("text/plain") ?? false)
            XCTAssertEqual(
                response.text,
                "Slow down, you're making too many requests.\nPlease retry again in 30 seconds.\nError code: ip_10_secs_limit.\n"
            )
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
            let retryAt = try XCTUnwrap(response.headers["retry-after"].flatMap { formatter.date(from: $0) })
            XCTAssertEqual(retryAt.timeIntervalSinceNow, 30, accuracy: 3)
        }
        let after = try await client.get("/latest.json")
        XCTAssertEqual(after.status, 200, "only the next two were limited")
    }

    func testConnectionDroppedMidBody() async throws {
        let normal = try await client.get("/latest.json")
        try await setFaults(#"{"drop_connection": {"next": 1}}"#)
        let dropped = try await client.get("/latest.json")
        XCTAssertEqual(dropped.status, 200)
        XCTAssertEqual(dropped.headers["content-length"], String(normal.body.count))
        XCTAssertTrue(dropped.truncated)
        XCTAssertEqual(dropped.body.count, normal.body.count / 2)
        let next = try await client.get("/latest.json")
        XCTAssertFalse(next.truncated)
        XCTAssertEqual(next.body.count, normal.body.count)
    }

    func testMalformedJSONTruncatedOrCorrupted() async throws {
        let normal = try await client.get("/site.json")
        try await setFaults(#"{"malformed_json": {"next": 1}, "malformed_form": "truncate"}"#)
        let truncated = try await client.get("/site.json")
        XCTAssertEqual(truncated.status, 200)
        XCTAssertFalse(truncated.truncated, "HTTP itself is complete")
        XCTAssertEqual(truncated.body.count, normal.body.count / 2)
        XCTAssertThrowsError(try truncated.json())

        try await setFaults(#"{"malformed_json": {"next": 1}, "malformed_form": "corrupt"}"#)
        let corrupt = try await client.get("/site.json")
        XCTAssertEqual(corrupt.status, 200)
        XCTAssertEqual(corrupt.body.count, normal.body.count)
        XCTAssertNotEqual(corrupt.body, normal.body)
        XCTAssertThrowsError(try corrupt.json())
    }

    func testSlowDripTricklesTheWholeBody() async throws {
        let normal = try await client.get("/site/basic-info.json")
        try await setFaults(#"{"slow_drip": {"every": 1}, "slow_drip_chunk_bytes": 100, "slow_drip_delay_ms": 40}"#)
        let slow = try await client.get("/site/basic-info.json")
        XCTAssertEqual(slow.body, normal.body)
        let chunks = (normal.body.count + 99) / 100
        XCTAssertGreaterThanOrEqual(chunks, 3)
        XCTAssertGreaterThanOrEqual(slow.totalTime, Double(chunks - 1) * 0.04)
        XCTAssertGreaterThan(slow.bodyArrivals.count, 1, "the body arrives in several pieces")
    }

    func testResetAndValidation() async throws {
        try await setFaults(#"{"error_rate": 1}"#)
        let reset = try await client.send("POST", "/__demo/reset-faults")
        XCTAssertEqual(reset.status, 200)
        let afterReset = try await client.get("/latest.json")
        XCTAssertEqual(afterReset.status, 200)
        let invalid = try await client.send(
            "PUT", "/__demo/faults", headers: ["Content-Type": "application/json"],
            body: Data(#"{"error_rate": 2}"#.utf8))
        XCTAssertEqual(invalid.status, 400)
        XCTAssertEqual(try invalid.jsonObject().string("error_type"), "invalid_parameters")
    }

    func testInProcessControllerChangesFaultsAtRunTime() async throws {
        server.faults.update { $0.rateLimit = FaultSchedule(next: 1) }
        let limited = try await client.get("/latest.json")
        XCTAssertEqual(limited.status, 429)
        let next = try await client.get("/latest.json")
        XCTAssertEqual(next.status, 200)
        XCTAssertEqual(server.faults.settings.rateLimit.next, 0, "the next count is used up")
    }
}

/// Faults given at start, as the executable's flags give them.
final class StartupFaultTests: DemoServerTestCase {
    override func makeConfiguration() -> DemoServerConfiguration {
        var configuration = super.makeConfiguration()
        configuration.faults.errorRate = 0.5
        configuration.faults.errorStatuses = [503]
        return configuration
    }

    func testConfiguredFaultsApplyFromTheFirstRequest() async throws {
        var statuses: [Int] = []
        for _ in 0..<4 { statuses.append(try await client.get("/latest.json").status) }
        XCTAssertEqual(statuses, [200, 503, 200, 503])
    }

    func testInvalidFaultsRefuseToStart() async throws {
        var configuration = super.makeConfiguration()
        configuration.faults.errorRate = -1
        do {
            let extra = try await DemoServer.start(configuration)
            await extra.stop()
            XCTFail("started with an error rate of -1")
        } catch is DemoServerError {}
    }
}

final class FaultControllerTests: XCTestCase {
    func testEveryNthCountsAPIRequests() {
        let controller = FaultController()
        controller.update { $0.dropConnection = FaultSchedule(every: 3) }
        let fired = (1...9).filter { _ in controller.decide().bodyFault == .dropMidBody }
        XCTAssertEqual(fired.count, 3)
        let pattern = (1...6).map { _ in controller.decide().bodyFault == .dropMidBody }
        XCTAssertEqual(pattern, [false, false, true, false, false, true])
    }

    func testHigherFaultsWinWithoutUsingUpLowerOnes() {
        let controller = FaultController()
        controller.update {
            $0.rateLimit = FaultSchedule(next: 1)
            $0.malformedJSON = FaultSchedule(next: 1)
        }
        XCTAssertEqual(controller.decide().outcome, .rateLimited(form: .json, retryAfterSeconds: 5, asDate: false))
        XCTAssertEqual(controller.decide().bodyFault, .malformed(.truncate))
        XCTAssertEqual(controller.decide(), .none)
    }

    func testDecodingFillsDefaults() throws {
        let settings = try JSONDecoder().decode(FaultSettings.self, from: Data(#"{"latency_ms": 12}"#.utf8))
        var expected = FaultSettings()
        expected.latencyMs = 12
        XCTAssertEqual(settings, expected)
        XCTAssertEqual(FaultSettings().problems, [])
    }
}
