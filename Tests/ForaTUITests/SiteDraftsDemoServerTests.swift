import DemoServer
import DiscourseBackend
import ForaCore
import ForaNet
import Foundation
import XCTest

@testable import ForaTUI

/// The site's drafts through the real `DiscourseService` against the demo server: a draft
/// saved on one machine comes back on another, a delete after sending removes it, and the
/// sequence rule (a stale sequence is refused) is handled by refreshing it once.
final class SiteDraftsDemoServerTests: XCTestCase, @unchecked Sendable {
    private let runner = TestRunner()

    func testADraftTravelsBetweenMachinesAndIsGoneOnceSent() throws {
        let server = try EditConflictTests.blocking { try await DemoServer.start(DemoServerConfiguration()) }
        defer { _ = try? EditConflictTests.blocking { await server.stop() } }
        let alice = DiscourseService(
            site: SiteConfiguration(
                baseURL: server.baseURL, apiKey: DemoServerConfiguration.defaultAPIKey, apiUsername: "alice"),
            pacing: .off)
        let topicID = try XCTUnwrap(
            try EditConflictTests.blocking { try await alice.latestTopics(page: 0).topics.first?.id })
        let key = "topic_\(topicID)"

        try MainActor.assumeIsolated {
            let laptop = SiteDrafts(service: alice, runner: runner)
            let desktop = SiteDrafts(service: alice, runner: runner)
            laptop.save(ComposedPost(raw: "Begun on the laptop", topicID: topicID, replyToPostNumber: 2))
            runner.settle()
            let onSite = try EditConflictTests.blocking { try await alice.draft(key: key) }
            XCTAssertTrue(onSite?.data?.contains("Begun on the laptop") == true, "\(String(describing: onSite))")

            var restored: ComposedPost?
            desktop.load(topicID: topicID) { restored = $0 }
            runner.settle()
            XCTAssertEqual(restored, ComposedPost(raw: "Begun on the laptop", topicID: topicID, replyToPostNumber: 2))

            // Sent from the laptop: the draft is finished (its sequence moves on).
            laptop.delete(ComposedPost(raw: "Begun on the laptop", topicID: topicID))
            runner.settle()
            XCTAssertNil(try EditConflictTests.blocking { try await alice.draft(key: key) })

            // The laptop's next draft saves at the new sequence; the desktop, which still has
            // the old one, is refused once, refreshes and saves.
            laptop.save(ComposedPost(raw: "A second reply", topicID: topicID))
            runner.settle()
            desktop.save(ComposedPost(raw: "Typed on the desktop", topicID: topicID))
            runner.settle()
            let latest = try EditConflictTests.blocking { try await alice.draft(key: key) }
            XCTAssertTrue(latest?.data?.contains("Typed on the desktop") == true, "\(String(describing: latest))")
            XCTAssertFalse(laptop.isBusy || desktop.isBusy)
        }
    }
}
