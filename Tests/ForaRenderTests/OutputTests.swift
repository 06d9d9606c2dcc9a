import XCTest

@testable import ForaRender

final class OutputTests: XCTestCase {
    let document = CookedRenderer().render(
        "<p><strong>Hi</strong> see <a href=\"https://example.org/a b\">this</a></p>", width: 40)

    func testPlainWriterEmitsNoEscapeBytes() {
        let text = DocumentWriter(style: .plain).write(document)
        XCTAssertEqual(text, "Hi see this[1]\n\n[1] https://example.org/a b\n")
        XCTAssertFalse(text.utf8.contains(0x1B))
    }

    func testANSIWriterColoursRolesAndWrapsLinksInOSC8() {
        let text = DocumentWriter(style: .ansi(hyperlinks: true)).write(document)
        XCTAssertTrue(text.contains("\u{1B}[1mHi\u{1B}[0m"))
        XCTAssertTrue(text.contains("\u{1B}]8;;https://example.org/a%20b\u{1B}\\"), text.debugDescription)
        let withoutLinks = DocumentWriter(style: .ansi(hyperlinks: false)).write(document)
        XCTAssertFalse(withoutLinks.contains("\u{1B}]8"))
    }

    func testStyleChoiceHonoursPipesAndNoColor() {
        XCTAssertEqual(DocumentWriter.style(isTerminal: false, environment: [:]), .plain)
        XCTAssertEqual(DocumentWriter.style(isTerminal: true, environment: ["NO_COLOR": "1"]), .plain)
        XCTAssertEqual(DocumentWriter.style(isTerminal: true, environment: ["NO_COLOR": ""]), .ansi(hyperlinks: true))
        XCTAssertEqual(DocumentWriter.style(isTerminal: false, environment: [:], force: true), .ansi(hyperlinks: true))
        XCTAssertEqual(
            DocumentWriter.style(isTerminal: true, environment: ["FORA_HYPERLINKS": "0"]), .ansi(hyperlinks: false))
    }

    func testHyperlinkTargetCannotCarryControls() {
        XCTAssertEqual(DocumentWriter.hyperlinkTarget("https://x/\u{1B}\\;y"), "https://x/%1B\\%3By")
    }
}
