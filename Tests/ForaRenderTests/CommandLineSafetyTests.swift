import Foundation
import XCTest

@testable import ForaRender

/// What the CLI prints: the terminal sanitiser plus bidi overrides dropped, and JSON with the
/// controls `JSONSerialization` leaves raw written as escapes.
final class CommandLineSafetyTests: XCTestCase {
    func testCommandLineTextKeepsNewlinesAndDropsEveryControl() {
        let hostile =
            "title\u{1B}[2J\u{1B}]52;c;aGk=\u{07}\u{9B}31m\u{7F}\u{85}\r\u{08}\u{202E}evil\u{2066}x\u{2069}\nnext\tline"
        let clean = TerminalSafety.sanitizeForCommandLine(hostile)
        XCTAssertEqual(clean, "title␛[2J␛]52;c;aGk=␇\u{FFFD}31m␡\u{FFFD}␍␈evilx\nnext line")
        for line in clean.split(separator: "\n") { XCTAssertTrue(TerminalSafety.isSafe(String(line))) }
        XCTAssertEqual(TerminalSafety.sanitizeForCommandLine("plain ünïcode שלום"), "plain ünïcode שלום")
    }

    func testJSONEscapesDelC1AndBidiControlsAndStaysTheSameDocument() throws {
        let value = ["t": "a\u{7F}b\u{80}c\u{9B}d\u{9F}e\u{A0}f\u{202E}g\u{2066}h\u{2028}i\u{2029}j\u{1B}k é 日本 👍"]
        let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
        XCTAssertTrue(data.contains(0x7F), "JSONSerialization leaves DEL raw (what this fixes)")
        let escaped = TerminalSafety.escapeControls(inJSON: Array(data))
        let text = String(decoding: escaped, as: UTF8.self)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            XCTAssertFalse(
                v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || (0x2028...0x202E).contains(v)
                    || (0x2066...0x2069).contains(v), "raw U+\(String(v, radix: 16)) in \(text)")
        }
        XCTAssertTrue(text.contains(#"\u007f"#) && text.contains(#"\u009b"#) && text.contains(#"\u202e"#), text)
        let decoded = try JSONSerialization.jsonObject(with: Data(escaped)) as? [String: String]
        XCTAssertEqual(decoded, value, "a JSON parser reads the same strings")
        XCTAssertEqual(TerminalSafety.escapeControls(inJSON: Array("{\"a\":\"b\"}".utf8)), Array("{\"a\":\"b\"}".utf8))
    }
}
