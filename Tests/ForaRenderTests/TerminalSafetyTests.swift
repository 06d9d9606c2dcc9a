import XCTest

@testable import ForaRender

/// Hostile input: nothing a post, title or username carries may reach the terminal as a
/// control. These use raw control bytes (libxml2 already drops most numeric references).
final class TerminalSafetyTests: XCTestCase {
    static let hostileStrings = [
        "\u{1B}[2J\u{1B}[H", "\u{1B}]0;pwned\u{07}", "\u{1B}]52;c;ZXZpbA==\u{07}", "\u{1B}]8;;http://x\u{1B}\\",
        "\u{9B}31m", "\u{9D}52;c;x\u{9C}", "over\rwrite", "back\u{08}\u{08}space", "del\u{7F}", "nul\u{00}",
        "bell\u{07}",
        "\u{1B}P+q\u{1B}\\", "tab\tand\nnewline", "\u{85}next-line",
    ]

    func testSanitizeLeavesNoControlAndShowsEscape() {
        for hostile in Self.hostileStrings {
            let clean = TerminalSafety.sanitize(hostile)
            XCTAssertTrue(TerminalSafety.isSafe(clean), "unsafe after sanitize: \(clean.debugDescription)")
            XCTAssertFalse(clean.contains("\n"), "one-line sanitize kept a newline")
        }
        XCTAssertEqual(TerminalSafety.sanitize("\u{1B}[2J"), "␛[2J")
        XCTAssertEqual(TerminalSafety.sanitize("a\rb"), "a␍b")
        XCTAssertEqual(TerminalSafety.sanitize("a\u{08}b"), "a␈b")
        XCTAssertEqual(TerminalSafety.sanitize("a\u{7F}b"), "a␡b")
        XCTAssertEqual(TerminalSafety.sanitize("a\u{9B}b"), "a\u{FFFD}b")
    }

    func testMultilineKeepsNewlinesButNotBareCarriageReturns() {
        XCTAssertEqual(TerminalSafety.sanitizeMultiline("a\r\nb\nc\rd"), "a\nb\nc␍d")
    }

    func testSafeStringsAreReturnedUnchanged() {
        let text = "Grüße, 日本語 👍🏽 — plain"
        XCTAssertTrue(TerminalSafety.isSafe(text))
        XCTAssertEqual(TerminalSafety.sanitize(text), text)
    }

    func testHostilePostRendersWithoutControls() {
        for hostile in Self.hostileStrings {
            let html = """
                <p>text \(hostile) end</p><pre><code>code \(hostile)</code></pre>
                <p><a href="https://x.example/\(hostile)">l \(hostile)</a><img src="i.png" alt="\(hostile)"></p>
                <aside class="quote" data-username="u\(hostile)" data-post="1"><blockquote><p>q</p></blockquote></aside>
                <table><tr><th>\(hostile)</th></tr><tr><td>\(hostile)</td></tr></table>
                """
            for width in [80, 10] {
                let document = CookedRenderer().render(html, width: width)
                for line in document.lines {
                    XCTAssertTrue(
                        TerminalSafety.isSafe(line.plainText), "unsafe line: \(line.plainText.debugDescription)")
                }
                for url in document.links { XCTAssertTrue(TerminalSafety.isSafe(url)) }
                let plain = DocumentWriter(style: .plain).write(document)
                XCTAssertFalse(plain.utf8.contains(0x1B), "ESC in plain output for \(hostile.debugDescription)")
            }
        }
    }

    func testControlReferencesAreShownNotDropped() {
        let document = CookedRenderer().render(
            "<p>a&#27;[2J b&#x1b;]52;c;x&#7; c&#155;d &amp;&#65;&#10;e</p>", width: 60)
        XCTAssertEqual(document.plainText, "a␛[2J b␛]52;c;x␇ c\u{FFFD}d &A e")
    }

    func testEscapeInTextIsShownNotDropped() {
        let document = CookedRenderer().render("<p>a\u{1B}[31mb</p>", width: 40)
        XCTAssertEqual(document.plainText, "a␛[31mb")
    }

    func testANSIWriterEmitsOnlyItsOwnEscapes() {
        let document = CookedRenderer().render("<p><strong>x\u{1B}]52;c;AA\u{07}</strong></p>", width: 40)
        let ansi = DocumentWriter(style: .ansi(hyperlinks: true)).write(document)
        XCTAssertFalse(ansi.contains("\u{1B}]52"), "an OSC 52 from the post reached the output")
        XCTAssertFalse(ansi.contains("\u{07}"))
        XCTAssertTrue(ansi.contains("\u{1B}[1m"), "bold SGR expected")
    }
}
