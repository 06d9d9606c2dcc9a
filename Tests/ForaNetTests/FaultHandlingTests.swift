import DemoServer
import ForaCore
import Foundation
import XCTest

@testable import ForaNet

/// The demo server's faults against the client: waits, retries and clear errors, never a crash.
final class FaultHandlingTests: DemoServerCase {
    func testA429WithRetryAfter2IsWaitedOutThenSucceeds() async throws {
        server.faults.update {
            $0.rateLimit = FaultSchedule(next: 1)
            $0.retryAfterSeconds = 2
        }
        let service = self.service()
        let log = EventLog()
        service.client.observe { log.append($0) }
        let started = Date()
        let list = try await service.latestTopics(page: 0)
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertFalse(list.topics.isEmpty)
        XCTAssertGreaterThanOrEqual(elapsed, 2.0, "the announced 2 s were waited")
        XCTAssertLessThan(elapsed, 10)
        XCTAssertEqual(log.events.map(\.kind), [.rateLimited])
        XCTAssertEqual(log.events.first?.seconds, 2)
    }

    func testTextFormAndHTTPDateRetryAfterAreHonoured() async throws {
        server.faults.update {
            $0.rateLimit = FaultSchedule(next: 1)
            $0.rateLimitForm = .text
            $0.retryAfterSeconds = 1
            $0.retryAfterAsDate = true
        }
        let service = self.service()
        let log = EventLog()
        service.client.observe { log.append($0) }
        _ = try await service.categories()
        XCTAssertEqual(log.events.count, 1)
        XCTAssertEqual(log.events.first?.kind, .rateLimited)
        XCTAssertLessThanOrEqual(log.events.first?.seconds ?? 99, 2)
    }

    func testGivingUpOnRateLimitsIsTheRateLimitedError() async throws {
        server.faults.update {
            $0.rateLimit = FaultSchedule(next: 10)
            $0.retryAfterSeconds = 30
        }
        let policy = RetryPolicy(maximumRetries: 1, baseDelay: 0.05, maximumRateLimitWait: 5)
        let error = await foraError { try await self.service(retry: policy).latestTopics(page: 0) }
        XCTAssertEqual(error, .rateLimited(waitSeconds: 30))
        XCTAssertEqual(error?.exitCode, 6)
    }

    func testA503IsRetriedForReads() async throws {
        server.faults.update {
            $0.errorRate = 0.5
            $0.errorStatuses = [503]
        }
        let service = self.service()
        let log = EventLog()
        service.client.observe { log.append($0) }
        _ = try await service.latestTopics(page: 0)  // request 1: fine
        _ = try await service.categories()  // request 2: 503, then 3: fine
        XCTAssertEqual(log.events.count, 1)
        guard case .retrying(let attempt, let reason)? = log.events.first?.kind else {
            return XCTFail("expected a retry, got \(log.events)")
        }
        XCTAssertEqual(attempt, 1)
        XCTAssertTrue(reason.contains("503"), reason)
    }

    func testPersistent503EndsAsServerErrorAfterTheRetries() async throws {
        server.faults.update {
            $0.errorRate = 1
            $0.errorStatuses = [503]
        }
        let service = self.service()
        let log = EventLog()
        service.client.observe { log.append($0) }
        let error = await foraError { try await service.categories() }
        XCTAssertEqual(error, .serverError(status: 503))
        XCTAssertEqual(error?.exitCode, 7)
        XCTAssertEqual(log.events.count, DemoServerCase.quickRetries.maximumRetries)
    }

    func testWritesAreNeverRetriedBlindly() async throws {
        server.faults.update {
            $0.errorRate = 1
            $0.errorStatuses = [502]
        }
        let service = self.service()
        let log = EventLog()
        service.client.observe { log.append($0) }
        let error = await foraError {
            try await service.createPost(.reply(to: 1, raw: "A reply that must not be doubled."))
        }
        XCTAssertEqual(error, .serverError(status: 502))
        XCTAssertTrue(log.events.isEmpty, "a POST is not retried: \(log.events)")
    }

    func testADroppedConnectionIsRetriedForReads() async throws {
        server.faults.update { $0.dropConnection = FaultSchedule(next: 1) }
        let topics = try await service().latestTopics(page: 0)
        XCTAssertFalse(topics.topics.isEmpty)
    }

    func testConnectionsThatKeepDroppingEndInAClearError() async throws {
        server.faults.update { $0.dropConnection = FaultSchedule(next: 20) }
        let error = await foraError { try await self.service().latestTopics(page: 0) }
        let message = error?.message ?? ""
        XCTAssertTrue(message.contains("connection to 127.0.0.1"), message)
        XCTAssertTrue(message.contains("lost"), message)
    }

    func testMalformedJSONNamesTheEndpoint() async throws {
        for form in MalformedForm.allCases {
            server.faults.update {
                $0.malformedJSON = FaultSchedule(next: 1)
                $0.malformedForm = form
            }
            let error = await foraError { try await self.service().latestTopics(page: 0) }
            guard case .malformedResponse(let endpoint, let field)? = error else {
                return XCTFail("expected malformedResponse, got \(String(describing: error))")
            }
            XCTAssertEqual(endpoint, "/latest.json")
            XCTAssertFalse(field.isEmpty)
        }
    }

    func testAMalformedBatchFailsTheWholeTopicClearly() async throws {
        let service = self.service(parallel: 1)
        server.faults.update { $0.malformedJSON = FaultSchedule(every: 5) }
        let error = await foraError { try await service.topic(id: 10) }
        guard case .malformedResponse(let endpoint, _)? = error else {
            return XCTFail("expected malformedResponse, got \(String(describing: error))")
        }
        XCTAssertEqual(endpoint, "/t/10/posts.json")
    }

    func testA403SaysWhichPermissionIsMissing() async throws {
        let error = await foraError { try await self.service(as: "alice").reviewQueue(status: "pending") }
        guard case .forbidden(let detail?)? = error else {
            return XCTFail("expected forbidden, got \(String(describing: error))")
        }
        XCTAssertTrue(detail.contains("moderator or admin"), detail)
        XCTAssertEqual(error?.exitCode, 4)
    }

    func testAnonymousPersonalListsNeedALogin() async throws {
        let error = await foraError { try await self.service(as: nil).topicList(TopicListQuery(filter: .new)) }
        XCTAssertEqual(error, .notLoggedIn)
    }

    func testUnknownTopicIsNotFound() async throws {
        let error = await foraError { try await self.service().topic(id: 999_999) }
        XCTAssertEqual(error?.exitCode, 5)
    }

    func testSlowResponsesStillArriveWhole() async throws {
        server.faults.update {
            $0.slowDrip = FaultSchedule(next: 1)
            $0.slowDripChunkBytes = 4096
            $0.slowDripDelayMs = 5
        }
        let list = try await service().latestTopics(page: 0)
        XCTAssertFalse(list.topics.isEmpty)
    }
}
