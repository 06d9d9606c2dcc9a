import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// Answering from the keyboard (issue 7) in the real `fora` binary, in tmux, against the demo
/// server: each test drives the interface like a user and then asks the server's HTTP API
/// what it holds (a reply exists exactly once, with its quote; a solution is accepted), so a
/// screen that merely looks right is not enough.
final class AnsweringEndToEndTests: XCTestCase {
    private var servers: [DemoServerProcess] = []
    private var sessions: [TmuxSession] = []
    private var scratch = FileManager.default.temporaryDirectory.appendingPathComponent("fora-e2e-answering-\(UUID())")

    override func tearDown() {
        sessions.removeAll()
        for server in servers { server.stop() }
        servers.removeAll()
        try? FileManager.default.removeItem(at: scratch)
        super.tearDown()
    }

    // MARK: a. quote in the inline editor

    func testReplyWithAQuoteInTheInlineEditorReachesTheServerOnce() throws {
        let server = try startServer()
        let topic = try XCTUnwrap(try replyableTopics(server, as: "alice").first)
        let author = try XCTUnwrap(try posts(of: topic.id, on: server).first?["username"] as? String)
        let tmux = try startFora(server, as: "alice")
        try open(topic.title, in: tmux)
        try tmux.waitFor("#1 ")
        try tmux.send("-l", "\"")
        try tmux.waitFor("Reply to ")
        let marker = "Quoted answer \(UUID().uuidString.prefix(8))"
        try tmux.send("-l", marker + " works for me.")
        try tmux.waitFor(marker)
        try tmux.send("C-x")
        try waitUntilComposerCloses(tmux)

        let replies = try eventually("the reply on the server") {
            let found = try posts(of: topic.id, on: server).filter {
                ($0["cooked"] as? String)?.contains(marker) == true
            }
            return found.isEmpty ? nil : found
        }
        XCTAssertEqual(replies.count, 1, "the reply exists exactly once")
        let raw = try rawText(of: try XCTUnwrap(replies.first?["id"] as? Int), on: server)
        XCTAssertTrue(
            raw.contains("[quote=\"\(author), post:1, topic:\(topic.id)\"]"), "the quote markup is in the post:\n\(raw)"
        )
        XCTAssertTrue(raw.contains("[/quote]"), raw)
        XCTAssertTrue(raw.contains(marker + " works for me."), raw)
    }

    // MARK: b. $EDITOR

    func testReplyThroughAScriptedEditorSendsWhatTheEditorWrote() throws {
        let server = try startServer()
        let topic = try XCTUnwrap(try replyableTopics(server, as: "alice").first)
        let marker = "Written in the editor \(UUID().uuidString.prefix(8))"
        // The editor puts its line at the top: everything below the scissors line (the post
        // being answered, for reference) is ignored when the file comes back.
        let editor = scratch.appendingPathComponent("editor.sh")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try
            "#!/bin/sh\n{ printf '%s\\n' '\(marker), thanks for the details.'; cat \"$1\"; } > \"$1.new\" && mv \"$1.new\" \"$1\"\n"
            .write(to: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: editor.path)
        let tmux = try startFora(server, as: "alice", extra: ["VISUAL": editor.path])
        try open(topic.title, in: tmux)
        try tmux.waitFor("#1 ")
        try tmux.send("R")
        try tmux.waitFor("Reply to the topic · ")
        try tmux.send("C-o")
        try tmux.waitFor(marker)
        try tmux.send("C-x")
        try waitUntilComposerCloses(tmux)

        let replies = try eventually("the editor's reply on the server") {
            let found = try posts(of: topic.id, on: server).filter {
                ($0["cooked"] as? String)?.contains(marker) == true
            }
            return found.isEmpty ? nil : found
        }
        XCTAssertEqual(replies.count, 1)
        let raw = try rawText(of: try XCTUnwrap(replies.first?["id"] as? Int), on: server)
        XCTAssertEqual(raw.trimmingCharacters(in: .whitespacesAndNewlines), marker + ", thanks for the details.")
    }

    // MARK: c. kill -HUP mid-reply

    func testDraftSurvivesAHangupAndComesBackInTheSameTopicsReply() throws {
        let server = try startServer()
        let topic = try XCTUnwrap(try replyableTopics(server, as: "alice").first)
        let first = try startFora(server, as: "alice")
        try open(topic.title, in: first)
        try first.waitFor("#1 ")
        try first.send("R")
        try first.waitFor("Reply to the topic · ")
        let marker = "Half-written \(UUID().uuidString.prefix(8))"
        try first.send("-l", marker + " before the line dropped")
        try first.waitFor(marker)
        // The draft is journaled about a second after typing stops; the store says when.
        _ = try eventually("the draft in the store") { () -> Int? in
            let stats = try foraJSON(["cache", "stats", "--json"], server: server, as: "alice")
            return (stats["drafts"] as? Int ?? 0) > 0 ? 1 : nil
        }
        let pid = try XCTUnwrap(try first.programPID(), "fora's pid")
        XCTAssertEqual(kill(pid, SIGHUP), 0)
        XCTAssertNotNil(try first.waitForExit(), "fora ends on SIGHUP")

        let second = try startFora(server, as: "alice")
        try open(topic.title, in: second)
        try second.waitFor("#1 ")
        try second.send("R")
        let restored = try second.waitFor(marker + " before the line dropped")
        XCTAssertTrue(restored.contains("draft restored"), "the status bar says so:\n\(restored)")
        XCTAssertFalse(
            try posts(of: topic.id, on: server).contains { ($0["cooked"] as? String)?.contains(marker) == true },
            "a draft is not sent")
    }

    // MARK: d. offline reply through the outbox

    func testReplyWhileTheServerIsDownIsSentOnceItIsBack() throws {
        let data = scratch.appendingPathComponent("server-data").path
        let server = try startServer(data: data)
        let topic = try XCTUnwrap(try replyableTopics(server, as: "alice").first)
        let tmux = try startFora(server, as: "alice")
        try open(topic.title, in: tmux)
        try tmux.waitFor("#1 ")
        let port = server.port
        server.stop()

        try tmux.send("R")
        try tmux.waitFor("Reply to the topic · ")
        let marker = "Offline answer \(UUID().uuidString.prefix(8))"
        try tmux.send("-l", marker + " written on a train.")
        try tmux.waitFor(marker)
        try tmux.send("C-x")
        let queued = try tmux.waitFor("1 pending", timeout: 60)
        XCTAssertTrue(queued.contains("queued"), "the status bar says it waits:\n\(queued)")

        let restarted = try startServer(data: data, port: port)
        XCTAssertEqual(restarted.baseURL, server.baseURL)
        XCTAssertFalse(
            try posts(of: topic.id, on: restarted).contains { ($0["cooked"] as? String)?.contains(marker) == true },
            "nothing was sent while the server was down")
        // A list load that succeeds sends what waits.
        try tmux.send("q")
        try tmux.waitFor(" · 1/")
        try tmux.send("r")
        try tmux.waitUntil("the outbox empty", timeout: 60) { !$0.contains(" pending") }
        let replies = try eventually("the queued reply on the server") {
            let found = try posts(of: topic.id, on: restarted).filter {
                ($0["cooked"] as? String)?.contains(marker) == true
            }
            return found.isEmpty ? nil : found
        }
        // Another load must not send it again.
        try tmux.send("r")
        try tmux.waitFor(" · 1/")
        XCTAssertEqual(replies.count, 1)
        XCTAssertEqual(
            try posts(of: topic.id, on: restarted).filter { ($0["cooked"] as? String)?.contains(marker) == true }.count,
            1, "the reply exists exactly once")
    }

    // MARK: e. solution

    func testMarkingASolutionShowsItsCheckInTheList() throws {
        let server = try startServer()
        // Staff may accept an answer in any category that takes solutions.
        let candidates = try replyableTopics(server, as: "admin").filter { !$0.solved }
        let topic = try XCTUnwrap(
            try candidates.first { candidate in
                let posts = try posts(of: candidate.id, on: server, as: "admin")
                return posts.count > 1 && posts[1]["can_accept_answer"] as? Bool == true
            }, "a topic whose second post may be accepted")
        let tmux = try startFora(server, as: "admin")
        try open(topic.title, in: tmux)
        try tmux.waitFor("#1 ")
        try tmux.send("J")
        try tmux.waitFor("post 2 (2/")  // the focused post, which S acts on
        try tmux.send("S")
        try tmux.waitFor("#2 is the solution")
        try tmux.waitFor("✓ Solution")

        let accepted = try posts(of: topic.id, on: server, as: "admin")
        XCTAssertEqual(accepted[1]["accepted_answer"] as? Bool, true, "the server holds the solution")
        try tmux.send("q")
        let needle = String(topic.title.prefix(20))
        let list = try tmux.waitUntil("the ✓ in the list") { screen in
            screen.split(separator: "\n").contains { $0.contains(needle) && $0.contains("✓") }
        }
        XCTAssertTrue(list.contains(" · 1/"), list)
    }

    // MARK: f. unanswered view

    func testWorkingThroughTheUnansweredViewEmptiesItOfWhatWasDone() throws {
        let server = try startServer()
        let unanswered = try unansweredTopics(server, as: "alice")
        XCTAssertGreaterThanOrEqual(unanswered.count, 3, "the demo has unanswered questions")
        let (answered, skipped) = (unanswered[0], unanswered[1])
        let prefixes = unanswered.map { $0.title.prefix(30) }
        XCTAssertEqual(prefixes.filter { $0 == answered.title.prefix(30) || $0 == skipped.title.prefix(30) }.count, 2)
        let tmux = try startFora(server, as: "alice")
        try tmux.waitFor(" · 1/")
        try tmux.send(":unanswered", "Enter")
        try tmux.waitFor("Unanswered (oldest first)")
        try tmux.waitFor(String(answered.title.prefix(30)))
        try tmux.send("Enter")
        try waitForReader(of: answered.title, in: tmux)
        try tmux.waitFor("#1 ")
        try tmux.send("R")
        try tmux.waitFor("Reply to the topic · ")
        let marker = "First answer \(UUID().uuidString.prefix(8))"
        try tmux.send("-l", marker + ": restart the service.")
        try tmux.waitFor(marker)
        try tmux.send("C-x")
        try waitUntilComposerCloses(tmux)
        _ = try eventually("the answer on the server") {
            try posts(of: answered.id, on: server).count == 2 ? true : nil
        }
        try tmux.send("q")
        try tmux.waitFor("Unanswered (oldest first)")
        try tmux.send("r")
        // Answered, it leaves the view; the next question is first.
        try tmux.waitUntil("the answered question gone") { screen in
            !screen.contains(String(answered.title.prefix(30))) && screen.contains(String(skipped.title.prefix(30)))
                && screen.contains(" · 1/")
        }
        try tmux.send("D")
        try tmux.waitFor("done: hidden until someone replies")
        let after = try tmux.waitUntil("the done question gone") { screen in
            !screen.contains(String(skipped.title.prefix(30))) && screen.contains(" · 1/")
        }
        XCTAssertTrue(after.contains("Unanswered (oldest first)"), after)
        XCTAssertFalse(after.contains(String(answered.title.prefix(30))), after)
        XCTAssertEqual(try posts(of: skipped.id, on: server).count, 1, "done is a local mark: nothing was posted")
    }

    // MARK: Driving fora

    private func startServer(data: String? = nil, port: Int = 0) throws -> DemoServerProcess {
        let server = try DemoServerProcess(arguments: data.map { ["--data", $0] } ?? [], port: port)
        servers.append(server)
        return server
    }

    private func environment(_ server: DemoServerProcess, as username: String) -> [String: String] {
        [
            "FORA_SITE": server.baseURL, "FORA_API_KEY": "fora-demo-all-users-key", "FORA_API_USERNAME": username,
            "XDG_CONFIG_HOME": scratch.appendingPathComponent("config").path,
            "XDG_DATA_HOME": scratch.appendingPathComponent("data").path,
            "XDG_STATE_HOME": scratch.appendingPathComponent("state").path,
        ]
    }

    private func startFora(_ server: DemoServerProcess, as username: String, extra: [String: String] = [:]) throws
        -> TmuxSession
    {
        let tmux = try TmuxSession(
            command: [try Binaries.path("fora")], width: 120, height: 40,
            environment: environment(server, as: username).merging(extra) { $1 })
        sessions.append(tmux)
        return tmux
    }

    /// Runs the `fora` command line with the interface's environment and decodes its JSON.
    private func foraJSON(_ arguments: [String], server: DemoServerProcess, as username: String) throws
        -> [String: Any]
    {
        let result = try Subprocess.run(
            [try Binaries.path("fora")] + arguments,
            environment: ProcessInfo.processInfo.environment.merging(environment(server, as: username)) { $1 },
            separateStderr: true, timeout: 60)
        return try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], result.errorOutput)
    }

    /// Finds `title` with `:filter` (`/` on the list searches the site) and opens it with Enter.
    private func open(_ title: String, in tmux: TmuxSession) throws { try tmux.openTopic(title) }

    private func waitForReader(of title: String, in tmux: TmuxSession) throws { try tmux.waitForReader(of: title) }

    /// The composer closes once the post is sent (or queued); its key hints go with it.
    private func waitUntilComposerCloses(_ tmux: TmuxSession) throws {
        try tmux.waitUntil("the composer to close", timeout: 60) { !$0.contains("C-x send") }
    }

    // MARK: The server's side

    private struct ListedTopic {
        var id: Int
        var title: String
        var postsCount: Int
        var solved: Bool
        var createdAt: String
    }

    private func latestTopics(_ server: DemoServerProcess, as username: String, pages: Int) throws -> [[String: Any]] {
        var topics: [[String: Any]] = []
        for page in 0..<pages {
            let json = try XCTUnwrap(
                try server.getJSON("/latest.json?page=\(page)", username: username) as? [String: Any])
            let list = try XCTUnwrap(json["topic_list"] as? [String: Any])
            let found = list["topics"] as? [[String: Any]] ?? []
            if found.isEmpty { break }
            topics += found
        }
        return topics
    }

    private func listed(_ topic: [String: Any]) -> ListedTopic? {
        guard let id = topic["id"] as? Int, let title = topic["title"] as? String else { return nil }
        return ListedTopic(
            id: id, title: title, postsCount: topic["posts_count"] as? Int ?? 0,
            solved: topic["has_accepted_answer"] as? Bool ?? false, createdAt: topic["created_at"] as? String ?? "")
    }

    /// Small open topics of the first two pages (as fora lists them) with plain titles, easy to
    /// find with `:filter` and small enough that `/t/ID.json` holds all their posts.
    private func replyableTopics(_ server: DemoServerProcess, as username: String) throws -> [ListedTopic] {
        try latestTopics(server, as: username, pages: 2).compactMap { topic -> ListedTopic? in
            guard let found = listed(topic), found.title.allSatisfy(\.isASCII), !found.title.contains("\""),
                topic["closed"] as? Bool != true, topic["archived"] as? Bool != true,
                topic["pinned"] as? Bool != true, (2...15).contains(found.postsCount)
            else { return nil }
            return found
        }
    }

    /// The unanswered view as fora builds it: of the latest 240 topics those without replies,
    /// neither closed nor pinned, oldest first.
    private func unansweredTopics(_ server: DemoServerProcess, as username: String) throws -> [ListedTopic] {
        try latestTopics(server, as: username, pages: 12).prefix(240).compactMap { topic -> ListedTopic? in
            guard let found = listed(topic), topic["reply_count"] as? Int == 0, topic["closed"] as? Bool != true,
                topic["pinned"] as? Bool != true
            else { return nil }
            return found
        }.sorted { $0.createdAt < $1.createdAt }
    }

    /// The topic's posts (all of them for a topic of up to 20 posts).
    private func posts(of topicID: Int, on server: DemoServerProcess, as username: String = "alice") throws
        -> [[String: Any]]
    {
        let json = try XCTUnwrap(try server.getJSON("/t/\(topicID).json", username: username) as? [String: Any])
        let stream = try XCTUnwrap(json["post_stream"] as? [String: Any])
        return try XCTUnwrap(stream["posts"] as? [[String: Any]])
    }

    private func rawText(of postID: Int, on server: DemoServerProcess) throws -> String {
        let json = try XCTUnwrap(try server.getJSON("/posts/\(postID).json", username: "alice") as? [String: Any])
        return try XCTUnwrap(json["raw"] as? String)
    }
}
