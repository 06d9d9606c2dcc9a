import Foundation
import XCTest

/// The real `fora` in tmux as a screen reader meets it: after every key the terminal's cursor
/// (what Orca, speakup and brltty follow) is on the focused row of whatever screen is open.
final class AccessibilityEndToEndTests: XCTestCase {
    private var server: DemoServerProcess?

    override func tearDown() {
        server?.stop()
        server = nil
        super.tearDown()
    }

    /// fora as the demo's moderator (the review queue opens), with two sites in config.toml.
    private func startFora(
        _ server: DemoServerProcess, arguments: [String] = [], width: Int = 120, height: Int = 40
    ) throws -> TmuxSession {
        let config = NSTemporaryDirectory() + "fora-e2e-a11y-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: config + "/fora", withIntermediateDirectories: true)
        try """
        default_site = "demo"
        [sites.demo]
        url = "\(server.baseURL)"
        api_username = "moderator"
        api_key = "fora-demo-all-users-key"
        [sites.other]
        url = "\(server.baseURL)"
        api_username = "alice"
        api_key = "fora-demo-all-users-key"

        """.write(toFile: config + "/fora/config.toml", atomically: true, encoding: .utf8)
        return try TmuxSession(
            command: [try Binaries.path("fora")] + arguments, width: width, height: height,
            environment: [
                "XDG_CONFIG_HOME": config, "XDG_DATA_HOME": config + "/data", "XDG_STATE_HOME": config + "/state",
            ])
    }

    /// The rows of the screen (capture-pane ends each with a newline).
    private func rows(_ screen: String) -> [String] {
        Array(screen.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init))
    }

    /// Waits until the cursor sits at the start of the one row that carries the selection
    /// marker, and returns that row.
    @discardableResult
    private func assertCursorOnMarkedRow(
        _ tmux: TmuxSession, _ what: String, file: StaticString = #filePath, line: UInt = #line
    ) throws -> Int {
        var last = ""
        for _ in 0..<200 {
            let screen = try tmux.capture()
            let cursor = try tmux.cursor()
            let marked = rows(screen).indices.filter { rows(screen)[$0].hasPrefix("> ") }
            if marked.count == 1, cursor == (0, marked[0]) { return marked[0] }
            last = "cursor \(cursor), marked rows \(marked)\n\(screen)"
            usleep(50_000)
        }
        XCTFail("\(what): the cursor is not on the selected row: \(last)", file: file, line: line)
        return -1
    }

    /// Waits until the cursor is at (x, y).
    private func assertCursor(
        _ tmux: TmuxSession, x: Int, y: Int, _ what: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        var cursor = (x: -1, y: -1)
        for _ in 0..<200 {
            cursor = try tmux.cursor()
            if cursor == (x, y) { return }
            usleep(50_000)
        }
        XCTFail("\(what): cursor at \(cursor), expected (\(x), \(y)):\n\(try tmux.capture())", file: file, line: line)
    }

    func testTheCursorIsOnTheFocusOnEveryScreen() throws {
        let server = try DemoServerProcess()
        self.server = server
        let tmux = try startFora(server)
        try tmux.waitFor(" · 1/")
        XCTAssertEqual(try assertCursorOnMarkedRow(tmux, "the list"), 1)
        try tmux.send("j")
        try tmux.send("j")
        XCTAssertEqual(try assertCursorOnMarkedRow(tmux, "the list after j j"), 3)

        // The reader: the first line of the focused post, also after moving by posts (topic 5
        // has several posts; the list's order depends on who reads).
        try tmux.send(":read 5", "Enter")
        try tmux.waitFor("post 1 (1/")
        try assertCursor(tmux, x: 0, y: 1, "the reader")
        XCTAssertTrue(rows(try tmux.capture())[1].hasPrefix("#1 "))
        try tmux.send("J")
        let second = try tmux.waitFor("post 2 (2/")
        let header = rows(second).firstIndex { $0.hasPrefix("#2 ") }
        try assertCursor(tmux, x: 0, y: header ?? -1, "post 2's header")
        // A bookmark, so the bookmarks screen below has a row to focus.
        try tmux.send("B")
        try tmux.waitFor("bookmarked post #2")
        try assertCursor(tmux, x: 0, y: header ?? -1, "still on post 2 after bookmarking")

        // A prompt: the cursor waits where the answer is typed.
        try tmux.send(":")
        try assertCursor(tmux, x: 1, y: 39, "the command prompt")
        try tmux.send("g", "o")
        try assertCursor(tmux, x: 3, y: 39, "after typing")
        try tmux.send("Escape")
        // Esc then `?` at once would read as Alt-?: wait until the prompt has closed.
        try assertCursor(tmux, x: 0, y: header ?? -1, "back in the reader")
        try tmux.send("?")
        try tmux.waitFor("Help · keys and commands")
        try assertCursor(tmux, x: 0, y: 1, "help")
        try tmux.send("q")
        try tmux.send("q")
        try tmux.waitFor("Latest · ")
        XCTAssertEqual(try assertCursorOnMarkedRow(tmux, "back on the list"), 3)

        // Search results: two rows a hit.
        try tmux.send("/", "same", "Enter")
        try tmux.waitFor("Search: same · ")
        XCTAssertEqual(try assertCursorOnMarkedRow(tmux, "search results"), 1)
        try tmux.send("j")
        XCTAssertEqual(try assertCursorOnMarkedRow(tmux, "the second result"), 3)
        try tmux.send("q")
        try tmux.waitFor("Latest · ")

        // Notifications, bookmarks, the review queue, the sites.
        try tmux.send(":notifications", "Enter")
        try tmux.waitFor("Notifications")
        try tmux.send("j")
        try assertCursorOnMarkedRow(tmux, "notifications")
        try tmux.send("b")
        try tmux.waitFor("Bookmarks · ")
        XCTAssertEqual(try assertCursorOnMarkedRow(tmux, "bookmarks"), 1)
        try tmux.send("M")
        try tmux.waitFor("Review queue · ")
        XCTAssertEqual(try assertCursorOnMarkedRow(tmux, "the review queue"), 1)
        try tmux.send("j")
        XCTAssertEqual(try assertCursorOnMarkedRow(tmux, "the second review item"), 3)
        try tmux.send("q")
        try tmux.waitFor("Bookmarks · ")
        try tmux.send("S")
        try tmux.waitFor("Sites (config.toml)")
        XCTAssertEqual(try assertCursorOnMarkedRow(tmux, "the sites"), 1)
        try tmux.send("j")
        XCTAssertEqual(try assertCursorOnMarkedRow(tmux, "the second site"), 2)
        try tmux.send("Escape")
        try tmux.waitFor("Bookmarks · ")
        try tmux.send("Q")
        _ = try tmux.waitForExit()
    }

    func testTheLinearModeAt80x24() throws {
        let server = try DemoServerProcess()
        self.server = server
        let tmux = try startFora(server, arguments: ["--screen-reader"], width: 80, height: 24)
        let list = try tmux.waitUntil("the list with its position") { $0.contains(", 1 of ") }
        let listRows = rows(list)
        XCTAssertTrue(listRows[1].hasPrefix("> "), list)
        XCTAssertTrue(listRows[1].contains(", 1 of "), "the focused row says where it is:\n\(list)")
        XCTAssertTrue(listRows[23].hasSuffix(". ? for help") || listRows[23].contains("? for help"), list)
        XCTAssertEqual(Self.lineDrawing(list), [], list)
        try assertCursor(tmux, x: 0, y: 1, "the linear list")
        try tmux.send("j")
        try tmux.waitFor(", 2 of ")
        try assertCursor(tmux, x: 0, y: 2, "the second topic")

        // Topic 5 has several posts (the list's order depends on who reads).
        try tmux.send(":read 5", "Enter")
        let reader = try tmux.waitFor("post 1 of ")
        XCTAssertTrue(rows(reader)[1].hasPrefix("post 1 of "), reader)
        XCTAssertTrue(rows(reader)[1].contains(", by "), reader)
        XCTAssertEqual(Self.lineDrawing(reader), [], reader)
        try assertCursor(tmux, x: 0, y: 1, "the first post")
        try tmux.send("J")
        let second = try tmux.waitFor("post 2 of ")
        try assertCursor(
            tmux, x: 0, y: rows(second).firstIndex { $0.hasPrefix("post 2 of ") } ?? -1, "the second post")

        // The panes never go side by side, however wide.
        try tmux.resize(width: 200, height: 24)
        let wide = try tmux.waitUntil("the wide reader") {
            self.rows($0).first?.count ?? 0 > 100 || $0.contains("post 2 of ")
        }
        XCTAssertEqual(Self.lineDrawing(wide), [], wide)
        XCTAssertFalse(rows(wide).contains { $0.contains(", 2 of ") }, "no list beside the reader:\n\(wide)")
        try tmux.send("q")
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }

    /// Line and block drawing characters (U+2500–U+259F) on the screen.
    static func lineDrawing(_ text: String) -> [Character] {
        text.filter { $0.unicodeScalars.contains { (0x2500...0x259F).contains($0.value) } }
    }
}
