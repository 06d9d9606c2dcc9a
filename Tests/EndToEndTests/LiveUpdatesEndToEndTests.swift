import Foundation
import XCTest

/// Live updates in the real `fora` binary, in tmux, against the real demo server: a reply
/// another user posts through the HTTP API appears in the open topic without a key, marked
/// new, with the reading position unchanged; a flag raised by a member raises the review
/// count in a moderator's status bar; and with the message bus switched off, polling still
/// brings the reply.
final class LiveUpdatesEndToEndTests: XCTestCase {
    private var server: DemoServerProcess?
    private let home = NSTemporaryDirectory() + "fora-e2e-live-\(UUID())"

    override func tearDown() {
        server?.stop()
        server = nil
        try? FileManager.default.removeItem(atPath: home)
        super.tearDown()
    }

    private func startFora(_ server: DemoServerProcess, as username: String, config: String = "") throws
        -> TmuxSession
    {
        try FileManager.default.createDirectory(atPath: home + "/config/fora", withIntermediateDirectories: true)
        try Data(config.utf8).write(to: URL(fileURLWithPath: home + "/config/fora/config.toml"))
        return try TmuxSession(
            command: [try Binaries.path("fora")], width: 120, height: 40,
            environment: [
                "FORA_SITE": server.baseURL, "FORA_API_KEY": "fora-demo-all-users-key", "FORA_API_USERNAME": username,
                "XDG_CONFIG_HOME": home + "/config", "XDG_DATA_HOME": home + "/data",
                "XDG_STATE_HOME": home + "/state",
            ])
    }

    /// A short topic with a plain title (all its posts fit on the screen), from the first page.
    private func shortTopic(_ server: DemoServerProcess) throws -> (id: Int, title: String, posts: Int) {
        let json = try XCTUnwrap(try server.getJSON("/latest.json", username: "alice") as? [String: Any])
        let topics = try XCTUnwrap((json["topic_list"] as? [String: Any])?["topics"] as? [[String: Any]])
        for topic in topics {
            guard let id = topic["id"] as? Int, let title = topic["title"] as? String,
                let posts = topic["posts_count"] as? Int, posts == 1,
                // Plain words only: the spammer's topics ("…here!!!") are flagged already.
                title.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == " " || $0 == "-") }),
                topic["closed"] as? Bool != true, topic["archived"] as? Bool != true
            else { continue }
            return (id, title, posts)
        }
        throw XCTSkip("no one-post topic on the first page of the demo's latest list")
    }

    /// Posts through the demo server's HTTP API with curl, as `username`.
    private func request(
        _ server: DemoServerProcess, _ method: String, _ path: String, form: [String], as username: String
    ) throws -> String {
        var args = [
            "curl", "-sS", "--fail-with-body", "--max-time", "20", "-X", method, "-H",
            "Api-Key: fora-demo-all-users-key",
            "-H", "Api-Username: \(username)",
        ]
        for field in form { args += ["--data-urlencode", field] }
        let result = try Subprocess.run(args + [server.baseURL + path], separateStderr: true, timeout: 30)
        return result.output
    }

    private func open(_ title: String, in tmux: TmuxSession) throws {
        try tmux.waitFor(title)  // listed: the filter below can find it
        // `/` on the list searches the site; `:filter` narrows the list to the topic.
        let needle = String(title.prefix(24))
        try tmux.send(":filter " + needle, "Enter")
        try tmux.waitFor("filter \"\(needle)\"")
        try tmux.waitFor(" · 1/")
        try tmux.send("Enter")
        try tmux.waitFor(title + " · ")
        try tmux.waitFor("#1 ")
    }

    private func replyAppearsLive(busDisabled: Bool) throws {
        let server = try DemoServerProcess(arguments: busDisabled ? ["--no-message-bus"] : [])
        self.server = server
        let topic = try shortTopic(server)
        // With the bus off, fora polls every second (`live-poll`), so the test stays short.
        let tmux = try startFora(server, as: "alice", config: "[tui]\nrefresh = 0\nlive-poll = 1\n")
        try tmux.waitFor("Latest · ")
        // The site's 404 on the bus is noticed and said once.
        if busDisabled { try tmux.waitFor("the site has no message bus") }
        try open(topic.title, in: tmux)
        // Let the live listener subscribe to the open topic.
        Thread.sleep(forTimeInterval: 1.5)
        let before = try tmux.capture().split(separator: "\n", omittingEmptySubsequences: false)
        let text = "Live reply from bob, number \(Int.random(in: 1000...9999)), arrives without a key press."
        let posted = Date()
        let answer = try request(
            server, "POST", "/posts.json", form: ["topic_id=\(topic.id)", "raw=\(text)"], as: "bob")
        XCTAssertTrue(answer.contains("\"post_number\""), answer)
        let screen = try tmux.waitFor(String(text.prefix(40)), timeout: busDisabled ? 10 : 5)
        let latency = Date().timeIntervalSince(posted)
        let after = screen.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(after.first, before.first, "the title line is unchanged")
        XCTAssertEqual(after.dropFirst().first, before.dropFirst().first, "the reader's top line is unchanged")
        let header = after.first { $0.hasPrefix("#\(topic.posts + 1) bob") }
        XCTAssertEqual(header?.contains("● new"), true, "the new post is marked:\n\(screen)")
        print("live reply on screen \(String(format: "%.2f", latency)) s after the POST (bus disabled: \(busDisabled))")
        if !busDisabled { XCTAssertLessThan(latency, 3, "over the message bus the reply is there at once") }
        try tmux.send("q")
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)

        // The live reply went into the store: it reads offline.
        server.stop()
        var environment = ProcessInfo.processInfo.environment
        environment["FORA_SITE"] = server.baseURL
        environment["FORA_API_KEY"] = "fora-demo-all-users-key"
        environment["FORA_API_USERNAME"] = "alice"
        environment["XDG_DATA_HOME"] = home + "/data"
        environment["XDG_CONFIG_HOME"] = home + "/config"
        let offline = try Subprocess.run(
            [try Binaries.path("fora"), "read", String(topic.id), "--offline"], environment: environment,
            separateStderr: true, timeout: 60)
        XCTAssertTrue(offline.output.contains(String(text.prefix(40))), "offline read:\n\(offline.output)")
    }

    func testAReplyAppearsInTheOpenTopicWithoutAKey() throws {
        try replyAppearsLive(busDisabled: false)
    }

    func testWithoutTheMessageBusPollingStillBringsTheReply() throws {
        try replyAppearsLive(busDisabled: true)
    }

    func testAFlagRaisesTheModeratorsReviewCountLive() throws {
        let server = try DemoServerProcess()
        self.server = server
        let queue = try XCTUnwrap(try server.getJSON("/review.json", username: "moderator") as? [String: Any])
        let total = try XCTUnwrap((queue["meta"] as? [String: Any])?["total_rows_reviewables"] as? Int)
        // A post by someone else than the flagger, on a topic nobody flagged.
        let topic = try shortTopic(server)
        let view = try XCTUnwrap(try server.getJSON("/t/\(topic.id).json", username: "yuki") as? [String: Any])
        let posts = try XCTUnwrap((view["post_stream"] as? [String: Any])?["posts"] as? [[String: Any]])
        let postID = try XCTUnwrap(posts.first { $0["username"] as? String != "yuki" }?["id"] as? Int)

        // The queue's own polling is off: only live updates can change the count.
        let tmux = try startFora(server, as: "moderator", config: "[review]\npoll = 0\n[tui]\nrefresh = 0\n")
        try tmux.waitFor("\(total) to review")
        Thread.sleep(forTimeInterval: 1.5)
        let posted = Date()
        let answer = try request(
            server, "POST", "/post_actions.json", form: ["id=\(postID)", "post_action_type_id=8"], as: "yuki")
        XCTAssertFalse(answer.contains("errors"), answer)
        try tmux.waitFor("\(total + 1) to review", timeout: 5)
        print("review count on screen \(String(format: "%.2f", Date().timeIntervalSince(posted))) s after the flag")
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }
}
