import Foundation
import XCTest

/// `fora stats` end to end: sync the demo community, stop the server, and check the cache's
/// figures against the same figures computed here from the server's own topic JSON; then, with
/// the server up, a staff account gets the site's admin reports beside them and a member none.
final class HealthEndToEndTests: XCTestCase {
    private var cli: DemoCommandLine!

    override func setUpWithError() throws {
        cli = try DemoCommandLine()
    }

    override func tearDown() {
        cli?.stop()
        cli = nil
    }

    private func json(_ arguments: [String], as username: String, line: UInt = #line) throws -> [String: Any] {
        let result = try cli.run(arguments + ["--json"], as: username, line: line)
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.errorOutput)", line: line)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    }

    private static func milliseconds(_ text: String?) -> Double? {
        guard let text else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date.timeIntervalSince1970 * 1000 }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text).map { $0.timeIntervalSince1970 * 1000 }
    }

    /// What the figures should be, from the server's topic JSON: every topic of /latest, its
    /// first response by someone else among the posts the first page of the topic carries.
    private func expected(as user: String) throws -> (topics: Int, answered: Int, solved: Int, responses: [Double]) {
        var ids: [Int] = []
        for page in 0..<20 {
            let list = try cli.server.getJSON("/latest.json?page=\(page)", username: user) as? [String: Any]
            let topics = (list?["topic_list"] as? [String: Any])?["topics"] as? [[String: Any]] ?? []
            if topics.isEmpty { break }
            ids += topics.compactMap { $0["id"] as? Int }
        }
        var counted = 0
        var solved = 0
        var responses: [Double] = []
        for id in Set(ids) {
            let topic = try XCTUnwrap(try cli.server.getJSON("/t/\(id).json", username: user) as? [String: Any])
            guard (topic["archetype"] as? String ?? "regular") == "regular" else { continue }
            let posts = (topic["post_stream"] as? [String: Any])?["posts"] as? [[String: Any]] ?? []
            guard let first = posts.first, first["post_number"] as? Int == 1 else { continue }
            counted += 1
            if topic["accepted_answer"] is [String: Any] || (topic["has_accepted_answer"] as? Bool ?? false) {
                solved += 1
            }
            let opener = first["username"] as? String
            let created = Self.milliseconds(topic["created_at"] as? String ?? first["created_at"] as? String)
            if let response = posts.first(where: {
                ($0["post_type"] as? Int ?? 1) == 1 && $0["username"] as? String != opener
            }), let at = Self.milliseconds(response["created_at"] as? String), let created {
                responses.append((at - created) / 1000)
            }
        }
        return (counted, responses.count, solved, responses.sorted())
    }

    func testFiguresFromTheCacheMatchTheServersTopicsOffline() throws {
        let user = "moderator"
        let sync = try cli.run(["sync", "--all", "--topics-only"], as: user)
        XCTAssertEqual(sync.status, 0, sync.errorOutput)
        let truth = try expected(as: user)
        XCTAssertGreaterThan(truth.topics, 20, "the demo community has topics")
        cli.server.stop()

        let stats = try json(["stats", "--offline"], as: user)
        for key in [
            "topics", "answered", "solved", "answer_rate", "solved_rate", "median_first_response_seconds",
            "p90_first_response_seconds", "unanswered_by_age", "posters", "share_top_1pct", "share_next_9pct",
            "top_answerers",
        ] {
            XCTAssertNotNil(stats[key], "missing \(key)")
        }
        XCTAssertEqual(stats["topics"] as? Int, truth.topics)
        XCTAssertEqual(stats["answered"] as? Int, truth.answered)
        XCTAssertEqual(stats["solved"] as? Int, truth.solved)
        XCTAssertEqual(
            stats["answer_rate"] as? Double ?? -1, Double(truth.answered) / Double(truth.topics), accuracy: 1e-9)
        let middle = truth.responses.count / 2
        let median =
            truth.responses.count % 2 == 1
            ? truth.responses[middle] : (truth.responses[middle - 1] + truth.responses[middle]) / 2
        XCTAssertEqual(stats["median_first_response_seconds"] as? Double ?? -1, median, accuracy: 0.002)
        let p90 = truth.responses[truth.responses.count * 9 / 10]
        XCTAssertEqual(stats["p90_first_response_seconds"] as? Double ?? -1, p90, accuracy: 0.002)
        let ages = try XCTUnwrap(stats["unanswered_by_age"] as? [String: Int])
        XCTAssertEqual(ages.values.reduce(0, +), truth.topics - truth.answered)
        XCTAssertNil(stats["server_reports"], "--offline never asks the server")

        let text = try cli.run(["stats", "--offline"], as: user)
        XCTAssertEqual(text.status, 0, text.errorOutput)
        XCTAssertTrue(text.output.contains("topics \(truth.topics)   answered \(truth.answered)"), text.output)
        XCTAssertTrue(text.output.contains("first response: median"), text.output)

        let category = try cli.run(["stats", "--offline", "--category", "no-such-category"], as: user)
        XCTAssertEqual(category.status, 5, category.errorOutput)
        let since = try cli.run(["stats", "--offline", "--since", "soon"], as: user)
        XCTAssertEqual(since.status, 2, since.errorOutput)
    }

    func testStaffSeeTheServersReportsAndMembersDoNot() throws {
        XCTAssertEqual(try cli.run(["sync", "--limit", "10", "--topics-only"], as: "moderator").status, 0)
        let staff = try json(["stats", "--since", "3650d"], as: "moderator")
        let reports = try XCTUnwrap(staff["server_reports"] as? [[String: Any]], "\(staff.keys)")
        XCTAssertEqual(
            reports.compactMap { $0["type"] as? String },
            ["topics_with_no_response", "time_to_first_response", "accepted_solutions", "flags", "flags_status"])
        let flags = try XCTUnwrap(reports.first { $0["type"] as? String == "flags" })
        XCTAssertGreaterThan(flags["total"] as? Double ?? 0, 0, "the demo has flags")
        let text = try cli.run(["stats", "--since", "3650d"], as: "moderator")
        XCTAssertTrue(text.output.contains("the server's own reports (staff; whole site, "), text.output)
        // Without --since the site's reports cover the cache's days too, not the site's last 30.
        let everything = try cli.run(["stats"], as: "moderator")
        let header = everything.output.split(separator: "\n").first { $0.contains("the server's own reports") }
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.timeZone = TimeZone(identifier: "UTC")
        day.dateFormat = "yyyy-MM-dd"
        let thirtyDaysAgo = day.string(from: Date().addingTimeInterval(-30 * 86_400))
        XCTAssertNotNil(header, everything.output)
        XCTAssertFalse(header?.contains(thirtyDaysAgo + " to") ?? true, everything.output)

        XCTAssertEqual(try cli.run(["sync", "--limit", "10", "--topics-only"], as: "alice").status, 0)
        let member = try json(["stats"], as: "alice")
        XCTAssertNil(member["server_reports"])
    }
}

/// The health screen in tmux at 80x24, from a synced store with the server gone: `%` shows the
/// figures and charts, `c` changes the category, j and Enter open the oldest unanswered topic,
/// and `q` comes back to the screen.
final class HealthScreenEndToEndTests: XCTestCase {
    func testTheScreenWorksOfflineAndOpensTheOldestUnansweredTopic() throws {
        let server = try DemoServerProcess()
        let home = NSTemporaryDirectory() + "fora-e2e-health-\(UUID())"
        defer { try? FileManager.default.removeItem(atPath: home) }
        let environment = [
            "FORA_SITE": server.baseURL, "FORA_API_KEY": "fora-demo-all-users-key", "FORA_API_USERNAME": "bob",
            "XDG_DATA_HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_STATE_HOME": home + "/state",
        ]
        let sync = try Subprocess.run(
            [try Binaries.path("fora"), "sync", "--limit", "30", "--topics-only"],
            environment: ProcessInfo.processInfo.environment.merging(environment) { $1 }, separateStderr: true,
            timeout: 120)
        XCTAssertEqual(sync.status, 0, sync.errorOutput)
        let stats = try Subprocess.run(
            [try Binaries.path("fora"), "stats", "--offline", "--json"],
            environment: ProcessInfo.processInfo.environment.merging(environment) { $1 }, separateStderr: true,
            timeout: 60)
        let figures = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(stats.output.utf8)) as? [String: Any])
        let oldest = try XCTUnwrap((figures["oldest_unanswered"] as? [[String: Any]])?.first)
        let oldestTitle = try XCTUnwrap(oldest["title"] as? String)
        server.stop()

        // The charts' glyphs follow the locale and NO_COLOR (which swift test sets): a UTF-8
        // locale and colour, whatever the test runner's are.
        let tmux = try TmuxSession(
            command: [try Binaries.path("fora")], width: 80, height: 24,
            environment: environment.merging(["LC_ALL": "C.UTF-8", "NO_COLOR": ""]) { $1 })
        try tmux.waitFor("offline")
        try tmux.send("%")
        var screen = try tmux.waitFor("Community health · all categories · everything cached")
        XCTAssertTrue(screen.contains("topics \(figures["topics"] as? Int ?? -1) · answered"), screen)
        XCTAssertTrue(screen.contains("New █ and answered ▒ topics per week"), screen)
        XCTAssertTrue(screen.contains("Time to first response"), screen)
        try tmux.send("j")
        screen = try tmux.waitFor("> #\(oldest["id"] as? Int ?? -1) ")
        try tmux.send("Enter")
        try tmux.waitFor(String(oldestTitle.prefix(20)))
        try tmux.waitFor("#1 ")
        try tmux.send("q")
        try tmux.waitFor("(Enter opens)")
        try tmux.send("c")
        try tmux.waitFor("health of ")
        try tmux.send("q")
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }
}
