import Foundation
import XCTest

/// The answering commands (`reply`, `post`, `edit`, `like`, `solve`, `unanswered`, `pm`) as a
/// script uses them, against the real demo server, checked through the server's own JSON.
final class WriteCommandsEndToEndTests: XCTestCase {
    private var demo: DemoCommandLine?
    private var server: DemoServerProcess? { demo?.server }

    override func setUpWithError() throws { demo = try DemoCommandLine() }

    override func tearDown() {
        demo?.stop()
        super.tearDown()
    }

    private func fora(_ arguments: [String], as username: String = "alice") throws -> Subprocess.Result {
        try XCTUnwrap(demo).run(arguments, as: username)
    }

    private func json(_ result: Subprocess.Result) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(result.output.utf8))
    }

    private func posts(ofTopic topic: Int) throws -> [[String: Any]] {
        let detail = try XCTUnwrap(try server?.getJSON("/t/\(topic).json", username: "alice") as? [String: Any])
        let stream = try XCTUnwrap(detail["post_stream"] as? [String: Any])
        return try XCTUnwrap(stream["posts"] as? [[String: Any]])
    }

    func testAReplyIsPostedOnceWithItsReplyTarget() throws {
        let unanswered = try XCTUnwrap(try json(try fora(["unanswered", "--json"])) as? [[String: Any]])
        let topic = try XCTUnwrap(unanswered.first?["id"] as? Int, "the demo has unanswered questions")
        let dates = unanswered.compactMap { $0["created_at"] as? String }
        XCTAssertEqual(dates, dates.sorted(), "oldest first")

        let reply = try fora([
            "reply", String(topic), "--to", "1", "--json", "Have you tried restarting the sync service?",
        ])
        XCTAssertEqual(reply.status, 0, reply.errorOutput)
        let answer = try XCTUnwrap(try json(reply) as? [String: Any])
        XCTAssertEqual(answer["state"] as? String, "sent")
        let posts = try posts(ofTopic: topic)
        let mine = posts.filter { $0["username"] as? String == "alice" && ($0["post_number"] as? Int ?? 0) > 1 }
        XCTAssertEqual(mine.count, 1, "exactly one copy")
        XCTAssertEqual(mine.first?["reply_to_post_number"] as? Int, 1)
        XCTAssertEqual(mine.first?["id"] as? Int, answer["remote_id"] as? Int)

        let again = try XCTUnwrap(try json(try fora(["unanswered", "--json"])) as? [[String: Any]])
        XCTAssertFalse(again.contains { $0["id"] as? Int == topic }, "an answered question leaves the list")
    }

    func testTooShortARepliesFailWithTheServersReason() throws {
        let result = try fora(["reply", "2", "short"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errorOutput.contains("too short"), result.errorOutput)
        let empty = try fora(["reply", "2"])
        XCTAssertEqual(empty.status, 2, "no text is a usage error")
    }

    func testReplyFromStdinEditLikeAndSolve() throws {
        let server = try XCTUnwrap(server)
        let unsolved = try XCTUnwrap(try json(try fora(["unsolved", "--json"], as: "bob")) as? [[String: Any]])
        let question = try XCTUnwrap(unsolved.first { ($0["posts_count"] as? Int ?? 0) > 1 }, "an unsolved thread")
        let topic = try XCTUnwrap(question["id"] as? Int)
        let input = NSTemporaryDirectory() + "fora-e2e-reply-\(UUID()).md"
        try "This reply came from a file, not the command line.".write(toFile: input, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: input) }
        let reply = try fora(["reply", String(topic), "--file", input, "--json"], as: "carol")
        XCTAssertEqual(reply.status, 0, reply.errorOutput)
        let postID = try XCTUnwrap((try json(reply) as? [String: Any])?["remote_id"] as? Int)

        let edit = try fora(["edit", String(postID), "This reply was edited from the command line."], as: "carol")
        XCTAssertEqual(edit.status, 0, edit.errorOutput)
        let post = try XCTUnwrap(try server.getJSON("/posts/\(postID).json", username: "carol") as? [String: Any])
        XCTAssertTrue((post["cooked"] as? String ?? "").contains("edited from the command line"))

        XCTAssertEqual(try fora(["like", String(postID)], as: "bob").status, 0)
        let liked = try XCTUnwrap(try server.getJSON("/posts/\(postID).json", username: "bob") as? [String: Any])
        let summary = liked["actions_summary"] as? [[String: Any]] ?? []
        XCTAssertEqual(summary.first { $0["id"] as? Int == 2 }?["count"] as? Int, 1)

        // Only the topic's author (or staff) may accept; the owner of the demo question is its first poster.
        let author = try XCTUnwrap(try posts(ofTopic: topic).first?["username"] as? String)
        let solve = try fora(["solve", String(postID)], as: author)
        XCTAssertEqual(solve.status, 0, solve.errorOutput)
        let solved = try XCTUnwrap(try server.getJSON("/t/\(topic).json", username: author) as? [String: Any])
        XCTAssertNotNil(solved["accepted_answer"], "the topic now has a solution")
        XCTAssertEqual(try fora(["unsolve", String(postID)], as: author).status, 0)
    }

    func testNewTopicAndPrivateMessage() throws {
        let created = try fora([
            "post", "--category", "how-to", "--title", "Sharing a folder with a read-only link", "--json",
            "How do I share a folder so others can only read it?",
        ])
        XCTAssertEqual(created.status, 0, created.errorOutput)
        let latest = try XCTUnwrap(try json(try fora(["latest", "--json"])) as? [[String: Any]])
        XCTAssertTrue(latest.contains { $0["title"] as? String == "Sharing a folder with a read-only link" })

        let sent = try fora(["pm", "send", "--to", "bob", "--title", "About your backup question", "Can I help you?"])
        XCTAssertEqual(sent.status, 0, sent.errorOutput)
        let inbox = try XCTUnwrap(try json(try fora(["pm", "list", "--json"], as: "bob")) as? [[String: Any]])
        XCTAssertTrue(inbox.contains { $0["title"] as? String == "About your backup question" })
    }

    func testDoneHidesATopicFromTheWorkListsUntilANewReply() throws {
        let before = try XCTUnwrap(try json(try fora(["unsolved", "--json"])) as? [[String: Any]])
        let topic = try XCTUnwrap(before.first?["id"] as? Int)
        XCTAssertEqual(try fora(["done", String(topic)]).status, 0)
        let hidden = try XCTUnwrap(try json(try fora(["unsolved", "--json"])) as? [[String: Any]])
        XCTAssertFalse(hidden.contains { $0["id"] as? Int == topic }, "done topics are hidden")
        let reply = try fora(["reply", String(topic), "A new reply brings the question back."], as: "bob")
        XCTAssertEqual(reply.status, 0, reply.errorOutput)
        let back = try XCTUnwrap(try json(try fora(["unsolved", "--json"])) as? [[String: Any]])
        XCTAssertTrue(back.contains { $0["id"] as? Int == topic }, "a new reply brings it back")
    }
}
