import ForaCore
import XCTest

@testable import ForaRender

/// Every integer a poster controls, at its limits: no value may trap (a trap kills every
/// reader of the topic) or make a line wider than asked.
final class DocumentIntegerTests: XCTestCase {
    static let limits = [
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "123456789012345678901234567890", "-123456789012345678901234567890", "2147483647", "2147483648",
        "-2147483648", "0", "-1", "1", "+5", " 7 ", "\t-3\n", "", " ", "abc", "12abc", "1e9", "0x10", "--1", "+-1",
        "٣", "１２", "9" + String(repeating: "9", count: 400),
    ]

    /// Documents that carry an integer attribute; `V` is replaced by the value under test.
    static let templates = [
        "<ol start=\"V\"><li>a<li>b</ol>",
        "<ol reversed start=\"V\"><li>a<li>b<li>c</ol>",
        "<ol reversed><li value=\"V\">a<li>b</ol>",
        "<ol><li value=\"V\">a<li>b<li value=\"V\">c<li>d</ol>",
        "<ul><li><ol start=\"V\"><li>nested<li>again</ol></li></ul>",
        "<table><tr><th colspan=\"V\" rowspan=\"V\">h<th>i</tr><tr><td colspan=\"V\">a<td rowspan=\"V\">b</tr></table>",
        "<p><img src=\"/i.png\" width=\"V\" height=\"V\" alt=\"pic\"></p>",
        "<pre data-line=\"V\" data-start=\"V\"><code class=\"lang-ruby\" data-line=\"V\">x\ny</code></pre>",
        "<aside class=\"quote\" data-username=\"a\" data-post=\"V\" data-topic=\"V\"><blockquote><p>q</p></blockquote></aside>",
        "<div class=\"poll\" data-poll-name=\"poll\" data-poll-max=\"V\" data-poll-min=\"V\"><ul><li data-poll-option-id=\"V\">x</li></ul></div>",
        "<p><sup class=\"footnote-ref\"><a href=\"#fn-V\">[V]</a></sup></p><ol class=\"footnotes-list\" start=\"V\"><li>n</ol>",
    ]

    func testEveryIntegerAttributeAtItsLimitsRendersWithinTheWidth() {
        for template in Self.templates {
            for value in Self.limits {
                let html = template.replacingOccurrences(of: "V", with: value)
                for width in [80, 23, 1] {
                    let document = CookedRenderer().render(html, width: width)
                    for line in document.lines {
                        XCTAssertLessThanOrEqual(RenderInspection.width(of: line), width, "\(html) at \(width)")
                        XCTAssertTrue(TerminalSafety.isSafe(line.plainText))
                    }
                }
            }
        }
    }

    /// Random attribute values built from digits, signs and white space: the property holds for
    /// all of them, not only the listed ones.
    func testRandomIntegerStringsNeverTrap() {
        var random = LayoutTests.SplitMix(state: 2026)
        let alphabet = Array("0123456789999999999-+ \t\nx.e")
        for _ in 0..<400 {
            let length = Int.random(in: 0...45, using: &random)
            let value = String((0..<length).map { _ in alphabet.randomElement(using: &random) ?? "9" })
            let parsed = DocumentInteger.parse(value)
            if let parsed { XCTAssertLessThanOrEqual(abs(parsed), DocumentInteger.bound, value) }
            let html =
                "<ol reversed start=\"\(value)\"><li value=\"\(value)\">a<li>b</ol><ol start=\"\(value)\"><li>c<li>d</ol>"
            for line in CookedRenderer().render(html, width: 30).lines {
                XCTAssertLessThanOrEqual(RenderInspection.width(of: line), 30, value)
            }
        }
    }

    func testParsingFollowsHTMLAndSaturates() {
        let bound = DocumentInteger.bound
        XCTAssertEqual(DocumentInteger.parse("9223372036854775807"), bound)
        XCTAssertEqual(DocumentInteger.parse("-9223372036854775808"), -bound)
        XCTAssertEqual(DocumentInteger.parse("123456789012345678901234567890"), bound)
        XCTAssertEqual(DocumentInteger.parse(" 7 "), 7)
        XCTAssertEqual(DocumentInteger.parse("\t-3\n"), -3)
        XCTAssertEqual(DocumentInteger.parse("+5"), 5)
        XCTAssertEqual(DocumentInteger.parse("12abc"), 12)
        XCTAssertNil(DocumentInteger.parse("abc"))
        XCTAssertNil(DocumentInteger.parse(""))
        XCTAssertNil(DocumentInteger.parse("-"))
        XCTAssertNil(DocumentInteger.parse("--1"))
        XCTAssertNil(DocumentInteger.parse("٣"), "only ASCII digits count, as in HTML")
        XCTAssertNil(DocumentInteger.parse(nil))
        XCTAssertEqual(DocumentInteger.saturatingAdd(Int.max, 1), Int.max)
        XCTAssertEqual(DocumentInteger.saturatingAdd(Int.min, -1), Int.min)
        XCTAssertEqual(DocumentInteger.saturatingAdd(2, 3), 5)
    }

    /// The list from the issue: it trapped in `ListLayout` and killed every reader.
    func testOverflowingListStartRendersClampedNumbers() {
        let document = CookedRenderer().render("<ol start=\"9223372036854775807\"><li>a<li>b</ol>", width: 40)
        XCTAssertEqual(document.plainText, "2147483647. a\n2147483648. b")
        let negative = CookedRenderer().render("<ol start=\"-9223372036854775808\"><li>a<li>b</ol>", width: 40)
        XCTAssertEqual(negative.plainText, "-2147483647. a\n-2147483646. b")
        XCTAssertEqual(CookedRenderer().render("<ol start=\"abc\"><li>a<li>b</ol>", width: 40).plainText, "1. a\n2. b")
    }

    func testReversedListsAndItemValuesCount() {
        XCTAssertEqual(
            CookedRenderer().render("<ol reversed><li>a<li>b<li>c</ol>", width: 40).plainText, "3. a\n2. b\n1. c")
        XCTAssertEqual(
            CookedRenderer().render("<ol reversed start=\"-9223372036854775808\"><li>a<li>b</ol>", width: 40).plainText,
            "-2147483647. a\n-2147483648. b")
        XCTAssertEqual(
            CookedRenderer().render("<ol><li>a<li value=\"10\">b<li>c</ol>", width: 40).plainText, " 1. a\n10. b\n11. c"
        )
    }

    /// Poll counts come from the site's JSON; sums and percentages of huge ones must not trap.
    func testPollCountsAtTheLimits() {
        let html = """
            <div class="poll" data-poll-name="poll"><ul><li data-poll-option-id="a">yes</li>\
            <li data-poll-option-id="b">no</li><li data-poll-option-id="c">maybe</li></ul></div>
            """
        let extremes: [[String: Int]] = [
            ["a": Int.max, "b": Int.max, "c": 1], ["a": Int.min, "b": 3, "c": 1], ["a": Int.max, "b": Int.min, "c": 0],
            ["a": 0, "b": 0, "c": 0],
        ]
        for votes in extremes {
            let document = CookedRenderer(options: RenderOptions(pollVotes: ["poll": votes])).render(html, width: 60)
            XCTAssertFalse(document.plainText.contains("-"), "no negative count or percentage: \(document.plainText)")
        }
        XCTAssertEqual(PollLayout.percent(1, of: 3), 33)
        XCTAssertEqual(PollLayout.percent(29, of: 100), 29)
        XCTAssertEqual(PollLayout.percent(Int.max, of: Int.max), 100)
        XCTAssertTrue((49...50).contains(PollLayout.percent(Int.max / 2, of: Int.max)), "about half")
        XCTAssertEqual(PollLayout.percent(5, of: 0), 0)
    }

    /// The composer's preview goes through markdown first: a huge list start there too.
    func testMarkdownPreviewWithHugeListStart() {
        for value in ["999999999", "9223372036854775807", "123456789012345678901234567890"] {
            let document = MarkdownPreview.render("\(value). a\n1. b\n", width: 30)
            for line in document.lines { XCTAssertLessThanOrEqual(RenderInspection.width(of: line), 30) }
        }
    }
}
