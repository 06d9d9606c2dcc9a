import Foundation
import XCTest

@testable import ForaCore

/// Reading `:suspend 7d spamming links`, and decoding `/review/{id}/explain.json`.
final class PenaltyAndExplanationTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_800_000_000)

    func testDurationsAndReasons() throws {
        let week = try PenaltyRequest.parse("7d spamming links", now: now).get()
        XCTAssertEqual(week.until, now.addingTimeInterval(7 * 86_400))
        XCTAssertEqual(week.reason, "spamming links")
        XCTAssertEqual(week.span, "for 7d")
        XCTAssertEqual(try PenaltyRequest.parse("12h x", now: now).get().until, now.addingTimeInterval(12 * 3_600))
        XCTAssertEqual(try PenaltyRequest.parse("2w x", now: now).get().until, now.addingTimeInterval(14 * 86_400))
        let forever = try PenaltyRequest.parse("Forever   a bot", now: now).get()
        XCTAssertNil(forever.until)
        XCTAssertEqual(forever.reason, "a bot")
        XCTAssertEqual(forever.span, "indefinitely")
        let date = try PenaltyRequest.parse("2027-03-01 cooling off", now: now).get()
        XCTAssertEqual(date.until.map { ISO8601DateFormatter().string(from: $0) }, "2027-03-01T00:00:00Z")
    }

    func testWhatIsRefused() {
        XCTAssertEqual(PenaltyRequest.parse("", now: now), .failure(.missingDuration))
        XCTAssertEqual(PenaltyRequest.parse("7d", now: now), .failure(.missingReason))
        XCTAssertEqual(PenaltyRequest.parse("soon spam", now: now), .failure(.badDuration("soon")))
        XCTAssertEqual(PenaltyRequest.parse("0d spam", now: now), .failure(.badDuration("0d")))
        XCTAssertEqual(PenaltyRequest.parse("2020-01-01 past", now: now), .failure(.badDuration("2020-01-01")))
    }

    func testTheExplanationDecodesWithTheFlaggersNames() throws {
        let json = """
            {"reviewable_explanation": {"id": 4, "total_score": 9.5, "scores": [
              {"user_id": 3, "score": 6.5, "type_bonus": 1.5, "trust_level_bonus": 2.0, "take_action_bonus": 0,
               "user_accuracy_bonus": 3.0, "flags_agreed": 5, "flags_disagreed": 1, "flags_ignored": 2,
               "score_type": {"id": 8, "title": "Spam", "type": "spam"}},
              {"user_id": 9, "score": 3, "score_type": "off_topic"}]},
             "users": [{"id": 3, "username": "carol"}]}
            """
        let explanation = try JSONDecoder().decode(ReviewExplanation.Envelope.self, from: Data(json.utf8)).explanation
        XCTAssertEqual(explanation.totalScore, 9.5)
        XCTAssertEqual(explanation.scores.map(\.username), ["carol", nil])
        XCTAssertEqual(explanation.scores.map(\.scoreType), ["Spam", "off_topic"])
        XCTAssertEqual(
            explanation.scores[0].line, "+6.5 Spam by @carol: type bonus 1.5, trust level 2.0, staff 0.0, accuracy 3.0")
        XCTAssertEqual(explanation.scores[0].record, "their flags: 5 agreed, 1 disagreed, 2 ignored")
        XCTAssertEqual(explanation.lines.first, "Score 9.5 explained")
    }
}
