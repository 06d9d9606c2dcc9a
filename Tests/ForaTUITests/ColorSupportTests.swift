import XCTest

@testable import ForaTUI

/// Colour depth from the environment, and theme colours as ncurses numbers at each depth.
final class ColorSupportTests: XCTestCase {
    func testTruecolorIsAnnouncedByCOLORTERM() {
        XCTAssertTrue(ColorSupport.announcesTruecolor(environment: ["COLORTERM": "truecolor"]))
        XCTAssertTrue(ColorSupport.announcesTruecolor(environment: ["COLORTERM": "24bit"]))
        XCTAssertFalse(ColorSupport.announcesTruecolor(environment: ["COLORTERM": "yes"]))
        XCTAssertFalse(ColorSupport.announcesTruecolor(environment: [:]))
    }

    func testTheEntrysRGBOrTcCapabilityAsksForItsDirectVariant() {
        let none = ColorSupport.TerminfoFlags()
        func entry(
            _ term: String = "tmux-256color", environment: [String: String] = [:],
            flags: ColorSupport.TerminfoFlags = ColorSupport.TerminfoFlags(), colors: Int = 256, noColor: Bool = false
        ) -> String? {
            ColorSupport.directEntry(
                noColor: noColor, term: term, environment: environment, flags: flags, terminfoColors: colors)
        }
        XCTAssertNil(entry(flags: none), "neither the environment nor the entry says so")
        XCTAssertEqual(entry(flags: .init(rgb: true)), "tmux-direct")
        XCTAssertEqual(entry(flags: .init(tc: true)), "tmux-direct")
        XCTAssertEqual(entry(environment: ["COLORTERM": "truecolor"]), "tmux-direct", "COLORTERM alone still works")
        XCTAssertNil(entry(flags: .init(rgb: true), colors: ColorSupport.directColors), "the entry is direct already")
        XCTAssertNil(entry("xterm-direct", flags: .init(rgb: true)))
        XCTAssertNil(entry(flags: .init(tc: true), noColor: true), "NO_COLOR wins")
        XCTAssertNil(entry("", environment: ["COLORTERM": "24bit"]), "no TERM, nothing to vary")
    }

    func testDirectVariantsOfCommonTerminals() {
        XCTAssertEqual(ColorSupport.directVariant(of: "xterm-256color"), "xterm-direct")
        XCTAssertEqual(ColorSupport.directVariant(of: "tmux-256color"), "tmux-direct")
        XCTAssertEqual(ColorSupport.directVariant(of: "xterm"), "xterm-direct")
        XCTAssertNil(ColorSupport.directVariant(of: "xterm-direct"))
        XCTAssertNil(ColorSupport.directVariant(of: ""))
    }

    func testNoColorAndTerminalsWithoutColourGetNone() {
        XCTAssertEqual(ColorSupport.colors(noColor: true, hasColors: true, terminfoColors: 256), 0)
        XCTAssertEqual(ColorSupport.colors(noColor: false, hasColors: false, terminfoColors: 8), 0)
        XCTAssertEqual(ColorSupport.colors(noColor: false, hasColors: true, terminfoColors: 256), 256)
        XCTAssertEqual(
            ColorSupport.colors(noColor: false, hasColors: true, terminfoColors: 0x100_0000), ColorSupport.directColors)
    }

    func testThemeColoursAtEveryDepth() throws {
        let solarizedBase03 = try XCTUnwrap(ThemeColor.parse(name: "#002b36"))
        XCTAssertEqual(solarizedBase03.cursesNumber(colors: ColorSupport.directColors), 0x002B36)
        let on256 = try XCTUnwrap(solarizedBase03.cursesNumber(colors: 256))
        XCTAssertTrue((16..<256).contains(on256), "nearest of the cube and the greys: \(on256)")
        let on16 = try XCTUnwrap(solarizedBase03.cursesNumber(colors: 16))
        XCTAssertLessThan(on16, 16)
        XCTAssertLessThan(try XCTUnwrap(solarizedBase03.cursesNumber(colors: 8)), 8)
        XCTAssertNil(solarizedBase03.cursesNumber(colors: 0))
        // Indexes: the 8 ANSI colours stay themselves; others become their RGB with 24 bits.
        XCTAssertEqual(ThemeColor.index(4).cursesNumber(colors: ColorSupport.directColors), 4)
        XCTAssertEqual(ThemeColor.index(196).cursesNumber(colors: ColorSupport.directColors), 0xFF0000)
        XCTAssertEqual(ThemeColor.index(196).cursesNumber(colors: 256), 196)
        XCTAssertEqual(ThemeColor.parse(name: "bright-red")?.cursesNumber(colors: 8), 1)
        XCTAssertEqual(ThemeColor.parse(name: "#000000")?.cursesNumber(colors: ColorSupport.directColors), 8)
        XCTAssertNil(ThemeColor.terminalDefault.cursesNumber(colors: ColorSupport.directColors))
    }

    func testAllSixShippedThemesLoadAndStyleTheNewElements() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Themes")
        for name in ["default", "light", "solarized-dark", "solarized-light", "high-contrast", "monochrome"] {
            let text = try String(contentsOf: root.appendingPathComponent(name + ".toml"), encoding: .utf8)
            let theme = try Theme.parse(text, name: name)
            XCTAssertNotNil(theme.ui["search_match"], "\(name) styles search matches")
            if name == "monochrome" {
                XCTAssertNil(theme.style(for: .ui(.searchMatch)).foreground)
                XCTAssertFalse(
                    theme.style(for: .ui(.searchMatch)).attributes.isEmpty, "matches stand out without colour")
            }
        }
    }
}
