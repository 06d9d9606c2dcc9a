import ForaCore
import XCTest

/// Widths must not depend on the process locale: these tests never call `setlocale`.
final class DisplayWidthTests: XCTestCase {
    func testCommonWidths() {
        XCTAssertEqual(DisplayWidth.of("abc"), 3)
        XCTAssertEqual(DisplayWidth.of("日本語"), 6)
        XCTAssertEqual(DisplayWidth.of("한국어"), 6)
        XCTAssertEqual(DisplayWidth.of("ｆｕｌｌ"), 8, "fullwidth forms")
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1, "combining mark takes no column")
        XCTAssertEqual(DisplayWidth.of("a\u{200B}b"), 2, "zero-width space")
        XCTAssertEqual(DisplayWidth.of("👍"), 2)
        XCTAssertEqual(DisplayWidth.of("👍🏽"), 2, "skin tone modifier stays in one glyph")
        XCTAssertEqual(DisplayWidth.of("👩‍💻"), 2, "a ZWJ sequence is one glyph")
        XCTAssertEqual(DisplayWidth.of("🇫🇷"), 2, "a flag is one glyph")
        XCTAssertEqual(DisplayWidth.of("❤️"), 2, "text-default emoji with VS16")
        XCTAssertEqual(DisplayWidth.of("שלום"), 4, "right-to-left letters are narrow")
        XCTAssertEqual(DisplayWidth.of("\u{1B}"), 0, "controls are never drawn")
    }

    func testASCIIAndItsNeighbours() {
        XCTAssertEqual(DisplayWidth.of(" ~#*0"), 5, "text-default emoji characters are narrow")
        XCTAssertEqual(DisplayWidth.of("\u{7F}\t"), 0)
        XCTAssertEqual(DisplayWidth.of(Character("\r\n")), 0)
        XCTAssertEqual(DisplayWidth.of("1\u{FE0F}\u{20E3}"), 2, "a keycap is one wide glyph")
        XCTAssertEqual(DisplayWidth.of("\u{A9}é"), 2, "Latin-1 is narrow")
    }

    func testTruncationRespectsWideCharacters() {
        XCTAssertEqual(DisplayWidth.truncate("日本語テキスト", to: 6), "日本…")
        XCTAssertEqual(DisplayWidth.truncate("short", to: 10), "short")
        XCTAssertEqual(DisplayWidth.of(DisplayWidth.pad("日本語テキスト", to: 7)), 7)
        XCTAssertEqual(DisplayWidth.pad("ab", to: 4, alignRight: true), "  ab")
    }
}
