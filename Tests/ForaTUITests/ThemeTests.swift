import ForaCore
import ForaRender
import Foundation
import XCTest

@testable import ForaTUI

final class ThemeTests: XCTestCase {
    private static let themesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Themes")

    private func shippedThemes() throws -> [(String, Theme)] {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesDirectory.path)
            .filter { $0.hasSuffix(".toml") }.sorted()
        return try files.map { file in
            let text = try String(contentsOf: Self.themesDirectory.appendingPathComponent(file), encoding: .utf8)
            return (file, try Theme.parse(text, name: String(file.dropLast(5))))
        }
    }

    func testEveryShippedThemeParsesAndStylesEveryElementAndRole() throws {
        let themes = try shippedThemes()
        XCTAssertGreaterThanOrEqual(themes.count, 4)
        XCTAssertTrue(themes.contains { $0.0 == "light.toml" })
        XCTAssertTrue(themes.contains { $0.0 == "high-contrast.toml" })
        for (file, theme) in themes {
            for element in UIElement.allCases {
                XCTAssertNotNil(theme.ui[element.rawValue], "\(file) lacks [ui] \(element.rawValue)")
            }
            for role in TextRole.allCases {
                XCTAssertNotNil(theme.roles[role.rawValue], "\(file) lacks [roles] \(role.rawValue)")
            }
        }
    }

    func testTheCompiledInDefaultIsTheShippedFile() throws {
        let text = try String(contentsOf: Self.themesDirectory.appendingPathComponent("default.toml"), encoding: .utf8)
        XCTAssertEqual(text, Theme.builtInDefaultText + "\n", "Themes/default.toml and BuiltInTheme.swift differ")
        XCTAssertEqual(Theme.fallback.ui["selection"], ThemeStyle(foreground: .index(0), background: .index(110)))
    }

    func testParsingReportsMistakesByKey() {
        XCTAssertThrowsError(try Theme.parse("[ui]\nselection = { fg = \"purple-ish\" }", name: "bad")) { error in
            XCTAssertEqual(error as? Theme.ParseError, .invalid("theme bad: ui.selection.fg is not a colour"))
        }
        XCTAssertThrowsError(try Theme.parse("[roles]\nlink = { attrs = [\"blink\"] }", name: "bad"))
        XCTAssertThrowsError(try Theme.parse("[ui", name: "bad"))
    }

    func testMissingKeysFallBackAndNoColorKeepsOnlyAttributes() throws {
        let theme = try Theme.parse("[ui]\nselection = { fg = 196, attrs = [\"bold\"] }", name: "tiny")
        XCTAssertEqual(theme.style(for: .selected), ThemeStyle(foreground: .index(196), attributes: [.bold]))
        XCTAssertEqual(theme.style(for: .role(.strong)).attributes, [.bold], "from the default")
        let plain = theme.withoutColours()
        XCTAssertEqual(plain.style(for: .selected), ThemeStyle(attributes: [.bold]))
        XCTAssertEqual(plain.style(for: .role(.link)), ThemeStyle(attributes: [.underline]))
        XCTAssertEqual(theme.style(for: .category("0088CC")).foreground, .rgb(0, 0x88, 0xCC))
    }

    func testColoursDegradeWithTheTerminal() {
        XCTAssertEqual(ThemeColor.parse(name: "bright-red"), .index(9))
        XCTAssertEqual(ThemeColor.parse(name: "#ff0000"), .rgb(255, 0, 0))
        XCTAssertNil(ThemeColor.parse(name: "reddish"))
        // Discourse's default category blue, on 256 colours, is the cube's nearest entry.
        XCTAssertEqual(ThemeColor.hex("0088CC")?.index(forColors: 256), 32)
        XCTAssertEqual(ThemeColor.hex("ffffff")?.index(forColors: 256), 231)
        XCTAssertEqual(ThemeColor.hex("808080")?.index(forColors: 256), 244)
        // 256-colour indexes on 16- and 8-colour terminals.
        XCTAssertEqual(ThemeColor.index(196).index(forColors: 16), 9)
        XCTAssertEqual(ThemeColor.index(196).index(forColors: 8), 1)
        XCTAssertEqual(ThemeColor.index(12).index(forColors: 8), 4, "bright blue becomes blue")
        XCTAssertEqual(ThemeColor.index(3).index(forColors: 8), 3)
        XCTAssertNil(ThemeColor.rgb(1, 2, 3).index(forColors: 0))
        XCTAssertNil(ThemeColor.terminalDefault.index(forColors: 256))
    }

    func testLoaderFindsUserThemesFirstAndRejectsPaths() throws {
        let config = NSTemporaryDirectory() + "fora-theme-test-\(getpid())"
        try FileManager.default.createDirectory(atPath: config + "/fora/themes", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: config) }
        try "[meta]\nname = \"mine\"\n".write(
            toFile: config + "/fora/themes/mine.toml", atomically: true, encoding: .utf8)
        let environment = ["XDG_CONFIG_HOME": config, "HOME": "/nonexistent"]
        XCTAssertEqual(
            try ThemeLoader.load(named: "mine", environment: environment, executablePath: "/x/fora").name, "mine")
        XCTAssertEqual(
            try ThemeLoader.load(named: "default", environment: environment, executablePath: "/x/fora").name, "default")
        XCTAssertThrowsError(
            try ThemeLoader.load(named: "../etc/passwd", environment: environment, executablePath: "/x"))
        XCTAssertThrowsError(try ThemeLoader.load(named: "absent", environment: environment, executablePath: "/x/fora"))
        let shipped = try ThemeLoader.load(
            named: "light", environment: ["FORA_THEMES_DIR": Self.themesDirectory.path, "HOME": "/nonexistent"],
            executablePath: "/x/fora")
        XCTAssertEqual(shipped.name, "light")
    }
}

final class PaneLayoutTests: XCTestCase {
    func testFramesForEverySize() throws {
        let layout = PaneLayout()
        XCTAssertNil(layout.frame(rows: 9, columns: 200, readerOpen: true))
        XCTAssertNil(layout.frame(rows: 50, columns: 39, readerOpen: false))
        let small = try XCTUnwrap(layout.frame(rows: 10, columns: 40, readerOpen: true))
        XCTAssertFalse(small.sideBySide)
        XCTAssertEqual(small.reader, Rect(row: 0, column: 0, rows: 9, columns: 40))
        XCTAssertEqual(small.status, Rect(row: 9, column: 0, rows: 1, columns: 40))
        let wide = try XCTUnwrap(layout.frame(rows: 50, columns: 200, readerOpen: true))
        XCTAssertTrue(wide.sideBySide)
        XCTAssertEqual(wide.list, Rect(row: 0, column: 0, rows: 49, columns: 80))
        XCTAssertEqual(wide.reader, Rect(row: 0, column: 81, rows: 49, columns: 119))
        let noReader = try XCTUnwrap(layout.frame(rows: 50, columns: 200, readerOpen: false))
        XCTAssertEqual(noReader.list.columns, 200)
    }

    func testTheSplitStaysWithinBounds() throws {
        var layout = PaneLayout()
        layout.adjustSplit(by: -10)
        XCTAssertEqual(layout.listPercent, 20)
        XCTAssertEqual(try XCTUnwrap(layout.frame(rows: 50, columns: 160, readerOpen: true)).list.columns, 40)
        layout.adjustSplit(by: 20)
        XCTAssertEqual(layout.listPercent, 75)
        XCTAssertEqual(try XCTUnwrap(layout.frame(rows: 50, columns: 160, readerOpen: true)).list.columns, 119)
        layout.toggleMode()
        XCTAssertFalse(try XCTUnwrap(layout.frame(rows: 50, columns: 300, readerOpen: true)).sideBySide)
    }
}

final class StatusBarTests: XCTestCase {
    func testFactsErrorAndHintsFitTheWidth() {
        var model = StatusModel(site: "demo")
        model.connection = .online
        model.pendingOutbox = 2
        model.rateLimitWait = 30
        model.unreadTopics = 5
        XCTAssertEqual(StatusBar.facts(model), "demo · online · 2 pending · rate limited, 30s · 5 unread")
        let narrow = GridTerminal(rows: 1, columns: 80)
        StatusBar.draw(model, hints: "j/k move  Enter open  ? help  q back", on: narrow, row: 0)
        XCTAssertTrue(narrow.line(0).hasSuffix("  j/k move  Enter open"), "cut at a hint:\n" + narrow.line(0))
        XCTAssertFalse(narrow.line(0).contains("help"))
        let grid = GridTerminal(rows: 1, columns: 100)
        model.lastError = "cannot connect"
        StatusBar.draw(model, hints: "j/k move", on: grid, row: 0)
        XCTAssertTrue(grid.line(0).contains("✗ cannot connect (x dismisses)"), grid.line(0))
        XCTAssertEqual(DisplayWidth.of(grid.line(0)), 100)
    }
}

final class ComposerLayoutTests: XCTestCase {
    func testTheComposerTakesRowsBelowTheReaderOnly() throws {
        let layout = PaneLayout()
        let wide = try XCTUnwrap(layout.frame(rows: 50, columns: 200, readerOpen: true, composerRows: 10))
        XCTAssertEqual(wide.reader, Rect(row: 0, column: 81, rows: 39, columns: 119))
        XCTAssertEqual(wide.composer, Rect(row: 39, column: 81, rows: 10, columns: 119))
        XCTAssertEqual(wide.list.rows, 49, "the list keeps its height")
        let small = try XCTUnwrap(layout.frame(rows: 10, columns: 40, readerOpen: true, composerRows: 10))
        XCTAssertEqual(small.reader?.rows, 3, "the reader keeps a third")
        XCTAssertEqual(small.composer, Rect(row: 3, column: 0, rows: 6, columns: 40))
        XCTAssertNil(try XCTUnwrap(layout.frame(rows: 24, columns: 80, readerOpen: false, composerRows: 8)).composer)
    }
}

final class RegionTerminalTests: XCTestCase {
    func testRegionsTranslateAndClipWideCharactersAtTheirEdge() {
        let grid = GridTerminal(rows: 3, columns: 12)
        let region = RegionTerminal(grid, rect: Rect(row: 1, column: 2, rows: 1, columns: 5))
        XCTAssertEqual(region.size.rows, 1)
        XCTAssertEqual(region.size.columns, 5)
        region.draw("日本語です", row: 0, column: 0, style: .normal)
        // Two wide characters fit in 5 columns; the third would straddle the edge.
        XCTAssertEqual(grid.line(1), "  日本" + String(repeating: " ", count: 6))
        region.draw("x", row: 1, column: 0, style: .normal)
        region.draw("y", row: 0, column: 5, style: .normal)
        XCTAssertEqual(grid.line(2), String(repeating: " ", count: 12), "rows and columns outside are dropped")
        region.draw("emoji 👍🏽 ok", row: 0, column: 0, style: .normal)
        XCTAssertEqual(DisplayWidth.of(grid.line(1)), 12)
    }
}
