// The write and moderation answers the official OpenAPI spec describes, validated against
// its response schemas with the same script as the reading endpoints (Python's jsonschema),
// widened only by the solved plugin's keys and the documented errata of H3SchemaErrata.
import Foundation
import XCTest

final class WriteSchemaConformanceTests: WriteServerTestCase {
    /// Validates `response` against `method template`; fails with the violations.
    func check(
        _ response: RawHTTPResponse, _ method: String, _ template: String,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        XCTAssertEqual(
            response.status, 200, "\(method) \(template): \(response.text.prefix(300))", file: file, line: line)
        let python = try SchemaConformanceTests.pythonWithJSONSchema()
        XCTAssertTrue(FileManager.default.fileExists(atPath: SchemaConformanceTests.spec.path), "spec subset missing")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fora-write-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let answer = directory.appendingPathComponent("answer.json")
        let errata = directory.appendingPathComponent("errata.json")
        try response.body.write(to: answer)
        try H3SchemaErrata.json().write(to: errata)
        let (status, output) = try SchemaConformanceTests.run(
            python,
            [
                SchemaConformanceTests.support.appendingPathComponent("validate_schema.py").path,
                SchemaConformanceTests.spec.path, method, template, answer.path, errata.path,
            ])
        if status == 3 { throw XCTSkip(output) }
        XCTAssertEqual(
            status, 0, "\(method.uppercased()) \(template) does not match:\n\(output)", file: file, line: line)
    }

    func testPostsAndPostActions() async throws {
        let created = try await sendJSON(
            "POST", "/posts.json",
            [
                "topic_id": Fixture.solvedTopicId, "raw": "Checking the create answer against the spec.",
                "reply_to_post_number": 2,
            ], headers: admin)
        try check(created, "post", "/posts.json")
        let postId = try XCTUnwrap(try created.jsonObject().int("id"))
        let edited = try await sendJSON(
            "PUT", "/posts/\(postId).json", ["post": ["raw": "Checking the edit answer too, now."]],
            headers: admin)
        try check(edited, "put", "/posts/{id}.json")
        let liked = try await sendJSON(
            "POST", "/post_actions.json", ["id": postId, "post_action_type_id": 2], headers: alice)
        try check(liked, "post", "/post_actions.json")
    }

    func testTopicAndNotificationAnswers() async throws {
        let status = try await sendJSON(
            "PUT", "/t/\(Fixture.unsolvedTopicId)/status.json",
            ["status": "pinned", "enabled": "true"], headers: moderator)
        try check(status, "put", "/t/{id}/status.json")
        let renamed = try await sendJSON(
            "PUT", "/t/-/\(Fixture.unsolvedTopicId).json",
            ["topic": ["title": "Keyboard layout keeps resetting after updates"]], headers: moderator)
        try check(renamed, "put", "/t/-/{id}.json")
        let read = try await client.send("PUT", "/notifications/mark-read.json", headers: alice)
        try check(read, "put", "/notifications/mark-read.json")
    }

    func testStaffUserAnswers() async throws {
        let silenced = try await sendJSON(
            "PUT", "/admin/users/\(Fixture.carolId)/silence.json",
            ["silenced_till": "2099-01-01T00:00:00Z", "reason": "Adverts"], headers: admin)
        try check(silenced, "put", "/admin/users/{id}/silence.json")
        let suspended = try await sendJSON(
            "PUT", "/admin/users/\(Fixture.bobId)/suspend.json",
            ["suspend_until": "2099-01-01T00:00:00Z", "reason": "Cooling off"], headers: admin)
        try check(suspended, "put", "/admin/users/{id}/suspend.json")
        let detail = try await client.get("/admin/users/\(Fixture.bobId).json", headers: admin)
        try check(detail, "get", "/admin/users/{id}.json")
    }
}
