import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// What the site says is what the interface shows (issue 14), in the real `fora` in tmux
/// against the demo server, checked on the screen and, for what is sent, on the server:
/// solutions after a sync, reading reaching the site, states and small actions, and the
/// user's own reply appearing at once in a synced topic.
final class SiteFidelityEndToEndTests: XCTestCase {
    private var server: DemoServerProcess!
    private var sessions: [TmuxSession] = []
    private let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("fora-e2e-fidelity-\(UUID())")

    override func setUpWithError() throws {
        server = try DemoServerProcess(arguments: [])
    }

    override func tearDown() {
        sessions.removeAll()
        server?.stop()
        try? FileManager.default.removeItem(at: scratch)
        super.tearDown()
    }

    // MARK: 1. Solutions after a sync

    func testASyncedSolvedTopicShowsItsSolutionAndSFindsIt() throws {
        let topic = try XCTUnwrap(try latest(as: "alice").first { $0.solved && $0.postsCount <= 20 && $0.plainTitle })
        let accepted =
            try XCTUnwrap(
                try server.getJSON("/t/\(topic.id).json", username: "alice") as? [String: Any])["accepted_answer"]
            as? [String: Any]
        let number = try XCTUnwrap(accepted?["post_number"] as? Int)
        try sync(as: "alice")

        let tmux = try startFora(as: "alice")
        try open(topic.title, in: tmux)
        try tmux.waitUntil("the ✓ on the accepted answer") { screen in
            screen.split(separator: "\n").contains { $0.hasPrefix("#\(number) ") && $0.contains("✓ Solution") }
        }
        try tmux.send("s")
        usleep(500_000)
        let screen = try tmux.capture()
        XCTAssertFalse(screen.contains("this topic has no solution"), screen)
    }

    func testASolutionMarkedInASyncedTopicShowsAtOnceAndAfterRefreshing() throws {
        // Staff may accept an answer in any category that takes solutions.
        let topic = try XCTUnwrap(
            try latest(as: "admin").first { candidate in
                guard !candidate.solved, !candidate.closed, candidate.plainTitle,
                    (3...15).contains(candidate.postsCount)
                else { return false }
                return try posts(of: candidate.id, as: "admin")[1]["can_accept_answer"] as? Bool == true
            }, "a topic whose second post may be accepted")
        try sync(as: "admin")
        let tmux = try startFora(as: "admin")
        try open(topic.title, in: tmux)
        try tmux.send("J")
        try tmux.waitFor("post 2 (2/")  // the focused post, which S acts on
        try tmux.send("S")
        try tmux.waitFor("#2 is the solution")
        let marked: (String) -> Bool = { screen in
            screen.split(separator: "\n").contains { $0.hasPrefix("#2 ") && $0.contains("✓ Solution") }
        }
        try tmux.waitUntil("the ✓ on #2 at once", marked)
        try tmux.send("r")
        usleep(1_000_000)
        try tmux.waitUntil("the ✓ on #2 after r", marked)
        XCTAssertEqual(try posts(of: topic.id, as: "admin")[1]["accepted_answer"] as? Bool, true)
    }

    // MARK: 5. States, small actions, badges, refused replies

    func testAClosedTopicIsMarkedItsSmallActionIsOneLineAndRIsRefused() throws {
        let closed = try XCTUnwrap(try latest(as: "alice").first { $0.closed && $0.plainTitle })
        try sync(as: "alice")
        let tmux = try startFora(as: "alice")
        try tmux.waitFor(" · 1/")
        let needle = String(closed.title.prefix(24))
        try tmux.send(":filter " + needle, "Enter")
        let list = try tmux.waitFor("filter \"\(needle)\"")
        XCTAssertTrue(
            list.split(separator: "\n").contains { $0.contains(needle) && $0.contains("🔒") }, "closed mark:\n\(list)")
        try tmux.send("Enter")
        try waitForReader(of: closed.title, in: tmux)
        try tmux.waitFor("[closed]")
        try tmux.send("G")
        let end = try tmux.waitFor("moderator closed the topic")
        XCTAssertTrue(
            end.split(separator: "\n").contains { $0.contains("#") && $0.contains("moderator closed the topic") },
            "one line:\n\(end)")
        try tmux.send("R")
        let refused = try tmux.waitFor("this topic is closed")
        XCTAssertFalse(refused.contains("C-x send"), "no composer opened:\n\(refused)")
    }

    func testStaffSeeADeletedReplyMarkedAndBadgesSurviveARefresh() throws {
        let topic = try XCTUnwrap(
            try latest(as: "moderator").first { candidate in
                guard candidate.plainTitle, candidate.postsCount <= 40 else { return false }
                let posts = try posts(of: candidate.id, as: "moderator")
                return posts.contains { $0["deleted_at"] is String }
            }, "a topic with a deleted reply")
        try sync(as: "moderator")
        let tmux = try startFora(as: "moderator")
        try open(topic.title, in: tmux)
        try tmux.send("G")
        try tmux.waitFor("[deleted]")
        try tmux.send("g")
        let before = try tmux.waitFor("#1 ")
        let badges = Self.badges(in: before)
        try tmux.send("r")
        try tmux.waitUntil("the refreshed topic with the same badges") { Self.badges(in: $0) == badges }
    }

    // MARK: 4. Reading reaches the site

    func testReadingMovesTheSitesReadingPositionAndTheTopicOpensWhereItWasLeft() throws {
        // A topic longer than the screen that alice has read the first three posts of (as the
        // site's web client would have told it).
        let topic = try XCTUnwrap(
            try latest(as: "alice").first { candidate in
                guard candidate.plainTitle, (20...40).contains(candidate.postsCount) else { return false }
                let view = try server.getJSON("/t/\(candidate.id).json", username: "alice") as? [String: Any]
                return view?["last_read_post_number"] == nil || view?["last_read_post_number"] is NSNull
            }, "a long topic alice never opened")
        try postTimings(topic: topic.id, posts: 1...3, as: "alice")
        let view = try XCTUnwrap(try server.getJSON("/t/\(topic.id).json", username: "alice") as? [String: Any])
        XCTAssertEqual(view["last_read_post_number"] as? Int, 3)
        let highest = try XCTUnwrap(view["highest_post_number"] as? Int)

        let tmux = try startFora(as: "alice")
        try open(topic.title, in: tmux)
        // It opens at the first unread post, not at the top.
        try tmux.waitUntil("post 4 first on screen") { Self.firstPostOnScreen($0) == 4 }
        try tmux.send("G")
        try tmux.waitFor("#\(highest) ")
        usleep(1_500_000)
        try tmux.send("k")
        usleep(500_000)
        try tmux.send("q")
        try tmux.waitFor(" · 1/")
        let read = try eventually("the site's reading position moved") { () -> Int? in
            let after = try server.getJSON("/t/\(topic.id).json", username: "alice") as? [String: Any]
            let number = after?["last_read_post_number"] as? Int ?? 0
            return number == highest ? number : nil
        }
        XCTAssertEqual(read, highest)
        // Opened again, a topic read to the end opens at its end.
        try tmux.send("Enter")
        try waitForReader(of: topic.title, in: tmux)
        let again = try tmux.waitFor("#\(highest) ")
        XCTAssertNotEqual(Self.firstPostOnScreen(again), 1, again)
    }

    func testOfflineTheUnreadPostsAreTheOnesTheSiteSaysAreUnread() throws {
        // A long topic of the synced list, of which the site says alice read the first three.
        let topic = try XCTUnwrap(
            try latest(as: "alice").prefix(30).first { candidate in
                guard candidate.plainTitle, (20...40).contains(candidate.postsCount) else { return false }
                let view = try server.getJSON("/t/\(candidate.id).json", username: "alice") as? [String: Any]
                return view?["last_read_post_number"] == nil || view?["last_read_post_number"] is NSNull
            }, "a long topic alice never opened")
        try postTimings(topic: topic.id, posts: 1...3, as: "alice")
        let syncResult = try Subprocess.run(
            [try Binaries.path("fora"), "sync", "--limit", "30"],
            environment: ProcessInfo.processInfo.environment.merging(environment(as: "alice")) { $1 },
            separateStderr: true, timeout: 120)
        XCTAssertEqual(syncResult.status, 0, syncResult.errorOutput)
        server.stop()

        let tmux = try startFora(as: "alice")
        try tmux.waitFor("offline")
        try open(topic.title, in: tmux)
        try tmux.waitUntil("post 4 first on screen") { Self.firstPostOnScreen($0) == 4 }
        try tmux.send("g")
        try tmux.waitUntil("post 1 first on screen") { Self.firstPostOnScreen($0) == 1 }
        try tmux.send("u")
        let screen = try tmux.waitUntil("the first unread post") { Self.firstPostOnScreen($0) == 4 }
        XCTAssertFalse(screen.contains("no unread posts below"), screen)
    }

    /// The number of the first post header below the title row.
    private static func firstPostOnScreen(_ screen: String) -> Int? {
        for line in screen.split(separator: "\n").dropFirst() where line.hasPrefix("#") {
            return Int(line.dropFirst().prefix { $0.isNumber })
        }
        return nil
    }

    /// Tells the site `username` read `posts` of `topic`, as its web client does.
    private func postTimings(topic: Int, posts: ClosedRange<Int>, as username: String) throws {
        let form = ["topic_id=\(topic)", "topic_time=3000"] + posts.map { "timings%5B\($0)%5D=1000" }
        let result = try Subprocess.run(
            [
                "curl", "-sS", "--fail-with-body", "--max-time", "20", "-H", "Api-Key: fora-demo-all-users-key",
                "-H", "Api-Username: \(username)", "--data", form.joined(separator: "&"),
                server.baseURL + "/topics/timings",
            ], separateStderr: true, timeout: 30)
        XCTAssertEqual(result.status, 0, result.errorOutput)
    }

    // MARK: 6. Own writes appear

    func testAReplyInASyncedTopicAppearsWithoutRefreshing() throws {
        let topic = try XCTUnwrap(
            try latest(as: "alice").first {
                !$0.closed && !$0.archived && $0.plainTitle && (2...10).contains($0.postsCount)
            })
        try sync(as: "alice")
        let tmux = try startFora(as: "alice")
        try open(topic.title, in: tmux)
        try tmux.send("R")
        try tmux.waitFor("Reply to the topic · ")
        let marker = "Seen at once \(UUID().uuidString.prefix(8))"
        try tmux.send("-l", marker + " thanks.")
        try tmux.waitFor(marker)
        try tmux.send("C-x")
        try tmux.waitUntil("the composer to close", timeout: 60) { !$0.contains("C-x send") }
        let screen = try tmux.waitFor(marker, timeout: 30)
        XCTAssertFalse(screen.contains("C-x send"), screen)
        XCTAssertTrue(
            try posts(of: topic.id, as: "alice").contains { ($0["cooked"] as? String)?.contains(marker) == true })
    }

    func testAReplyToAPrivateMessageAppearsWithoutRefreshing() throws {
        let tmux = try startFora(as: "alice")
        try tmux.waitFor(" · 1/")
        try tmux.send("P")
        try tmux.waitFor("Beta access for the new CLI")
        try tmux.send(":filter Beta access", "Enter")
        try tmux.waitFor("filter \"Beta access\"")
        try tmux.waitFor(" · 1/")
        try tmux.send("Enter")
        try tmux.waitForReader(of: "Beta access for the new CLI")
        try tmux.waitFor("[message]")
        try tmux.send("R")
        try tmux.waitFor("Reply to the topic · ")
        let marker = "Message seen at once \(UUID().uuidString.prefix(8))"
        try tmux.send("-l", marker)
        try tmux.waitFor(marker)
        try tmux.send("C-x")
        try tmux.waitUntil("the composer to close", timeout: 60) { !$0.contains("C-x send") }
        let screen = try tmux.waitFor(marker, timeout: 30)
        XCTAssertTrue(screen.split(separator: "\n").first?.hasPrefix("Beta access") == true, screen)
    }

    // MARK: Helpers

    private struct Listed {
        var id: Int
        var title: String
        var postsCount: Int
        var solved: Bool
        var closed: Bool
        var archived: Bool
        var plainTitle: Bool { title.allSatisfy(\.isASCII) && !title.contains("\"") }
    }

    private func latest(as username: String) throws -> [Listed] {
        var found: [Listed] = []
        for page in 0..<2 {
            let json = try server.getJSON("/latest.json?page=\(page)", username: username) as? [String: Any]
            let topics = (json?["topic_list"] as? [String: Any])?["topics"] as? [[String: Any]] ?? []
            found += topics.compactMap { topic in
                guard let id = topic["id"] as? Int, let title = topic["title"] as? String,
                    topic["pinned"] as? Bool != true
                else { return nil }
                return Listed(
                    id: id, title: title, postsCount: topic["posts_count"] as? Int ?? 0,
                    solved: topic["has_accepted_answer"] as? Bool ?? false, closed: topic["closed"] as? Bool ?? false,
                    archived: topic["archived"] as? Bool ?? false)
            }
        }
        return found
    }

    private func posts(of topicID: Int, as username: String) throws -> [[String: Any]] {
        let json = try server.getJSON("/t/\(topicID).json", username: username) as? [String: Any]
        return (json?["post_stream"] as? [String: Any])?["posts"] as? [[String: Any]] ?? []
    }

    /// " moderator ", " admin ", "TL2": the badges on screen, in order.
    private static func badges(in screen: String) -> [String] {
        screen.split(separator: "\n").filter { $0.hasPrefix("#") }.compactMap { line in
            [" admin ", " moderator ", " staff ", " TL0", " TL1", " TL2", " TL3", " TL4"].first { line.contains($0) }
        }
    }

    private func environment(as username: String) -> [String: String] {
        [
            "FORA_SITE": server.baseURL, "FORA_API_KEY": "fora-demo-all-users-key", "FORA_API_USERNAME": username,
            "XDG_CONFIG_HOME": scratch.appendingPathComponent("config-\(username)").path,
            "XDG_DATA_HOME": scratch.appendingPathComponent("data-\(username)").path,
            "XDG_STATE_HOME": scratch.appendingPathComponent("state-\(username)").path,
        ]
    }

    private func sync(as username: String) throws {
        let result = try Subprocess.run(
            [try Binaries.path("fora"), "sync", "--limit", "60"],
            environment: ProcessInfo.processInfo.environment.merging(environment(as: username)) { $1 },
            separateStderr: true, timeout: 120)
        XCTAssertEqual(result.status, 0, result.errorOutput)
    }

    private func startFora(as username: String) throws -> TmuxSession {
        let tmux = try TmuxSession(
            command: [try Binaries.path("fora")], width: 120, height: 40, environment: environment(as: username))
        sessions.append(tmux)
        return tmux
    }

    private func open(_ title: String, in tmux: TmuxSession) throws { try tmux.openTopic(title) }

    private func waitForReader(of title: String, in tmux: TmuxSession) throws { try tmux.waitForReader(of: title) }
}
