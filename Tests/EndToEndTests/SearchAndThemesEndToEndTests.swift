import Foundation
import XCTest

/// Site search from the thread list, and themes and colour depths, on the real binary in tmux
/// against the demo server.
final class SearchAndThemesEndToEndTests: XCTestCase {
    private var server: DemoServerProcess?

    override func tearDown() {
        server?.stop()
        server = nil
        super.tearDown()
    }

    private func startFora(
        _ server: DemoServerProcess, arguments: [String] = [], environment: [String: String] = [:]
    ) throws -> TmuxSession {
        let home = NSTemporaryDirectory() + "fora-e2e-search-\(UUID().uuidString.prefix(8))"
        return try TmuxSession(
            command: [try Binaries.path("fora")] + arguments, width: 120, height: 40,
            environment: [
                "FORA_SITE": server.baseURL, "FORA_API_KEY": "fora-demo-all-users-key", "FORA_API_USERNAME": "alice",
                "XDG_CONFIG_HOME": home + "/config", "XDG_DATA_HOME": home + "/data", "XDG_STATE_HOME": home + "/state",
                // Colours are what these tests look at: whatever the test runner's own settings.
                "NO_COLOR": "", "COLORTERM": "",
            ].merging(environment) { $1 })
    }

    /// The search's hits as the site orders them: (topic title, post number).
    private func hits(_ server: DemoServerProcess, query: String) throws -> [(String, Int)] {
        let json = try XCTUnwrap(try server.getJSON("/search.json?q=\(query)", username: "alice") as? [String: Any])
        let topics = (json["topics"] as? [[String: Any]] ?? []).reduce(into: [Int: String]()) {
            if let id = $1["id"] as? Int { $0[id] = $1["title"] as? String ?? "" }
        }
        return (json["posts"] as? [[String: Any]] ?? []).compactMap { post in
            guard let topic = post["topic_id"] as? Int, let number = post["post_number"] as? Int else { return nil }
            return (topics[topic] ?? "", number)
        }
    }

    func testSearchFromTheListOpensAResultAtItsPostAndGoesBack() throws {
        let server = try DemoServerProcess()
        self.server = server
        let found = try hits(server, query: "same")
        let deepest = try XCTUnwrap(found.indices.max { found[$0].1 < found[$1].1 })
        let (title, number) = found[deepest]
        XCTAssertGreaterThan(number, 20, "the demo has a reply deep in a topic that says \"same\"")

        let tmux = try startFora(server)
        try tmux.waitFor("Latest · ")
        try tmux.send("/", "same", "Enter")
        let results = try tmux.waitFor("Search: same · \(found.count) results")
        XCTAssertTrue(results.contains("#\(number) @"), results)
        for _ in 0..<deepest { try tmux.send("j") }
        try tmux.waitFor("result \(deepest + 1)/\(found.count)")
        try tmux.send("Enter")
        let reader = try tmux.waitFor("#\(number) ")
        XCTAssertTrue(reader.contains(String(title.prefix(20))), "the hit's topic is open:\n\(reader)")
        XCTAssertFalse(reader.contains("\n#1 "), "the reader starts at the hit, not the first post:\n\(reader)")
        try tmux.send("q")
        try tmux.waitFor("Search: same")
        try tmux.send("q")
        try tmux.waitFor("Latest · ")
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }

    func testBookmarksFilterAndTheSitePicker() throws {
        let server = try DemoServerProcess()
        self.server = server
        let bookmarked = try hits(server, query: "in:bookmarks")
        let first = try XCTUnwrap(bookmarked.first, "alice has bookmarks in the demo").0
        // Two named sites on the same server, as two people.
        let config = NSTemporaryDirectory() + "fora-e2e-sites-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: config + "/fora", withIntermediateDirectories: true)
        try """
        default_site = "as-alice"
        [sites.as-alice]
        url = "\(server.baseURL)"
        api_username = "alice"
        api_key = "fora-demo-all-users-key"
        [sites.as-bob]
        url = "\(server.baseURL)"
        api_username = "bob"
        api_key = "fora-demo-all-users-key"

        """.write(toFile: config + "/fora/config.toml", atomically: true, encoding: .utf8)
        let tmux = try startFora(
            server,
            environment: ["FORA_SITE": "", "FORA_API_KEY": "", "FORA_API_USERNAME": "", "XDG_CONFIG_HOME": config])
        try tmux.waitFor(" · 1/")
        try tmux.send("b")
        try tmux.waitFor("Bookmarks · ")
        try tmux.waitFor(String(first.prefix(20)))
        try tmux.send(":filter sync", "Enter")
        try tmux.waitFor("Bookmarks · filter \"sync\"")
        try tmux.send(":filter", "Enter")
        try tmux.send("S")
        let picker = try tmux.waitFor("Sites (config.toml)")
        XCTAssertTrue(picker.contains("● as-alice  (current)"), picker)
        try tmux.send("j", "Enter")
        try tmux.waitFor("Latest · ")
        try tmux.send("S")
        let switched = try tmux.waitFor("● as-bob  (current)")
        XCTAssertFalse(switched.contains("● as-alice"), switched)
        try tmux.send("q")
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }

    func testTheLightThemeRendersItsOwnColours() throws {
        let server = try DemoServerProcess()
        self.server = server
        let tmux = try startFora(server, arguments: ["--theme", "light"])
        try tmux.waitFor(" · 1/")
        let screen = try tmux.captureWithEscapes()
        // light.toml: title_bar bg 25, selection bg 153 (default.toml: 24 and 110).
        XCTAssertTrue(screen.contains("48;5;25m"), screen)
        XCTAssertTrue(screen.contains("48;5;153m"), screen)
        XCTAssertFalse(screen.contains("48;5;110m"), "the default theme's selection colour:\n\(screen)")
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }

    func testTruecolorTerminalsGetTheThemesExactColoursAndNoColorNone() throws {
        guard let tic = Subprocess.which("tic") else { throw XCTSkip("tic (ncurses-bin) is not installed") }
        // A direct-colour entry for the pane's terminal, as ncurses-term ships tmux-direct.
        let terminfo = NSTemporaryDirectory() + "fora-e2e-terminfo-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: terminfo, withIntermediateDirectories: true)
        let source = terminfo + "/tmux-direct.ti"
        try """
        tmux-direct|tmux with direct colour for the fora tests,
        \tcolors#0x1000000, pairs#0x10000, RGB,
        \tsetab=\\E[%?%p1%{8}%<%t4%p1%d%e48\\:2\\:\\:%p1%{65536}%/%d\\:%p1%{256}%/%{255}%&%d\\:%p1%{255}%&%d%;m,
        \tsetaf=\\E[%?%p1%{8}%<%t3%p1%d%e38\\:2\\:\\:%p1%{65536}%/%d\\:%p1%{256}%/%{255}%&%d\\:%p1%{255}%&%d%;m,
        \tuse=tmux-256color,

        """.write(toFile: source, atomically: true, encoding: .utf8)
        let compiled = try Subprocess.run([tic, "-x", "-o", terminfo, source], timeout: 30)
        XCTAssertEqual(compiled.status, 0, compiled.output)

        let server = try DemoServerProcess()
        self.server = server
        let tmux = try startFora(
            server, arguments: ["--theme", "solarized-dark"],
            environment: ["COLORTERM": "truecolor", "TERMINFO": terminfo])
        try tmux.waitFor(" · 1/")
        // solarized-dark.toml: title_bar fg #93a1a1 on #073642.
        let screen = try tmux.captureWithEscapes()
        XCTAssertTrue(screen.contains("38;2;147;161;161"), screen)
        XCTAssertTrue(screen.contains("48;2;7;54;66"), screen)
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)

        let plain = try startFora(server, environment: ["NO_COLOR": "1", "COLORTERM": "truecolor"])
        try plain.waitFor("Latest · ")
        let monochrome = try plain.captureWithEscapes()
        XCTAssertFalse(monochrome.contains("38;"), "NO_COLOR: no foreground colours:\n\(monochrome)")
        XCTAssertFalse(monochrome.contains("48;"), "NO_COLOR: no background colours:\n\(monochrome)")
        try plain.send("q")
        XCTAssertEqual(try plain.waitForExit(), 0)
    }
}
