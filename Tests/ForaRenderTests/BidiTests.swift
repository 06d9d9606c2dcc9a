import ForaCore
import XCTest

@testable import ForaRender

final class BidiTests: XCTestCase {
    private func line(_ html: String, width: Int = 60) -> String {
        CookedRenderer().render(html, width: width).lines.first?.plainText ?? ""
    }

    func testHebrewIsShownInVisualOrder() {
        XCTAssertEqual(line("<p>Hello שלום</p>"), "Hello םולש", "a left-to-right line with a Hebrew word")
        XCTAssertEqual(line("<p>שלום world</p>"), "world םולש", "a right-to-left line starting in Hebrew")
    }

    func testBracketsAreMirroredAndArabicReads() {
        let shown = line("<p>(مرحبا)</p>")
        XCTAssertEqual(shown, "(ابحرم)")
    }

    func testCombiningMarksStayOnTheirLettersAndWidthIsKept() {
        let logical = "שָׁלוֹם עוֹלָם"
        let shown = line("<p>\(logical)</p>")
        XCTAssertEqual(Set(Array(shown)), Set(Array(logical)), "the same clusters, reordered")
        XCTAssertEqual(DisplayWidth.of(shown), DisplayWidth.of(logical))
    }

    func testStylesFollowTheirCharacters() {
        let document = CookedRenderer().render("<p>abc <strong>שלום</strong> def</p>", width: 60)
        let runs = document.lines[0].runs
        XCTAssertEqual(document.lines[0].plainText, "abc םולש def")
        XCTAssertEqual(runs.first { $0.role == .strong }?.text, "םולש")
    }

    func testLeftToRightLinesAreUntouched() {
        XCTAssertEqual(line("<p>plain (text) 日本語</p>"), "plain (text) 日本語")
    }
}
