import Foundation
import XCTest

/// The real `fora` binary in tmux against the real `fora-demo-server`, read off the screen.
final class ThreadListEndToEndTests: XCTestCase {
    private var server: DemoServerProcess?

    override func tearDown() {
        server?.stop()
        server = nil
        super.tearDown()
    }

    /// Titles of the first topics of `/latest.json` that are plain ASCII (easy to find on screen).
    private func latestTitles(_ server: DemoServerProcess) throws -> [String] {
        let json = try XCTUnwrap(try server.getJSON("/latest.json", username: "alice") as? [String: Any])
        let list = try XCTUnwrap(json["topic_list"] as? [String: Any])
        let topics = try XCTUnwrap(list["topics"] as? [[String: Any]])
        return topics.compactMap { $0["title"] as? String }.filter { $0.allSatisfy(\.isASCII) }
    }

    private func startFora(_ server: DemoServerProcess, width: Int = 120, height: Int = 40) throws -> TmuxSession {
        try TmuxSession(
            command: [try Binaries.path("fora")], width: width, height: height,
            environment: [
                "FORA_SITE": server.baseURL, "FORA_API_KEY": "fora-demo-all-users-key", "FORA_API_USERNAME": "alice",
                "XDG_CONFIG_HOME": NSTemporaryDirectory() + "fora-e2e-config",
                "XDG_DATA_HOME": NSTemporaryDirectory() + "fora-e2e-data",
                "XDG_STATE_HOME": NSTemporaryDirectory() + "fora-e2e-state",
            ])
    }

    func testListShowsTheDemoCommunityAndQuitsCleanly() throws {
        let server = try DemoServerProcess()
        self.server = server
        let titles = try latestTitles(server)
        XCTAssertGreaterThan(titles.count, 5, "the demo community should list topics")

        let tmux = try startFora(server)
        let screen = try tmux.waitFor(String(titles[0].prefix(20)))
        XCTAssertTrue(screen.contains(String(titles[1].prefix(20))), "second topic missing:\n\(screen)")
        try tmux.send("j")
        try tmux.send("j")
        try tmux.send("k")
        try tmux.send("q")
        let status = try tmux.waitForExit()
        let finalScreen = try tmux.capture()
        XCTAssertEqual(status, 0, "fora should exit 0 on q; screen:\n\(finalScreen)")
    }

    func testResizeRedrawsAndTinyTerminalsGetANotice() throws {
        let server = try DemoServerProcess()
        self.server = server
        let titles = try latestTitles(server)
        let tmux = try startFora(server, width: 120, height: 40)
        try tmux.waitFor(String(titles[0].prefix(20)))

        try tmux.resize(width: 80, height: 24)
        try tmux.waitFor(String(titles[0].prefix(12)))
        // capture-pane ends every row with a newline, the last one included.
        let small = try tmux.capture().split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        XCTAssertEqual(small.count, 24)
        XCTAssertTrue(small.allSatisfy { $0.count <= 80 }, "no row may exceed 80 columns")

        try tmux.resize(width: 40, height: 10)
        try tmux.waitFor(String(titles[0].prefix(8)))

        try tmux.resize(width: 30, height: 8)
        try tmux.waitFor("too small")
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }

    func testListsByCategoryTagSearchAndTheWorkLists() throws {
        let server = try DemoServerProcess()
        self.server = server
        let titles = try latestTitles(server)
        let tmux = try startFora(server)
        try tmux.waitFor(String(titles[0].prefix(20)))
        try tmux.send(":category billing", "Enter")
        // The title changes at once; the rows when the category's list has arrived (and not
        // while the list shows only "Loading…", which has no Troubleshooting row either).
        let billing = try tmux.waitUntil("only the billing category's topics") {
            $0.contains("Category: billing") && !$0.contains("Troubleshooting ") && $0.contains("Billing ")
        }
        XCTAssertTrue(billing.contains("Billing"), billing)
        try tmux.send(":find android", "Enter")
        try tmux.waitFor("Mobile app crashes")
        try tmux.send(":unanswered", "Enter")
        try tmux.waitFor("Unanswered (oldest first)")
        try tmux.send("t")
        try tmux.waitFor("Unsolved (oldest first)")
        // q on another list goes back to Latest; Latest's q quits.
        try tmux.send("q")
        try tmux.waitFor("Latest (q again quits)")
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }

    func testDeadServerShowsAnErrorInsteadOfCrashing() throws {
        // A port nothing listens on: bind one, note it, close it.
        let tmux = try TmuxSession(
            command: [try Binaries.path("fora")],
            environment: [
                "FORA_SITE": "http://127.0.0.1:9", "XDG_STATE_HOME": NSTemporaryDirectory() + "fora-e2e-state",
            ])
        let screen = try tmux.waitFor("127.0.0.1")
        XCTAssertNil(try tmux.exitStatus(), "fora must keep running with a dead server:\n\(screen)")
        try tmux.waitFor("connect")
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }
}
