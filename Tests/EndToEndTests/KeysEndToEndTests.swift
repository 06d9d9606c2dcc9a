import Foundation
import XCTest

/// Keys that never surprise, in the real `fora` binary in tmux against the real demo server,
/// each test a user's sequence of keys followed by the server's state read back through its
/// API: nothing happened that was not confirmed, and what was confirmed happened to the item
/// or post the screen named.
final class KeysEndToEndTests: XCTestCase {
    private var server: DemoServerProcess?

    override func setUp() {
        super.setUp()
        continueAfterFailure = false
    }

    override func tearDown() {
        server?.stop()
        server = nil
        super.tearDown()
    }

    // MARK: Helpers

    private func startFora(
        _ server: DemoServerProcess, as username: String, name: String, width: Int = 140, height: Int = 40
    ) throws -> TmuxSession {
        let base = NSTemporaryDirectory() + "fora-e2e-keys-\(name)-\(getpid())"
        try FileManager.default.createDirectory(atPath: base + "/config/fora", withIntermediateDirectories: true)
        // No polling and no live updates: the screen meets another moderator's work only when
        // it acts, which is the case under test.
        try Data("[review]\npoll = 0\n[tui]\nlive = false\n".utf8).write(
            to: URL(fileURLWithPath: base + "/config/fora/config.toml"))
        return try TmuxSession(
            command: [try Binaries.path("fora")], width: width, height: height,
            environment: [
                "FORA_SITE": server.baseURL, "FORA_API_KEY": "fora-demo-all-users-key",
                "FORA_API_USERNAME": username, "XDG_CONFIG_HOME": base + "/config",
                "XDG_DATA_HOME": base + "/data", "XDG_STATE_HOME": base + "/state",
            ])
    }

    private func reviewable(_ id: Int, _ server: DemoServerProcess) throws -> [String: Any] {
        let json = try XCTUnwrap(try server.getJSON("/review/\(id).json", username: "moderator") as? [String: Any])
        return try XCTUnwrap(json["reviewable"] as? [String: Any])
    }

    private func status(_ id: Int, _ server: DemoServerProcess) throws -> Int? {
        try reviewable(id, server)["status"] as? Int
    }

    /// The flagged posts in the order the screen shows them.
    private func flagged(_ server: DemoServerProcess) throws -> [[String: Any]] {
        var items: [[String: Any]] = []
        for offset in [0, 10] {
            let path = "/review.json?status=pending&sort_order=score&type=ReviewableFlaggedPost&offset=\(offset)"
            let json = try XCTUnwrap(try server.getJSON(path, username: "moderator") as? [String: Any])
            items += json["reviewables"] as? [[String: Any]] ?? []
        }
        return items
    }

    private func expectSelected(_ id: Int, in tmux: TmuxSession) throws {
        try tmux.send("Enter")
        try tmux.waitFor("Review item #\(id)")
        try tmux.send("q")
        try tmux.waitFor("Review queue · ")
    }

    private func waitForCount(_ count: Int, in tmux: TmuxSession) throws {
        try tmux.waitFor("by score · \(count) item" + (count == 1 ? "\n" : "s"))
    }

    /// A moment for a key that must do nothing to have done it, if it were going to.
    private func settle() { usleep(700_000) }

    // MARK: Review queue

    /// Digits are counts (`1N` and `2j` never act), keys are fixed by action type (`y`
    /// approve is refused on a flagged post, with what it offers), `N` disagree asks first and
    /// names the post and its author, any other key cancels it, and another moderator's action
    /// is reported as a conflict naming who did what. The server's state is read back after
    /// each step.
    func testReviewKeysNeverActUnconfirmedAndConflictsNameWhoActed() throws {
        let server = try DemoServerProcess()
        self.server = server
        let items = try flagged(server)
        XCTAssertEqual(items.count, 11)
        let ids = items.compactMap { $0["id"] as? Int }
        let legacy = Set(
            items.filter { ($0["bundled_action_ids"] as? [String] ?? []).contains("disagree") }.compactMap {
                $0["id"] as? Int
            })
        XCTAssertTrue(legacy.contains(ids[0]) && legacy.contains(ids[2]), "\(ids) \(legacy)")

        let tmux = try startFora(server, as: "moderator", name: "review")
        try tmux.waitFor("14 to review")
        try tmux.send("M")
        try tmux.waitFor("Review queue · pending · by score")
        try tmux.send("T")
        try tmux.waitFor("type Flagged post")
        try waitForCount(11, in: tmux)
        // Each row shows its item's keys, the same letters for the same actions on every item.
        try tmux.waitFor(" · keys h a e D R")

        // `1` then `N` (disagree): a count before an action key is refused; nothing is sent.
        try tmux.send("1")
        try tmux.send("N")
        try tmux.waitFor("a count (1) does not apply to that key: nothing done")
        settle()
        XCTAssertEqual(try status(ids[0], server), 0, "still pending: digits never act")

        // `2j` moves two items and nothing else.
        try tmux.send("2", "j")
        try expectSelected(ids[2], in: tmux)
        for id in ids { XCTAssertEqual(try status(id, server), 0, "#\(id) untouched by 2j") }

        // `y` (approve) is not offered on a flagged post: refused with what it offers.
        try tmux.send("y")
        try tmux.waitFor("is not offered on post #")
        XCTAssertEqual(try status(ids[2], server), 0)

        // `N` asks first, names the post and its author and what cannot be undone; `j` cancels.
        try tmux.send("N")
        let confirm = try tmux.waitFor("Disagree on post #")
        XCTAssertTrue(confirm.contains("Cannot be undone"), confirm)
        XCTAssertTrue(confirm.contains(" by @"), confirm)
        try tmux.send("j")
        try tmux.waitFor("cancelled: nothing done")
        settle()
        XCTAssertEqual(try status(ids[2], server), 0, "a cancelled confirmation did nothing")
        try expectSelected(ids[2], in: tmux)

        // Confirmed with `y`: that item, and only it, is rejected.
        try tmux.send("N")
        try tmux.waitFor("Disagree on post #")
        try tmux.send("y")
        try waitForCount(10, in: tmux)
        XCTAssertEqual(try status(ids[2], server), 2, "disagreed: rejected")
        XCTAssertEqual(try status(ids[0], server), 0)
        XCTAssertEqual(try status(ids[1], server), 0)

        // Another moderator keeps the first item; this screen has not seen it and acts: the
        // report is a conflict naming who did what, and nothing is done twice.
        let version = try XCTUnwrap(try reviewable(ids[0], server)["version"] as? Int)
        let result = try Subprocess.run(
            [
                "curl", "-sS", "--fail-with-body", "--max-time", "20", "-X", "PUT", "-H",
                "Api-Key: fora-demo-all-users-key", "-H", "Api-Username: mod2",
                server.baseURL + "/review/\(ids[0])/perform/agree_and_keep.json?version=\(version)",
            ], separateStderr: true, timeout: 30)
        XCTAssertTrue(result.output.contains("\"success\":true"), result.output)
        try tmux.send("g")
        try expectSelected(ids[0], in: tmux)
        try tmux.send("h")
        let conflict = try tmux.waitFor("conflict: @mod2 already approved post #")
        XCTAssertFalse(conflict.contains("not allowed"), conflict)
        XCTAssertTrue(
            conflict.contains(":dismiss-error"), "x marks here, so the bar names what dismisses:\n\(conflict)")
        let mod2 = try XCTUnwrap(try server.getJSON("/u/mod2.json", username: "moderator") as? [String: Any])
        XCTAssertEqual(
            try reviewable(ids[0], server)["reviewed_by_id"] as? Int, (mod2["user"] as? [String: Any])?["id"] as? Int)
        let post = try XCTUnwrap(try reviewable(ids[0], server)["target_id"] as? Int)
        let postJSON = try XCTUnwrap(try server.getJSON("/posts/\(post).json", username: "moderator") as? [String: Any])
        XCTAssertEqual(postJSON["hidden"] as? Bool, false, "the post was kept, not hidden by the late `h`")

        // `o` opens the flagged post focused, and the reader over the queue moderates it: `H`
        // asks about that post (by number and author), `n` cancels, nothing is hidden.
        // The bar's hint is true: `:dismiss-error` clears the conflict (here x marks).
        try tmux.send(":dismiss-error", "Enter")
        try tmux.waitUntil("the conflict dismissed") { !$0.contains("conflict: @mod2") }
        try tmux.send("g")
        try expectSelected(ids[1], in: tmux)
        let flaggedPost = try XCTUnwrap(try reviewable(ids[1], server)["target_id"] as? Int)
        let flaggedJSON = try XCTUnwrap(
            try server.getJSON("/posts/\(flaggedPost).json", username: "moderator") as? [String: Any])
        let number = try XCTUnwrap(flaggedJSON["post_number"] as? Int)
        let author = try XCTUnwrap(flaggedJSON["username"] as? String)
        try tmux.send("o")
        try tmux.waitFor("post \(number) (")
        try tmux.send("H")
        try tmux.waitFor("Hide post #\(number) by @\(author)?")
        try tmux.send("n")
        try tmux.waitFor("cancelled: nothing done")
        settle()
        let after = try XCTUnwrap(
            try server.getJSON("/posts/\(flaggedPost).json", username: "moderator") as? [String: Any])
        XCTAssertEqual(after["hidden"] as? Bool, false)
        try tmux.send("Q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }

    // MARK: Reader

    /// A topic with at least seven posts whose second post is not the moderator's.
    private func topicWithSevenPosts(_ server: DemoServerProcess) throws -> (id: Int, posts: [[String: Any]]) {
        let latest = try XCTUnwrap(server.getJSON("/latest.json", username: "moderator") as? [String: Any])
        let topics = try XCTUnwrap((latest["topic_list"] as? [String: Any])?["topics"] as? [[String: Any]])
        for topic in topics {
            guard let id = topic["id"] as? Int, (topic["posts_count"] as? Int ?? 0) >= 7,
                topic["closed"] as? Bool != true
            else { continue }
            let json = try XCTUnwrap(server.getJSON("/t/\(id).json", username: "moderator") as? [String: Any])
            let posts = try XCTUnwrap((json["post_stream"] as? [String: Any])?["posts"] as? [[String: Any]])
            guard posts.count >= 7, posts.prefix(7).allSatisfy({ $0["hidden"] as? Bool != true }),
                posts[1]["username"] as? String != "moderator"
            else { continue }
            return (id, posts)
        }
        throw XCTSkip("the demo has no open topic with seven visible posts")
    }

    private func post(_ id: Int, _ server: DemoServerProcess) throws -> [String: Any] {
        try XCTUnwrap(try server.getJSON("/posts/\(id).json", username: "moderator") as? [String: Any])
    }

    /// The like count the site reports (Discourse leaves `count` out when it is zero).
    private func likeCount(_ post: [String: Any]) -> Int {
        let summary = post["actions_summary"] as? [[String: Any]] ?? []
        return summary.first { $0["id"] as? Int == 2 }?["count"] as? Int ?? 0
    }

    private func liked(_ post: [String: Any]) -> Bool {
        let summary = post["actions_summary"] as? [[String: Any]] ?? []
        return summary.first { $0["id"] as? Int == 2 }?["acted"] as? Bool ?? false
    }

    /// `7H` hides post 7 (not the question) and only after a confirmation naming #7 and its
    /// author; `2G` then `l` likes post 2; a second `l` unlikes it; `:outbox` shows both; `G` focuses the last post.
    func testCountsAndTheFocusedPostNameThePostAnActionTargets() throws {
        let server = try DemoServerProcess()
        self.server = server
        let (topicID, posts) = try topicWithSevenPosts(server)
        let ids = posts.compactMap { $0["id"] as? Int }
        let seventhAuthor = try XCTUnwrap(posts[6]["username"] as? String)

        let tmux = try startFora(server, as: "moderator", name: "reader")
        try tmux.waitFor(" · 1/")
        try tmux.send(":read \(topicID)", "Enter")
        try tmux.waitFor("#1 ")
        try tmux.waitFor("post 1 (1/")

        // `7H`: the confirmation names post 7 and its author; `n` cancels and nothing is hidden.
        try tmux.send("7", "H")
        try tmux.waitFor("Hide post #7 by @\(seventhAuthor)?")
        try tmux.send("n")
        try tmux.waitFor("cancelled: nothing done")
        settle()
        XCTAssertEqual(try post(ids[6], server)["hidden"] as? Bool, false)
        XCTAssertEqual(try post(ids[0], server)["hidden"] as? Bool, false)

        // `:hide 7` uses its argument; `y` confirms: #7 is hidden, #1 is not.
        try tmux.send(":hide 7", "Enter")
        try tmux.waitFor("Hide post #7 by @\(seventhAuthor)?")
        try tmux.send("y")
        try tmux.waitFor("hide #7: done")
        XCTAssertEqual(try post(ids[6], server)["hidden"] as? Bool, true, "post 7 hidden")
        XCTAssertEqual(try post(ids[0], server)["hidden"] as? Bool, false, "the question untouched")

        // `2G` focuses post 2 (the status bar says so) and `l` likes that post.
        try tmux.send("2", "G")
        try tmux.waitFor("post 2 (2/")
        let likesBefore = likeCount(try post(ids[1], server))
        try tmux.send("l")
        try tmux.waitFor("liked post #2")
        XCTAssertTrue(liked(try post(ids[1], server)), "post 2 liked")
        XCTAssertEqual(likeCount(try post(ids[1], server)), likesBefore + 1)
        XCTAssertFalse(liked(try post(ids[0], server)), "post 1 not liked")
        // A second `l` on the same post takes the like back, through the outbox.
        try tmux.send("l")
        try tmux.waitFor("unliked post #2")
        XCTAssertFalse(liked(try post(ids[1], server)), "post 2 no longer liked")
        XCTAssertEqual(likeCount(try post(ids[1], server)), likesBefore)
        XCTAssertFalse(try tmux.capture().contains("failed to send"))
        // `:outbox` lists both writes as sent; q comes back to the reader.
        try tmux.send(":outbox", "Enter")
        try tmux.waitFor("Outbox: ")
        try tmux.waitFor("unlike  post \(ids[1])  sent")
        XCTAssertTrue(try tmux.capture().contains("like  post \(ids[1])  sent"))
        try tmux.send("q")
        try tmux.waitFor("post 2 (2/")

        // `j` moves the focus one post; `G` focuses the last post of the topic.
        try tmux.send("j")
        try tmux.waitFor("post 3 (3/")
        try tmux.send("G")
        try tmux.waitFor("post \(posts.count) (\(posts.count)/\(posts.count))")
        try tmux.send("Q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }

    // MARK: Lists

    /// A new list starts at its first row; an unknown category changes nothing and says so;
    /// a unique prefix opens the category; keys do nothing while "Terminal too small" shows.
    func testListsStartAtTheTopAndBadCategoriesChangeNothing() throws {
        let server = try DemoServerProcess()
        self.server = server
        let categories = try XCTUnwrap(server.getJSON("/categories.json", username: "alice") as? [String: Any])
        let list = try XCTUnwrap((categories["category_list"] as? [String: Any])?["categories"] as? [[String: Any]])
        let slugs = list.compactMap { $0["slug"] as? String }
        let unique = try XCTUnwrap(
            slugs.lazy.compactMap { slug -> (String, String)? in
                for length in 3..<max(4, slug.count) {
                    let prefix = String(slug.prefix(length))
                    if slugs.filter({ $0.hasPrefix(prefix) }).count == 1 { return (prefix, slug) }
                }
                return nil
            }.first)

        let tmux = try startFora(server, as: "alice", name: "lists", width: 120, height: 40)
        try tmux.waitFor(" · 1/")
        try tmux.send("5", "j")
        try tmux.waitFor(" · 6/")
        try tmux.send(":top", "Enter")
        try tmux.waitFor("Top this month · ")
        try tmux.waitFor(" · 1/")

        try tmux.send(":category billnonesuch", "Enter")
        let refused = try tmux.waitFor("no category \"billnonesuch\"")
        XCTAssertTrue(refused.contains("Top this month · "), "title unchanged:\n\(refused)")

        try tmux.send(":category \(unique.0)", "Enter")
        try tmux.waitFor("Category: \(unique.1)")
        let opened = try tmux.waitFor(" · 1/")
        XCTAssertFalse(opened.contains("no category"), "the earlier error is gone:\n\(opened)")

        // Too small: Enter would open a topic, but nothing acts while the warning shows.
        try tmux.resize(width: 30, height: 8)
        try tmux.waitFor("Terminal too small")
        try tmux.send("Enter")
        settle()
        try tmux.resize(width: 120, height: 40)
        try tmux.waitFor("Category: \(unique.1)")
        settle()
        XCTAssertFalse(try tmux.capture().contains("#1 "), "no topic was opened while the terminal was too small")
        try tmux.send("Q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }
}
