import ForaCore
import Foundation
import XCTest

/// The hand-rolled timestamp reader: exact instants for every form Discourse sends, the same
/// answers as Foundation's ISO 8601 formatter, and nil for anything that is not a timestamp.
final class ISO8601TimestampTests: XCTestCase {
    func testExactInstants() throws {
        XCTAssertEqual(ForaDate.parse("1970-01-01T00:00:00Z")?.timeIntervalSince1970, 0)
        XCTAssertEqual(ForaDate.parse("2022-07-28T10:03:51Z")?.timeIntervalSince1970, 1_659_002_631)
        let fractional = try XCTUnwrap(ForaDate.parse("2022-07-28T10:03:51.280Z")).timeIntervalSince1970
        XCTAssertEqual(fractional, 1_659_002_631.28, accuracy: 1e-6)
        XCTAssertEqual(ForaDate.parse("2022-07-28T10:03:51.000Z"), ForaDate.parse("2022-07-28T10:03:51Z"))
        // Offsets: the same instant written in three zones.
        XCTAssertEqual(ForaDate.parse("2013-02-04T10:03:51-05:00"), ForaDate.parse("2013-02-04T15:03:51Z"))
        XCTAssertEqual(ForaDate.parse("2013-02-04T20:33:51+0530"), ForaDate.parse("2013-02-04T15:03:51Z"))
        XCTAssertEqual(ForaDate.parse("2024-02-29T23:59:59Z")?.timeIntervalSince1970, 1_709_251_199)
        XCTAssertEqual(ForaDate.parse("1969-12-31T23:59:59Z")?.timeIntervalSince1970, -1)
        let long = try XCTUnwrap(ForaDate.parse("2022-07-28T10:03:51.123456789123Z")).timeIntervalSince1970
        XCTAssertEqual(long, 1_659_002_631.123456789, accuracy: 1e-6)
    }

    func testAgreesWithFoundationsFormatter() {
        let plain = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let instant = Date(
                timeIntervalSince1970: Double(Int.random(in: -2_000_000_000...4_000_000_000, using: &random)))
            let millis = Int.random(in: 0..<1000, using: &random)
            plain.timeZone = TimeZone(secondsFromGMT: 60 * 15 * Int.random(in: -48...56, using: &random))
            let whole = plain.string(from: instant)
            XCTAssertEqual(ForaDate.parse(whole), instant, whole)
            let withMillis = plain.string(from: instant).replacingOccurrences(
                of: #"(:[0-9]{2})(Z|[+-])"#, with: "$1." + String(format: "%03d", millis) + "$2",
                options: .regularExpression)
            let expected = try? XCTUnwrap(fractional.date(from: withMillis))
            let parsed = ForaDate.parse(withMillis)
            XCTAssertEqual(
                parsed?.timeIntervalSince1970 ?? 0, expected?.timeIntervalSince1970 ?? 1, accuracy: 1e-3, withMillis)
        }
    }

    func testRejectsWhatIsNotATimestamp() {
        for text in [
            "", "yesterday", "2022-07-28", "2022-07-28T10:03:51", "2022-07-28T10:03Z", "2022-07-28 10:03:51Z",
            "2022-13-01T00:00:00Z", "2022-00-10T00:00:00Z", "2023-02-29T00:00:00Z", "2022-04-31T00:00:00Z",
            "2022-07-28T24:00:00Z", "2022-07-28T10:60:00Z", "2022-07-28T10:03:61Z", "2022-07-28T10:03:51.Z",
            "2022-07-28T10:03:51+5", "2022-07-28T10:03:51+25:00", "2022-07-28T10:03:51Zjunk", "22-07-28T10:03:51Z",
            "2022-7-28T10:03:51Z", "２０２２-07-28T10:03:51Z",
        ] {
            XCTAssertNil(ForaDate.parse(text), text)
        }
    }
}
