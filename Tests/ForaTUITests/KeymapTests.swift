import TOMLKit
import XCTest

@testable import ForaTUI

final class KeymapTests: XCTestCase {
    func testKeyNamesParseAndPrintBothWays() {
        XCTAssertEqual(KeyName.parse("C-d"), .character("\u{04}"))
        XCTAssertEqual(KeyName.parse("Ctrl-u"), .character("\u{15}"))
        XCTAssertEqual(KeyName.parse("PgDn"), .pageDown)
        XCTAssertEqual(KeyName.parse("pagedown"), .pageDown)
        XCTAssertEqual(KeyName.parse("Space"), .character(" "))
        XCTAssertEqual(KeyName.parse("Esc"), .escape)
        XCTAssertEqual(KeyName.parse("G"), .character("G"))
        XCTAssertNil(KeyName.parse("NoSuchKey"))
        for name in ["C-d", "PgDn", "Space", "Enter", "Tab", "j", "?", "Left"] {
            XCTAssertEqual(KeyName.parse(name).map(KeyName.name), name)
        }
    }

    func testDefaultsComeFromTheTableWithGlobalFallback() {
        let keymap = Keymap()
        XCTAssertEqual(keymap.operation(for: .character("j"), in: .list), .moveDown)
        XCTAssertEqual(keymap.operation(for: .character("\u{04}"), in: .reader), .halfPageDown)
        XCTAssertEqual(keymap.operation(for: .character("?"), in: .reader), .help)
        XCTAssertEqual(keymap.operation(for: .escape, in: .reader), .back)
        XCTAssertNil(keymap.operation(for: .escape, in: .list), "Esc must not quit from the list")
        XCTAssertEqual(keymap.operation(for: .character("q"), in: .list), .back)
        XCTAssertEqual(keymap.keys(for: .help, in: .reader), [.character("?")])
        // Every default key name in the table parses: a typo would silently drop a binding.
        for operation in OperationTable.all {
            for (_, names) in operation.keys {
                for name in names { XCTAssertNotNil(KeyName.parse(name), "\(operation.name): \(name)") }
            }
        }
    }

    func testEveryOperationHasAnEntryInTheTable() {
        let missing = OperationID.allCases.filter { OperationTable.operation($0) == nil }
        XCTAssertEqual(missing, [], "operations without a description: help and : would not know them")
        for id in OperationID.allCases {
            XCTAssertEqual(OperationTable.operation(named: id.rawValue)?.id, id, "the command :\(id.rawValue)")
        }
    }

    func testNoKeyIsBoundTwiceInOneContext() {
        for context in KeyContext.allCases {
            var seen: [String: String] = [:]
            for operation in OperationTable.all {
                for name in operation.keys[context] ?? [] {
                    XCTAssertNil(seen[name], "\(name) bound to \(seen[name] ?? "") and \(operation.name) in \(context)")
                    seen[name] = operation.name
                }
            }
        }
    }

    func testConfigOverridesPerScreenAndReportsMistakes() throws {
        let config = TUIConfig.parse(
            """
            [tui]
            theme = "light"
            layout = "single"
            split = 30

            [keys.reader]
            next-unread = ["n", "C-n"]
            solution = []

            [keys.list]
            move-down = "t"
            no-such-operation = "z"
            open = "NoSuchKey"

            [keys.nowhere]
            help = "h"
            """)
        let keymap = config.keymap
        XCTAssertEqual(config.theme, "light")
        XCTAssertEqual(config.layout.mode, .single)
        XCTAssertEqual(config.layout.listPercent, 30)
        XCTAssertEqual(keymap.operation(for: .character("n"), in: .reader), .nextUnread)
        XCTAssertEqual(keymap.operation(for: .character("\u{0E}"), in: .reader), .nextUnread)
        XCTAssertNil(keymap.operation(for: .character("u"), in: .reader), "the old key is replaced")
        XCTAssertEqual(keymap.keys(for: .searchNext, in: .reader), [], "n moved to next-unread")
        XCTAssertNil(keymap.operation(for: .character("s"), in: .reader), "[] unbinds")
        XCTAssertEqual(keymap.operation(for: .character("t"), in: .list), .moveDown)
        XCTAssertNil(keymap.operation(for: .character("j"), in: .list))
        XCTAssertEqual(keymap.operation(for: .character("j"), in: .reader), .moveDown, "other screens keep j")
        XCTAssertEqual(config.warnings.count, 3, "\(config.warnings)")
        XCTAssertTrue(config.warnings.contains { $0.contains("no-such-operation") })
        XCTAssertTrue(config.warnings.contains { $0.contains("NoSuchKey") })
        XCTAssertTrue(config.warnings.contains { $0.contains("keys.nowhere") })
    }

    func testBrokenConfigFallsBackToDefaultsWithAWarning() {
        let config = TUIConfig.parse("[keys.list\nmove-down = ")
        XCTAssertEqual(config.keymap.operation(for: .character("j"), in: .list), .moveDown)
        XCTAssertEqual(config.warnings.count, 1)
    }
}

final class KeyDispatcherTests: XCTestCase {
    private func feed(_ keys: String, context: KeyContext = .list, keymap: Keymap = Keymap()) -> [String] {
        var dispatcher = KeyDispatcher()
        var result: [String] = []
        for key in keys {
            if let (operation, count) = dispatcher.feed(.character(key), keymap: keymap, context: context) {
                result.append(operation.rawValue + (count.map { " \($0)" } ?? ""))
            }
        }
        return result
    }

    func testCountsPrefixOperations() {
        XCTAssertEqual(feed("5j"), ["move-down 5"])
        XCTAssertEqual(feed("12G", context: .reader), ["last 12"])
        XCTAssertEqual(feed("105k"), ["move-up 105"])
        XCTAssertEqual(feed("jk"), ["move-down", "move-up"])
    }

    func testZeroAloneIsNotACountAndUnboundKeysDropTheCount() {
        XCTAssertEqual(feed("0j"), ["move-down"])
        XCTAssertEqual(feed("5§j"), ["move-down"])
    }

    func testABoundDigitWinsOverCounting() {
        var keymap = Keymap()
        keymap.rebind(.first, to: [.character("1")], in: .list)
        XCTAssertEqual(feed("1", keymap: keymap), ["first"])
    }
}

final class ListRefreshConfigTests: XCTestCase {
    func testTheListRefreshesEveryTwoMinutesUnlessConfigured() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fora-config-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("none.toml").path
        XCTAssertEqual(TUIConfig.load(path: missing).listRefreshSeconds, 120, "the default when nothing is configured")
        let file = directory.appendingPathComponent("config.toml")
        try "[tui]\nrefresh = 30\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(TUIConfig.load(path: file.path).listRefreshSeconds, 30)
        try "[tui]\nrefresh = 0\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(TUIConfig.load(path: file.path).listRefreshSeconds, 0, "0 turns it off")
        XCTAssertNil(TUIConfig().listRefreshSeconds, "a bare configuration (tests) never polls")
    }
}
