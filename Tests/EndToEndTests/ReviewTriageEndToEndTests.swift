import Foundation
import XCTest

/// The issue's triage run in the real `fora` binary, in tmux, against the real demo server, as
/// `moderator`, with the keyboard only: ten flagged posts, four one by one (both action styles,
/// the 2025 ones needing a post action and a user action) and six in two bulk actions. In the
/// middle a second moderator (`mod2`, through the API) handles one of the marked items: fora
/// explains it on screen and acts on nothing twice. Afterwards the server's state, read
/// through its API, is what was chosen, and the eleventh flag is untouched.
final class ReviewTriageEndToEndTests: XCTestCase {
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

    private func reviewable(_ id: Int, _ server: DemoServerProcess) throws -> [String: Any] {
        let json = try XCTUnwrap(try server.getJSON("/review/\(id).json", username: "moderator") as? [String: Any])
        return try XCTUnwrap(json["reviewable"] as? [String: Any])
    }

    /// The flagged posts in the order the screen shows them (score, as the server sorts).
    private func flagged(_ server: DemoServerProcess) throws -> [[String: Any]] {
        var items: [[String: Any]] = []
        for offset in [0, 10] {
            let path = "/review.json?status=pending&sort_order=score&type=ReviewableFlaggedPost&offset=\(offset)"
            let json = try XCTUnwrap(try server.getJSON(path, username: "moderator") as? [String: Any])
            items += json["reviewables"] as? [[String: Any]] ?? []
        }
        return items
    }

    /// The key the screen gives `actionID` on the selected item, read from the `?` screen.
    private func key(for actionID: String, in tmux: TmuxSession) throws -> String {
        try tmux.send("?")
        let help = try tmux.waitFor("Actions of review item")
        try tmux.send("q")
        try tmux.waitFor("Review queue · ")
        for line in help.split(separator: "\n") {
            let words = line.split(separator: " ")
            if words.count >= 2, words[1] == Substring(actionID), words[0].count == 1 { return String(words[0]) }
        }
        XCTFail("no key for \(actionID) in the help:\n\(help)")
        return "~"
    }

    /// Checks through the detail view (Enter, then q) that the selected item is `id`.
    private func expectSelected(_ id: Int, in tmux: TmuxSession) throws {
        try tmux.send("Enter")
        try tmux.waitFor("Review item #\(id)")
        try tmux.send("q")
        try tmux.waitFor("Review queue · ")
    }

    /// Waits for the queue's header to count `count` items.
    private func waitForCount(_ count: Int, in tmux: TmuxSession) throws {
        try tmux.waitFor("by score · \(count) item" + (count == 1 ? "\n" : "s"))
    }

    private func act(_ actionID: String, in tmux: TmuxSession) throws {
        try tmux.send(try key(for: actionID, in: tmux))
    }

    func testAModeratorTriagesTenFlaggedPostsWithTheKeyboardOnly() throws {
        let server = try DemoServerProcess()
        self.server = server
        let items = try flagged(server)
        XCTAssertEqual(items.count, 11, "the demo has eleven flagged posts")
        let ids = items.compactMap { $0["id"] as? Int }
        let legacy = Set(
            items.filter { ($0["bundled_action_ids"] as? [String] ?? []).contains("disagree") }.compactMap {
                $0["id"] as? Int
            })
        // The order the plan below relies on: legacy, 2025, legacy, 2025, then the rest.
        XCTAssertEqual(ids.prefix(4).map { legacy.contains($0) }, [true, false, true, false], "\(ids)")
        let rest = Array(ids.dropFirst(4).prefix(6))
        let bulkLegacy = rest.filter { legacy.contains($0) }
        let bulkRefreshed = rest.filter { !legacy.contains($0) }
        XCTAssertEqual(bulkLegacy.count, 4, "\(rest)")
        XCTAssertEqual(bulkRefreshed.count, 2, "\(rest)")
        let untouched = ids[10]

        // No polling: the screen must meet the second moderator's action only when it acts.
        let configName = "fora-e2e-triage-config"
        let directory = NSTemporaryDirectory() + configName + "/fora"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // The conflict below needs a stale screen: neither the queue's polling nor live updates
        // may reload it after the second moderator acts (live reloads have their own tests).
        try Data("[review]\npoll = 0\n[tui]\nlive = false\n".utf8).write(
            to: URL(fileURLWithPath: directory + "/config.toml"))
        let tmux = try TmuxSession(
            command: [try Binaries.path("fora")], width: 140, height: 40,
            environment: [
                "FORA_SITE": server.baseURL, "FORA_API_KEY": "fora-demo-all-users-key",
                "FORA_API_USERNAME": "moderator",
                "XDG_CONFIG_HOME": NSTemporaryDirectory() + configName,
                "XDG_DATA_HOME": NSTemporaryDirectory() + "fora-e2e-triage-data",
                "XDG_STATE_HOME": NSTemporaryDirectory() + "fora-e2e-triage-state",
            ])
        // The status bar counts the queue once fora knows who is looking.
        try tmux.waitFor("14 to review")
        try tmux.send("M")
        try tmux.waitFor("Review queue · pending · by score")
        try tmux.send("T")
        try tmux.waitFor("type Flagged post")
        try waitForCount(11, in: tmux)

        // One by one: disagree with the top legacy flag.
        try expectSelected(ids[0], in: tmux)
        try act("disagree", in: tmux)
        try tmux.waitFor("Disagree on post #")
        try tmux.send("y")
        try waitForCount(10, in: tmux)
        // A 2025 item needs a post action and a user action.
        try expectSelected(ids[1], in: tmux)
        try act("no_action_post", in: tmux)
        try tmux.waitFor(": no action done; it needs one more action")
        try act("no_action_user", in: tmux)
        try waitForCount(9, in: tmux)
        try expectSelected(ids[2], in: tmux)
        try act("agree_and_keep", in: tmux)
        try waitForCount(8, in: tmux)
        try expectSelected(ids[3], in: tmux)
        try act("hide_post", in: tmux)
        try tmux.waitFor(": hide post done; it needs one more action")
        try act("no_action_user", in: tmux)
        try waitForCount(7, in: tmux)

        // A second moderator handles one of the items about to be marked.
        let taken = bulkLegacy[1]
        let version = try XCTUnwrap(try reviewable(taken, server)["version"] as? Int)
        let result = try Subprocess.run(
            [
                "curl", "-sS", "--fail-with-body", "--max-time", "20", "-X", "PUT", "-H",
                "Api-Key: fora-demo-all-users-key", "-H", "Api-Username: mod2",
                server.baseURL + "/review/\(taken)/perform/agree_and_keep.json?version=\(version)",
            ], separateStderr: true, timeout: 30)
        XCTAssertTrue(result.output.contains("\"success\":true"), result.output)

        // Bulk: mark the four legacy flags (the screen still shows the taken one), ignore them all.
        try tmux.send("g")
        let order = rest
        for id in order {
            if bulkLegacy.contains(id) { try tmux.send("x") } else { try tmux.send("j") }
        }
        try tmux.waitFor("4 marked")
        try tmux.send("g")
        try expectSelected(order[0], in: tmux)
        try act("ignore_and_do_nothing", in: tmux)
        try tmux.waitFor("Do Nothing on 4 marked items?")
        try tmux.send("y")
        try tmux.waitFor("conflict: @mod2 already approved post #")
        try waitForCount(3, in: tmux)

        // Bulk: the two 2025 flags, a post action then a user action on both.
        try tmux.send("g", "x", "x")
        try tmux.waitFor("2 marked")
        try tmux.send("g")
        try act("no_action_post", in: tmux)
        try tmux.waitFor("No action on 2 marked items?")
        try tmux.send("y")
        try tmux.waitFor("it needs one more action")
        try tmux.send("g", "x", "x")
        try tmux.waitFor("2 marked")
        try tmux.send("g")
        try act("no_action_user", in: tmux)
        try tmux.waitFor("No action on 2 marked items?")
        try tmux.send("y")
        try waitForCount(1, in: tmux)
        try expectSelected(untouched, in: tmux)

        // The server's state, read through its API, is what was chosen.
        let rejected = 2
        let approved = 1
        let ignored = 3
        let pending = 0
        var expected: [Int: Int] = [
            ids[0]: rejected, ids[1]: ignored, ids[2]: approved, ids[3]: approved, taken: approved,
            untouched: pending,
        ]
        for id in bulkLegacy where id != taken { expected[id] = ignored }
        for id in bulkRefreshed { expected[id] = ignored }
        XCTAssertEqual(expected.count, 11)
        for (id, status) in expected {
            XCTAssertEqual(try reviewable(id, server)["status"] as? Int, status, "#\(id)")
        }
        let mod2 = try XCTUnwrap(try server.getJSON("/u/mod2.json", username: "moderator") as? [String: Any])
        let mod2ID = (mod2["user"] as? [String: Any])?["id"] as? Int
        XCTAssertEqual(try reviewable(taken, server)["reviewed_by_id"] as? Int, mod2ID, "mod2's, not done twice")
        let hiddenPostID = try XCTUnwrap(try reviewable(ids[3], server)["target_id"] as? Int)
        let post = try XCTUnwrap(
            try server.getJSON("/posts/\(hiddenPostID).json", username: "moderator") as? [String: Any])
        XCTAssertEqual(post["hidden"] as? Bool, true, "hide post hid it")
        try tmux.send("Q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }

    /// Enter shows the score's explanation; `agree_and_edit` hands the post to `$EDITOR` (a
    /// script here), saves the edit, then agrees; the server has both.
    func testTheDetailExplainsTheScoreAndAgreeAndEditGoesThroughTheEditor() throws {
        let server = try DemoServerProcess()
        self.server = server
        let items = try flagged(server)
        let legacy = try XCTUnwrap(
            items.first { ($0["bundled_action_ids"] as? [String] ?? []).contains("disagree") })
        let id = try XCTUnwrap(legacy["id"] as? Int)
        let editor = NSTemporaryDirectory() + "fora-e2e-editor.sh"
        try Data("#!/bin/sh\nprintf 'Edited by the moderator: the link is gone.\\n' > \"$1\"\n".utf8)
            .write(to: URL(fileURLWithPath: editor))
        XCTAssertEqual(chmod(editor, 0o755), 0)
        let tmux = try TmuxSession(
            command: [try Binaries.path("fora")], width: 140, height: 40,
            environment: [
                "FORA_SITE": server.baseURL, "FORA_API_KEY": "fora-demo-all-users-key",
                "FORA_API_USERNAME": "moderator", "EDITOR": editor, "VISUAL": editor,
                "XDG_CONFIG_HOME": NSTemporaryDirectory() + "fora-e2e-edit-config",
                "XDG_DATA_HOME": NSTemporaryDirectory() + "fora-e2e-edit-data",
                "XDG_STATE_HOME": NSTemporaryDirectory() + "fora-e2e-edit-state",
            ])
        try tmux.waitFor("14 to review")
        try tmux.send("M")
        try tmux.waitFor("Review queue · pending · by score")
        try tmux.send("T")
        try waitForCount(11, in: tmux)
        try tmux.send("Enter")
        try tmux.waitFor("Review item #\(id)")
        let detail = try tmux.waitFor(" explained")
        XCTAssertTrue(detail.contains("type bonus"), detail)
        XCTAssertTrue(detail.contains("their flags: "), detail)
        try tmux.send("q")
        try tmux.waitFor("Review queue · ")
        try act("agree_and_edit", in: tmux)
        try tmux.waitFor(": edit post done")
        try waitForCount(10, in: tmux)

        let reviewable = try self.reviewable(id, server)
        XCTAssertEqual(reviewable["status"] as? Int, 1, "agreed")
        let postID = try XCTUnwrap(reviewable["target_id"] as? Int)
        let post = try XCTUnwrap(try server.getJSON("/posts/\(postID).json", username: "moderator") as? [String: Any])
        XCTAssertEqual(post["raw"] as? String, "Edited by the moderator: the link is gone.")
        try tmux.send("Q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }
}
