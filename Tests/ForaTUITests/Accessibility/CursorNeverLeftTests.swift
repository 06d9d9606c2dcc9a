import Foundation
import XCTest

/// No code path calls `leaveok` with true: curses would then leave the cursor wherever its
/// last write ended, and screen readers, which follow the cursor, would read the wrong place.
final class CursorNeverLeftTests: XCTestCase {
    private static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// The `leaveok(…)` calls in `text` whose flag is anything but false.
    static func leaveokCalls(in text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: "leaveok") {
            let after = rest[start.upperBound...].drop { $0 == " " }
            rest = rest[start.upperBound...]
            guard after.first == "(", let close = Self.closingParenthesis(of: after) else { continue }
            let arguments = after[after.index(after: after.startIndex)..<close]
            let flag = arguments.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if !["false", "FALSE", "0"].contains(flag) { found.append("leaveok(" + arguments + ")") }
        }
        return found
    }

    /// The index of the ")" that closes the "(" `text` starts with.
    static func closingParenthesis(of text: Substring) -> Substring.Index? {
        var depth = 0
        for index in text.indices {
            if text[index] == "(" { depth += 1 }
            if text[index] == ")" {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    func testTheScanFindsATrueLeaveok() {
        XCTAssertEqual(Self.leaveokCalls(in: "x\nleaveok(fora_stdscr(), true)\n"), ["leaveok(fora_stdscr(), true)"])
        XCTAssertEqual(Self.leaveokCalls(in: "leaveok (win, TRUE);"), ["leaveok(win, TRUE)"])
        XCTAssertEqual(Self.leaveokCalls(in: "leaveok(win, flag)"), ["leaveok(win, flag)"], "unknown counts as true")
        XCTAssertEqual(Self.leaveokCalls(in: "leaveok(win, false); // leaveok is off"), [])
    }

    func testNoSourceFileLeavesTheCursorWhereverItEnds() throws {
        let enumerator = FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil)
        var scanned = 0
        while let url = enumerator?.nextObject() as? URL {
            guard ["swift", "h", "c"].contains(url.pathExtension) else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            scanned += 1
            XCTAssertEqual(Self.leaveokCalls(in: text), [], url.lastPathComponent)
        }
        XCTAssertGreaterThan(scanned, 100, "the scan must see the sources")
    }
}
