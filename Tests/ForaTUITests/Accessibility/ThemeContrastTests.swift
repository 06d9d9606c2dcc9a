import Foundation
import XCTest

@testable import ForaTUI

/// Every shipped theme's text is readable: WCAG AA, 4.5:1 against its background.
final class ThemeContrastTests: XCTestCase {
    private static let themesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Themes")

    func testTheRatioIsWCAGs() {
        XCTAssertEqual(ThemeContrast.ratio((0, 0, 0), (255, 255, 255)), 21, accuracy: 0.001)
        XCTAssertEqual(ThemeContrast.ratio((255, 255, 255), (255, 255, 255)), 1, accuracy: 0.001)
        // #767676 on white is the classic just-passing grey; #777777 just fails.
        XCTAssertGreaterThanOrEqual(ThemeContrast.ratio((0x76, 0x76, 0x76), (255, 255, 255)), 4.5)
        XCTAssertLessThan(ThemeContrast.ratio((0x77, 0x77, 0x77), (255, 255, 255)), 4.5)
    }

    func testAThemeBelowAAIsCaught() throws {
        let theme = try Theme.parse(
            """
            [meta]
            terminal_bg = "#ffffff"
            terminal_fg = "#000000"
            [ui]
            metadata = { fg = "#aaaaaa" }
            selection = { fg = "#ffffff", bg = "#000000" }
            border = { fg = "#aaaaaa" }
            [roles]
            spoiler = { fg = 252, bg = 252 }
            """, name: "pale")
        XCTAssertEqual(ThemeContrast.shortfalls(of: theme).map(\.key), ["ui.border", "ui.metadata"])
    }

    func testEveryShippedThemeMeetsAA() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesDirectory.path)
            .filter { $0.hasSuffix(".toml") }.sorted()
        XCTAssertTrue(files.contains("high-contrast.toml"))
        XCTAssertGreaterThanOrEqual(files.count, 6)
        for file in files {
            let text = try String(contentsOf: Self.themesDirectory.appendingPathComponent(file), encoding: .utf8)
            let theme = try Theme.parse(text, name: String(file.dropLast(5)))
            XCTAssertNotNil(theme.assumedTerminal, "\(file) must say which terminal colours it is written for")
            XCTAssertEqual(ThemeContrast.shortfalls(of: theme).map(\.description), [], file)
        }
    }

    func testTheHighContrastThemeGoesWellBeyondAA() throws {
        let text = try String(
            contentsOf: Self.themesDirectory.appendingPathComponent("high-contrast.toml"), encoding: .utf8)
        let theme = try Theme.parse(text, name: "high-contrast")
        XCTAssertEqual(ThemeContrast.shortfalls(of: theme).map(\.key), [])
        // AAA (7:1) for every text style of the high-contrast theme.
        let strict = ThemeContrast.shortfalls(of: theme, minimum: 7)
        XCTAssertEqual(strict.map(\.description), [])
    }

    /// Discourse's stock category colours (the ones a new site offers), black and white too.
    private static let siteColours = [
        "231F20", "0088CC", "25AAE2", "F7941D", "BF1E2E", "652D90", "3AB54A", "ED207B", "9EB83B", "12A89D",
        "808281", "E45735", "B3B5B4", "FFFFFF", "000000", "FFFF00",
    ]

    func testEveryCategoryColourReadsOnEveryShippedTheme() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesDirectory.path)
            .filter { $0.hasSuffix(".toml") }.sorted()
        for file in files {
            let text = try String(contentsOf: Self.themesDirectory.appendingPathComponent(file), encoding: .utf8)
            let theme = try Theme.parse(text, name: String(file.dropLast(5)))
            let background = ThemeContrast.rgb(theme.assumedTerminal?.background ?? .index(0), fallback: .index(0))
            for hex in Self.siteColours {
                guard case .rgb(let r, let g, let b) = theme.style(for: .category(hex)).foreground else {
                    XCTFail("\(file): category \(hex) has no colour")
                    continue
                }
                XCTAssertGreaterThanOrEqual(ThemeContrast.ratio((r, g, b), background), 4.5, "\(file): \(hex)")
            }
        }
    }

    func testAReadableCategoryColourIsKeptAndADarkOneOnlyLightened() {
        let dark = (0x1E, 0x1E, 0x1E)
        XCTAssertTrue(ThemeContrast.readable((0x25, 0xAA, 0xE2), on: dark) == (0x25, 0xAA, 0xE2))
        let lightened = ThemeContrast.readable((0x23, 0x1F, 0x20), on: dark)
        XCTAssertGreaterThanOrEqual(ThemeContrast.ratio(lightened, dark), 4.5)
        XCTAssertLessThan(lightened.0, 0xFF, "moved just far enough, not to white")
        let white = (0xFF, 0xFF, 0xFF)
        let darkened = ThemeContrast.readable((0xFF, 0xFF, 0x00), on: white)
        XCTAssertGreaterThanOrEqual(ThemeContrast.ratio(darkened, white), 4.5)
        XCTAssertGreaterThan(darkened.0, darkened.2, "still yellowish")
    }
}
