import ForaCore
import XCTest

@testable import ForaTUI

/// Post numbers a poster writes into a quote (`data-post`) or a link reach the reader's
/// jump arithmetic: none may trap it.
final class DocumentIntegerReaderTests: XCTestCase {
    static let extremes = [Int.max, Int.min, Int.min + 1, -1, 0, 1, 29, 30, 31, Int.max - 1]

    func testEstimatedPositionsOfAnyNumberStayInTheStream() {
        let source = FakeReaderSource(postCount: 100, gapAfter: 30)
        var stream = PostStream(
            topic: ReaderTopic(id: 1, title: "t", postCount: 100, initialPosts: (0..<20).map(source.post(at:))))
        for number in Self.extremes {
            XCTAssertTrue((0..<100).contains(stream.estimatedPosition(ofNumber: number)), "\(number)")
        }
        stream.insert([ReaderPost(id: 999, number: Int.min, username: "x", cooked: "")], at: 40)
        for number in Self.extremes {
            XCTAssertTrue((0..<100).contains(stream.estimatedPosition(ofNumber: number)), "\(number)")
        }
    }

    func testQuotesWithNumbersAtTheLimitsAreSkippedOrFollowedSafely() {
        let cooked = """
            <aside class="quote" data-post="-9223372036854775808" data-topic="1"></aside>
            <aside class="quote" data-post="0"></aside>
            <aside class="quote" data-post="123456789012345678901234567890"></aside>
            <aside class="quote" data-post="9223372036854775807" data-topic="-5"></aside>
            """
        XCTAssertEqual(QuoteSources.parse(cooked), [QuoteSources.Source(topicID: nil, postNumber: Int.max)])
        MainActor.assumeIsolated {
            let posts = (1...30).map { number in
                ReaderPost(id: number, number: number, username: "u", cooked: number == 1 ? cooked : "<p>\(number)</p>")
            }
            let reader = ReaderScreen(
                topic: ReaderTopic(id: 1, title: "Limits", postCount: 30, initialPosts: posts), renderer: FakeRenderer()
            )
            reader.draw(on: GridTerminal(rows: 24, columns: 80), focused: true)
            XCTAssertEqual(reader.perform(.followQuote, count: nil), .none)
            for number in Self.extremes { _ = reader.goto(postNumber: number) }
            reader.draw(on: GridTerminal(rows: 24, columns: 80), focused: true)
        }
    }
}
