import Foundation
import XCTest

@testable import ForaCore

/// Small actions read as the site shows them, and an unknown code never as an empty post.
final class SmallActionTests: XCTestCase {
    func testKnownCodesReadAsTheSiteSaysThem() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let twoHoursBefore = ISO8601DateFormatter().string(from: now.addingTimeInterval(-7_200))
        XCTAssertEqual(
            SmallAction.line(code: "closed.enabled", username: "moderator", createdAt: twoHoursBefore, now: now),
            "moderator closed the topic 2h ago")
        XCTAssertEqual(SmallAction.phrase(for: "pinned.enabled"), "pinned the topic")
        XCTAssertEqual(SmallAction.phrase(for: "archived.disabled"), "unarchived the topic")
    }

    func testAnUnknownOrHostileCodeStillSaysSomethingReadable() {
        XCTAssertEqual(SmallAction.phrase(for: "frobnicated.enabled"), "took an action: frobnicated enabled")
        XCTAssertEqual(SmallAction.phrase(for: nil), "took an action on this topic")
        XCTAssertFalse(SmallAction.phrase(for: "x\u{1B}[31m").contains("\u{1B}"))
    }
}
