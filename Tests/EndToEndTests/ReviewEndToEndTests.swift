import Foundation
import XCTest

/// The review queue in the real `fora` binary, in tmux, against the real demo server, as
/// `moderator`: open the queue from the topic list, act on the top item and see it leave the
/// queue (and the server agree), then meet a conflict made by a second moderator in the middle
/// (explained and refreshed, nothing done twice) and act again on the fresh item.
final class ReviewEndToEndTests: XCTestCase {
    private var server: DemoServerProcess?

    override func tearDown() {
        server?.stop()
        server = nil
        super.tearDown()
    }

    private func startFora(_ server: DemoServerProcess, config: String = "fora-e2e-review-config") throws
        -> TmuxSession
    {
        try TmuxSession(
            command: [try Binaries.path("fora")], width: 140, height: 40,
            environment: [
                "FORA_SITE": server.baseURL, "FORA_API_KEY": "fora-demo-all-users-key",
                "FORA_API_USERNAME": "moderator",
                "XDG_CONFIG_HOME": NSTemporaryDirectory() + config,
                "XDG_DATA_HOME": NSTemporaryDirectory() + "fora-e2e-data",
                "XDG_STATE_HOME": NSTemporaryDirectory() + "fora-e2e-state",
            ])
    }

    private func queue(_ server: DemoServerProcess) throws -> (items: [[String: Any]], total: Int) {
        let json = try XCTUnwrap(try server.getJSON("/review.json", username: "moderator") as? [String: Any])
        let meta = try XCTUnwrap(json["meta"] as? [String: Any])
        return (try XCTUnwrap(json["reviewables"] as? [[String: Any]]), meta["total_rows_reviewables"] as? Int ?? 0)
    }

    private func reviewable(_ id: Int, _ server: DemoServerProcess) throws -> [String: Any] {
        let json = try XCTUnwrap(try server.getJSON("/review/\(id).json", username: "moderator") as? [String: Any])
        return try XCTUnwrap(json["reviewable"] as? [String: Any])
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

    /// Performs an action as another moderator, through curl.
    private func perform(_ action: String, on id: Int, version: Int, as user: String, _ server: DemoServerProcess)
        throws
    {
        let result = try Subprocess.run(
            [
                "curl", "-sS", "--fail-with-body", "--max-time", "20", "-X", "PUT", "-H",
                "Api-Key: fora-demo-all-users-key", "-H", "Api-Username: \(user)",
                server.baseURL + "/review/\(id)/perform/\(action).json?version=\(version)",
            ], separateStderr: true, timeout: 30)
        XCTAssertTrue(result.output.contains("\"success\":true"), result.output)
    }

    func testModeratorActsAndMeetsAConflictFromASecondModerator() throws {
        let server = try DemoServerProcess()
        self.server = server
        let (items, total) = try queue(server)
        XCTAssertGreaterThanOrEqual(total, 10, "the demo has at least ten flags")
        let first = try XCTUnwrap(items.first)
        let second = items[1]
        let firstID = try XCTUnwrap(first["id"] as? Int)
        let secondID = try XCTUnwrap(second["id"] as? Int)
        let firstActions = first["bundled_action_ids"] as? [String] ?? []
        let secondActions = second["bundled_action_ids"] as? [String] ?? []
        XCTAssertTrue(firstActions.contains("disagree"), "the top flag is in the legacy style: \(firstActions)")
        XCTAssertTrue(secondActions.contains { $0.hasSuffix("-user-actions") }, "the next one in the 2025 style")

        let tmux = try startFora(server)
        try tmux.waitFor("\(total) to review")
        try tmux.send("M")
        try tmux.waitFor("Review queue · pending · by score · \(total) items")

        // One action: the item leaves at once and the server agrees.
        try tmux.send(try key(for: "disagree", in: tmux))
        try tmux.waitFor("Disagree on post #")
        try tmux.send("y")
        try tmux.waitFor("\(total - 1) items")
        try tmux.waitFor(": disagree done")
        XCTAssertFalse(try queue(server).items.contains { $0["id"] as? Int == firstID })
        XCTAssertEqual(try reviewable(firstID, server)["status"] as? Int, 2, "rejected")
        try tmux.waitFor("\(total - 1) to review")

        // A second moderator acts on the next item behind our back: our version is stale.
        let version = try XCTUnwrap(try reviewable(secondID, server)["version"] as? Int)
        try perform("no_action_post", on: secondID, version: version, as: "mod2", server)
        try tmux.send(try key(for: "no_action_user", in: tmux))
        try tmux.waitFor("changed on the server")
        XCTAssertEqual(try reviewable(secondID, server)["version"] as? Int, version + 1, "nothing done twice")
        XCTAssertEqual(try reviewable(secondID, server)["status"] as? Int, 0)

        // Acting again on the refreshed item finishes it.
        try tmux.send(try key(for: "no_action_user", in: tmux))
        try tmux.waitFor("\(total - 2) items")
        try tmux.waitFor(": no action done")
        XCTAssertNotEqual(try reviewable(secondID, server)["status"] as? Int, 0, "finished on the server")
        XCTAssertEqual(try queue(server).total, total - 2)

        try tmux.send("q")
        try tmux.waitFor("Latest · ")
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }

    func testBulkIgnoreWithOneConfirmationSkipsItemsThatDoNotOfferIt() throws {
        let server = try DemoServerProcess()
        self.server = server
        let (items, total) = try queue(server)
        let top = items.prefix(4)
        let ids = top.compactMap { $0["id"] as? Int }
        let legacy = top.filter { ($0["bundled_action_ids"] as? [String] ?? []).contains("disagree") }
            .compactMap { $0["id"] as? Int }
        XCTAssertTrue(legacy.count >= 1 && legacy.count < 4, "a mix of both styles on top: \(ids)")

        let tmux = try startFora(server)
        try tmux.waitFor("\(total) to review")
        try tmux.send("M")
        try tmux.waitFor("\(total) items")
        try tmux.send("x", "x", "x", "x")
        try tmux.waitFor("4 marked")
        try tmux.send("g")
        try tmux.send(try key(for: "ignore_and_do_nothing", in: tmux))
        let skipped = 4 - legacy.count
        try tmux.waitFor(
            "Do Nothing on \(legacy.count) marked item\(legacy.count == 1 ? "" : "s") (\(skipped) skipped")
        XCTAssertEqual(try queue(server).total, total, "nothing happens before the confirmation")
        try tmux.send("y")
        try tmux.waitFor("\(total - legacy.count) items")
        for id in ids {
            let status = try reviewable(id, server)["status"] as? Int
            XCTAssertEqual(status, legacy.contains(id) ? 3 : 0, "#\(id): ignored when it offered ignore")
        }
        try tmux.send("Q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }

    func testANewFlagAppearsWithoutARefresh() throws {
        let server = try DemoServerProcess()
        self.server = server
        let configName = "fora-e2e-review-poll-config"
        let directory = NSTemporaryDirectory() + configName + "/fora"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data("[review]\npoll = 1\n".utf8).write(to: URL(fileURLWithPath: directory + "/config.toml"))
        let total = try queue(server).total

        // A post nobody has flagged yet, by someone other than the flagger.
        let latest = try XCTUnwrap(try server.getJSON("/latest.json", username: "yuki") as? [String: Any])
        let topics = try XCTUnwrap((latest["topic_list"] as? [String: Any])?["topics"] as? [[String: Any]])
        var target: Int?
        for topic in topics.prefix(15) {
            guard let id = topic["id"] as? Int else { continue }
            let flagged = try XCTUnwrap(
                try server.getJSON("/review.json?status=all&topic_id=\(id)", username: "moderator") as? [String: Any])
            guard (flagged["reviewables"] as? [Any])?.isEmpty ?? false else { continue }
            let view = try XCTUnwrap(try server.getJSON("/t/\(id).json", username: "yuki") as? [String: Any])
            let posts = (view["post_stream"] as? [String: Any])?["posts"] as? [[String: Any]] ?? []
            if let post = posts.first(where: { $0["username"] as? String != "yuki" }) {
                target = post["id"] as? Int
                break
            }
        }
        let postID = try XCTUnwrap(target, "an unflagged post")

        let tmux = try startFora(server, config: configName)
        try tmux.waitFor("\(total) to review")
        try tmux.send("M")
        try tmux.waitFor("\(total) items")
        let result = try Subprocess.run(
            [
                "curl", "-sS", "--fail-with-body", "--max-time", "20", "-X", "POST", "-H",
                "Api-Key: fora-demo-all-users-key", "-H", "Api-Username: yuki",
                server.baseURL + "/post_actions.json?id=\(postID)&post_action_type_id=8",
            ], separateStderr: true, timeout: 30)
        XCTAssertFalse(result.output.contains("errors"), result.output)
        try tmux.waitFor("\(total + 1) items", timeout: 15)
        try tmux.waitFor("\(total + 1) to review", timeout: 5)
        try tmux.send("Q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }
}
