import Foundation
import XCTest

/// `fora review`, `fora topic`, `fora flag` and `fora user silence|suspend` against the real
/// demo server, as the moderator and as a member who may not moderate.
final class ModerationCommandsEndToEndTests: XCTestCase {
    private var demo: DemoCommandLine?
    private var server: DemoServerProcess? { demo?.server }

    override func setUpWithError() throws { demo = try DemoCommandLine() }

    override func tearDown() {
        demo?.stop()
        super.tearDown()
    }

    private func fora(_ arguments: [String], as username: String = "moderator") throws -> Subprocess.Result {
        try XCTUnwrap(demo).run(arguments, as: username)
    }

    private func reviewables(_ status: String = "pending") throws -> [[String: Any]] {
        let result = try fora(["review", "list", "--status", status, "--json"])
        XCTAssertEqual(result.status, 0, result.errorOutput)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
    }

    func testTheQueueListsFlagsAndAnActionTakesAnItemOut() throws {
        let pending = try reviewables()
        XCTAssertGreaterThanOrEqual(pending.count, 10, "the demo has at least ten flagged posts")
        let item = try XCTUnwrap(pending.first)
        let id = try XCTUnwrap(item["id"] as? Int)
        let bundles = try XCTUnwrap(item["actions"] as? [[String: Any]])
        let actions = bundles.flatMap { $0["actions"] as? [String] ?? [] }
        let keep = try XCTUnwrap(actions.first { $0 == "agree_and_keep" || $0 == "no_action_post" })

        let refused = try fora(["review", "act", String(id), "not_an_action"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.errorOutput.contains(keep), "the error lists what is offered")
        if let destructive = actions.first(where: { $0.contains("delete") }) {
            let unconfirmed = try fora(["review", "act", String(id), destructive])
            XCTAssertEqual(unconfirmed.status, 2, "destructive actions need a terminal or --yes")
        }

        let acted = try fora(["review", "act", String(id), keep])
        XCTAssertEqual(acted.status, 0, acted.errorOutput)
        if keep == "agree_and_keep" {
            XCTAssertFalse(try reviewables().contains { $0["id"] as? Int == id }, "the item left the pending queue")
        }

        let member = try fora(["review", "list"], as: "alice")
        XCTAssertEqual(member.status, 4, "members get the authentication/permission exit code")
    }

    func testClaimingTwiceIsAConflict() throws {
        let id = try XCTUnwrap(try reviewables().first?["id"] as? Int)
        XCTAssertEqual(try fora(["review", "claim", String(id)]).status, 0)
        let second = try fora(["review", "claim", String(id)], as: "admin")
        XCTAssertEqual(second.status, 8, second.errorOutput)
        XCTAssertEqual(try fora(["review", "unclaim", String(id)]).status, 0)
    }

    func testTopicStatusAndUserPenalties() throws {
        let server = try XCTUnwrap(server)
        let latest = try XCTUnwrap(server.getJSON("/latest.json", username: "moderator") as? [String: Any])
        let topics = try XCTUnwrap((latest["topic_list"] as? [String: Any])?["topics"] as? [[String: Any]])
        let topic = try XCTUnwrap(topics.first { $0["closed"] as? Bool == false && $0["pinned"] as? Bool == false })
        let id = try XCTUnwrap(topic["id"] as? Int)

        XCTAssertEqual(try fora(["topic", "close", String(id)], as: "alice").status, 4)
        XCTAssertEqual(try fora(["topic", "close", String(id)]).status, 0)
        let closed = try XCTUnwrap(server.getJSON("/t/\(id).json", username: "moderator") as? [String: Any])
        XCTAssertEqual(closed["closed"] as? Bool, true)
        XCTAssertEqual(try fora(["topic", "open", String(id)]).status, 0)
        XCTAssertEqual(try fora(["topic", "frobnicate", String(id)]).status, 2)

        let silence = try fora(["user", "silence", "bob", "--reason", "Cooling off", "--until", "2030-01-01", "--yes"])
        XCTAssertEqual(silence.status, 0, silence.errorOutput)
        let bob = try XCTUnwrap(server.getJSON("/u/bob.json", username: "admin") as? [String: Any])
        XCTAssertEqual(((bob["user"] as? [String: Any])?["silenced_till"] as? String)?.prefix(10), "2030-01-01")
        XCTAssertEqual(try fora(["user", "suspend", "bob", "--reason", "x"]).status, 2, "asks, and refuses off a tty")
        XCTAssertEqual(try fora(["user", "bob"]).status, 0, "`fora user NAME` still shows the profile")
    }

    func testFlagTypesComeFromTheSite() throws {
        let unknown = try fora(["flag", "1", "--type", "nonsense"], as: "carol")
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.errorOutput.contains("spam"), "lists the site's flag types")
    }
}
