import Foundation
import XCTest

/// The reader in the real `fora` binary, in tmux, against the real demo server: open a topic
/// from the list, scroll a long one to its end and into its middle, jump to a solution, read
/// help, resize across layouts, go back and quit.
final class ReaderEndToEndTests: XCTestCase {
    private var server: DemoServerProcess?

    override func tearDown() {
        server?.stop()
        server = nil
        super.tearDown()
    }

    private struct ListedTopic {
        var title: String
        var postsCount: Int
        var solved: Bool
    }

    /// The latest topics with plain ASCII titles (easy to type into `/` and find on screen).
    /// The first two pages, as fora lists them.
    private func latestTopics(_ server: DemoServerProcess) throws -> [ListedTopic] {
        var topics: [[String: Any]] = []
        for path in ["/latest.json", "/latest.json?page=1"] {
            let json = try XCTUnwrap(try server.getJSON(path, username: "alice") as? [String: Any])
            let list = try XCTUnwrap(json["topic_list"] as? [String: Any])
            topics += try XCTUnwrap(list["topics"] as? [[String: Any]])
        }
        return topics.compactMap { topic in
            guard let title = topic["title"] as? String, title.allSatisfy(\.isASCII), !title.contains("'") else {
                return nil
            }
            return ListedTopic(
                title: title, postsCount: topic["posts_count"] as? Int ?? 0,
                solved: topic["has_accepted_answer"] as? Bool ?? false)
        }
    }

    private func startFora(_ server: DemoServerProcess, width: Int = 120, height: Int = 40) throws -> TmuxSession {
        try TmuxSession(
            command: [try Binaries.path("fora")], width: width, height: height,
            environment: [
                "FORA_SITE": server.baseURL, "FORA_API_KEY": "fora-demo-all-users-key", "FORA_API_USERNAME": "alice",
                "XDG_CONFIG_HOME": NSTemporaryDirectory() + "fora-e2e-reader-config",
                "XDG_DATA_HOME": NSTemporaryDirectory() + "fora-e2e-data",
                "XDG_STATE_HOME": NSTemporaryDirectory() + "fora-e2e-state",
            ])
    }

    /// Finds `title` with `:filter` (`/` on the list searches the site) and opens it with Enter.
    private func open(_ title: String, in tmux: TmuxSession) throws {
        let needle = String(title.prefix(24))
        try tmux.send(":filter " + needle, "Enter")
        try tmux.waitFor("filter \"\(needle)\"")
        try tmux.waitFor(" · 1/")  // the filtered list is in, its first topic selected
        try tmux.send("Enter")
        try tmux.waitFor(String(title.prefix(30)) + " ·")
    }

    func testLongTopicScrollsToItsEndAndToAPostThenBackAndQuit() throws {
        let server = try DemoServerProcess()
        self.server = server
        let topics = try latestTopics(server)
        let long = try XCTUnwrap(topics.max { $0.postsCount < $1.postsCount })
        XCTAssertGreaterThan(long.postsCount, 1000, "the demo's megathread should be listed")
        let tmux = try startFora(server)
        try tmux.waitFor(String(topics[0].title.prefix(20)))

        try open(long.title, in: tmux)
        // The topic opens where this user stopped reading it; the status bar says where.
        try tmux.waitFor("/\(long.postsCount))")
        try tmux.send("G")
        let end = try tmux.waitFor("#\(long.postsCount) ")
        XCTAssertTrue(end.contains("/\(long.postsCount))"), "status shows the position:\n\(end)")
        try tmux.send("7", "0", "0", "G")
        let middle = try tmux.waitFor("#700 ")
        XCTAssertTrue(middle.split(separator: "\n")[1].hasPrefix("#700 "), "post 700 on top:\n\(middle)")
        try tmux.send("C-u")
        try tmux.waitFor("#699 ")

        try tmux.send("q")
        try tmux.waitFor("Latest · ")
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }

    func testSolutionHelpAndResizeAcrossLayouts() throws {
        let server = try DemoServerProcess()
        self.server = server
        let topics = try latestTopics(server)
        let solved = try XCTUnwrap(topics.first { $0.solved && $0.postsCount > 3 }, "a solved topic")
        let tmux = try startFora(server)
        try tmux.waitFor(String(topics[0].title.prefix(20)))

        try open(solved.title, in: tmux)
        try tmux.send("s")
        let solution = try tmux.waitFor("✓ Solution")
        let header = solution.split(separator: "\n").first { $0.contains("✓ Solution") } ?? ""
        XCTAssertTrue(header.hasPrefix("#"), "the solution mark is in a post header:\n\(solution)")

        try tmux.send("?")
        try tmux.waitFor("Keys on this screen (reader)")
        try tmux.send("q")
        try tmux.waitFor("✓ Solution")

        try tmux.resize(width: 200, height: 50)
        let wide = try tmux.waitFor("│")
        XCTAssertTrue(wide.contains("Latest · "), "the list beside the reader:\n\(wide)")
        try tmux.resize(width: 80, height: 24)
        try tmux.waitFor("✓ Solution")
        let narrow = try tmux.capture().split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        XCTAssertEqual(narrow.count, 24)
        XCTAssertFalse(narrow.joined().contains("│"), "one pane at 80 columns")
        try tmux.resize(width: 40, height: 10)
        try tmux.waitFor("✓ Sol")
        try tmux.resize(width: 30, height: 8)
        try tmux.waitFor("too small")
        try tmux.resize(width: 120, height: 40)
        try tmux.waitFor("✓ Solution")

        // Esc goes back as well (the ESC delay is 25 ms, so it is not mistaken for a sequence).
        try tmux.send("Escape")
        try tmux.waitFor("Latest · ")
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }
}
