import ForaCore
import Foundation
import Synchronization
import XCTest

@testable import ForaRender

final class LayoutTests: XCTestCase {
    /// Deterministic pseudo-random generator so a failing case can be reproduced.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = [
        "word", "a", "longerword", "日本", "語", "👍🏽", "🇫🇷", "👨‍👩‍👧", "é", "ok.", "https://example.com/x/y/z",
        "שלום", "x", "—", "café",
    ]

    func testWrappedLinesFitAndKeepEveryGraphemeCluster() {
        var random = SplitMix(state: 42)
        for _ in 0..<300 {
            let count = Int.random(in: 1...30, using: &random)
            let words = (0..<count).map { _ in Self.pieces.randomElement(using: &random) ?? "x" }
            let text = words.joined(separator: " ")
            // From 2 columns: a wide character cannot be shown in 1 and is clipped there.
            let width = Int.random(in: 2...30, using: &random)
            let document = CookedRenderer().render("<p>\(text)</p>", width: width)
            for line in document.lines {
                XCTAssertLessThanOrEqual(RenderInspection.width(of: line), width, "\(line.plainText) at \(width)")
            }
            // Nothing lost or split: the clusters of the output are the input's, minus spaces.
            // Right-to-left words are shown in visual order (BidiReorder), so the order is
            // compared only where the text has none.
            let outputClusters = document.lines.flatMap { Array($0.plainText) }.filter { $0 != " " }
            let inputClusters = Array(text).filter { $0 != " " }
            if text.unicodeScalars.contains(where: BidiReorder.isRightToLeft) {
                XCTAssertEqual(outputClusters.map(String.init).sorted(), inputClusters.map(String.init).sorted(), text)
            } else {
                XCTAssertEqual(outputClusters, inputClusters, "width \(width): \(text)")
            }
        }
    }

    /// The cheap bound the renderer uses to skip measuring must never be below the width.
    func testWidthUpperBoundNeverUnderestimates() {
        var scalars: [Unicode.Scalar] = []
        for value in UInt32(0x20)..<0x3000 { if let scalar = Unicode.Scalar(value) { scalars.append(scalar) } }
        scalars += ["\u{1F44D}", "\u{1F3FD}", "\u{FE0F}", "\u{200D}", "\u{1F1EB}", "\u{FF21}"]
        for scalar in scalars {
            let line = StyledLine([StyledRun(String(Character(scalar)) + "x")])
            XCTAssertGreaterThanOrEqual(
                LineMeasure.upperBound(of: line), LineMeasure.width(of: line), "U+\(String(scalar.value, radix: 16))")
        }
        let cluster = StyledLine([StyledRun("©\u{FE0F}👍🏽🇫🇷👨‍👩‍👧─│")])
        XCTAssertGreaterThanOrEqual(LineMeasure.upperBound(of: cluster), LineMeasure.width(of: cluster))
    }

    func testWideCharactersCountTwoColumns() {
        let document = CookedRenderer().render("<p>日本語日本語</p>", width: 7)
        XCTAssertEqual(document.lines.map(\.plainText), ["日本語", "日本語"])
        XCTAssertEqual(DisplayWidth.of("日本語"), 6)
    }

    func testWhitespaceCollapsesAndEntitiesDecode() {
        let document = CookedRenderer().render("<p>  a \n\t b&nbsp;c &amp; &lt;d&gt;  </p>", width: 80)
        XCTAssertEqual(document.plainText, "a b\u{A0}c & <d>")
    }

    func testCodeBlockIsNeverRewrapped() {
        let code = String(repeating: "x", count: 50)
        let document = CookedRenderer().render("<pre><code class=\"lang-swift\">\(code)\nshort</code></pre>", width: 20)
        XCTAssertEqual(document.lines.count, 3)
        XCTAssertEqual(document.lines[0].plainText, "swift")
        XCTAssertEqual(document.lines[1].plainText, "  " + String(repeating: "x", count: 17) + "→")
        XCTAssertEqual(document.lines[2].plainText, "  short")
    }

    func testLinksAreNumberedOnceAndListed() {
        let html =
            "<p><a href=\"https://a.example\">A</a> <a href=\"https://b.example\">B</a> <a href=\"https://a.example\">A2</a></p>"
        let document = CookedRenderer().render(html, width: 80)
        XCTAssertEqual(document.links, ["https://a.example", "https://b.example"])
        XCTAssertEqual(document.plainText, "A[1] B[2] A2[1]")
        XCTAssertEqual(document.lines[0].runs.first?.link, 1)
        XCTAssertEqual(document.linkListLines.map(\.plainText), ["[1] https://a.example", "[2] https://b.example"])
    }

    func testRelativeLinksResolveAgainstTheSite() {
        let renderer = CookedRenderer(options: RenderOptions(baseURL: "https://forum.example/sub"))
        let html =
            "<p><a href=\"/t/x/1\">a</a> <img src=\"//cdn.example/i.png\" alt=\"i\"> <a href=\"https://o.example\">o</a></p>"
        XCTAssertEqual(
            renderer.render(html, width: 80).links,
            ["https://forum.example/t/x/1", "https://cdn.example/i.png", "https://o.example"])
        XCTAssertEqual(CookedRenderer().render(html, width: 80).links.first, "/t/x/1", "no base: kept as written")
    }

    func testQuoteFoldCoversItsBody() throws {
        let html = """
            <p>before</p><aside class="quote" data-username="sam" data-post="3" data-topic="42">
            <div class="title">sam:</div><blockquote><p>one</p><p>two</p></blockquote></aside>
            """
        let document = CookedRenderer().render(html, width: 40)
        let fold = try XCTUnwrap(document.folds.first)
        XCTAssertEqual(fold.kind, .quote)
        XCTAssertEqual(document.lines[fold.header].plainText, "sam said in post #3:")
        XCTAssertEqual(fold.body.map { document.lines[$0].plainText }, ["│ one", "│", "│ two"])
        XCTAssertEqual(fold.quote, QuoteSource(username: "sam", post: 3, topic: 42))
    }

    func testNestedStructuresStayWithinNarrowWidths() {
        let html = """
            <blockquote><ul><li><aside class="quote" data-username="a"><blockquote><ol><li>
            deep text that must wrap somewhere</li></ol></blockquote></aside></li></ul></blockquote>
            """
        for width in 1...12 {
            let document = CookedRenderer().render(html, width: width)
            for line in document.lines { XCTAssertLessThanOrEqual(RenderInspection.width(of: line), width) }
        }
    }

    /// Deep nesting must not exhaust a small thread stack (background renders run on
    /// threads with far less than the main thread's 8 MB).
    func testDeepNestingRendersOnASmallStack() {
        let html =
            String(repeating: "<ul><li><blockquote><aside class=\"quote\"><blockquote>", count: 60) + "deep text"
        let done = DispatchSemaphore(value: 0)
        let lines = Mutex(-1)
        let thread = Thread {
            lines.withLock { $0 = CookedRenderer().render(html, width: 40).lines.count }
            done.signal()
        }
        thread.stackSize = 256 * 1024
        thread.start()
        XCTAssertEqual(done.wait(timeout: .now() + 60), .success, "render did not finish")
        XCTAssertGreaterThan(lines.withLock { $0 }, 0)
    }

    func testEmptyAndGarbageInputDoNotCrash() {
        XCTAssertEqual(CookedRenderer().render("", width: 80).lines, [])
        XCTAssertEqual(CookedRenderer().render("   \n", width: 80).plainText, "")
        _ = CookedRenderer().render("<<<>>><p<a href=", width: 5)
        _ = CookedRenderer().render(String(repeating: "<div>", count: 2_000), width: 40)
    }

    func testEmojiAliases() {
        XCTAssertEqual(EmojiTable.character(for: ":smile:"), "😄")
        XCTAssertEqual(EmojiTable.character(for: ":+1:t5:"), "👍🏾")
        XCTAssertEqual(EmojiTable.character(for: ":no_such_emoji:"), ":no_such_emoji:")
    }
}

/// Inputs the fuzzer found, kept so they stay fixed.
final class FuzzRegressionTests: XCTestCase {
    func testLongCodeLanguageLabelIsClipped() {
        let html = "<pre><code class=\"lang-ruby\u{FFFD}\u{FFFD}\u{FFFD}\u{7C7}llo(name)\">x</code></pre>"
        let document = CookedRenderer().render(html, width: 10)
        XCTAssertEqual(document.lines.first?.plainText, "ruby���߇l→")
        for line in document.lines { XCTAssertLessThanOrEqual(RenderInspection.width(of: line), 10) }
    }

    func testFixedLabelsFitNarrowPanes() {
        let html = "<div class=\"spoiler\"><p>secret</p></div><hr><h1>Title</h1>"
        for width in 1...16 {
            for line in CookedRenderer().render(html, width: width).lines {
                XCTAssertLessThanOrEqual(RenderInspection.width(of: line), width, "\(line.plainText) at \(width)")
            }
        }
    }

    func testOneboxURLWithNewlineStaysOnOneLine() {
        let html = "<aside class=\"onebox\" data-onebox-src=\"http--\n\"><p>x</p></aside>"
        for width in [80, 23, 1] {
            let document = CookedRenderer().render(html, width: width)
            for line in document.lines {
                XCTAssertTrue(TerminalSafety.isSafe(line.plainText), line.plainText.debugDescription)
                XCTAssertLessThanOrEqual(RenderInspection.width(of: line), width)
            }
        }
    }
}
