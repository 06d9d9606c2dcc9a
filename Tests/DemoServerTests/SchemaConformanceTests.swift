// Every endpoint the official OpenAPI spec describes among ours answers JSON that its response
// schema accepts. The check runs Support/validate_schema.py (Python's jsonschema, Draft
// 2020-12); the spec's closed objects are widened only by the solved plugin's keys and the
// documented errata of Support/schema_errata.json.
import Foundation
import XCTest

final class SchemaConformanceTests: DemoServerTestCase {
    /// One live request checked against one operation of the spec.
    struct Case {
        var template: String
        var path: String
        /// Whose view: the spec's responses were captured for a particular kind of viewer.
        var headers: [String: String]
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The spec's operations these tests check, kept in the repository (see Spec/README.md).
    static let spec = packageRoot.appendingPathComponent("Tests/DemoServerTests/Spec/openapi-subset.json")
    static let support = packageRoot.appendingPathComponent("Tests/DemoServerTests/Support")

    func cases() -> [Case] {
        let anonymous: [String: String] = [:]
        return [
            Case(template: "/latest.json", path: "/latest.json", headers: admin),
            // What a newcomer's `curl /latest.json` sees: the anonymous view.
            Case(template: "/latest.json", path: "/latest.json", headers: anonymous),
            Case(template: "/top.json", path: "/top.json?period=yearly", headers: admin),
            Case(
                template: "/c/{slug}/{id}.json", path: "/c/general/\(Fixture.generalCategoryId).json",
                headers: anonymous),
            Case(template: "/tag/{name}.json", path: "/tag/printing.json", headers: admin),
            Case(template: "/t/{id}.json", path: "/t/\(Fixture.solvedTopicId).json", headers: admin),
            Case(template: "/t/{id}.json", path: "/t/\(Fixture.megathreadId).json", headers: admin),
            Case(
                template: "/t/{id}/posts.json",
                path: "/t/\(Fixture.solvedTopicId)/posts.json?post_ids[]=1&post_ids[]=3",
                headers: anonymous),
            Case(template: "/posts/{id}.json", path: "/posts/3.json", headers: admin),
            Case(template: "/categories.json", path: "/categories.json", headers: admin),
            Case(template: "/site.json", path: "/site.json", headers: anonymous),
            Case(template: "/site/basic-info.json", path: "/site/basic-info.json", headers: anonymous),
            Case(template: "/search.json", path: "/search.json?q=printer", headers: anonymous),
            Case(template: "/notifications.json", path: "/notifications.json", headers: alice),
            Case(template: "/u/{username}.json", path: "/u/alice.json", headers: alice),
            Case(
                template: "/topics/private-messages/{username}.json", path: "/topics/private-messages/alice.json",
                headers: alice),
            Case(
                template: "/topics/private-messages-sent/{username}.json",
                path: "/topics/private-messages-sent/alice.json", headers: alice),
        ]
    }

    func testLiveAnswersMatchTheOpenAPIResponseSchemas() async throws {
        let python = try Self.pythonWithJSONSchema()
        XCTAssertTrue(FileManager.default.fileExists(atPath: Self.spec.path), "the spec subset is missing")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fora-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        for (index, check) in cases().enumerated() {
            let response = try await client.get(check.path, headers: check.headers)
            XCTAssertEqual(response.status, 200, "\(check.path): \(response.text.prefix(200))")
            let answer = directory.appendingPathComponent("answer-\(index).json")
            try response.body.write(to: answer)
            let (status, output) = try Self.run(
                python,
                [
                    Self.support.appendingPathComponent("validate_schema.py").path, Self.spec.path, "get",
                    check.template,
                    answer.path, Self.support.appendingPathComponent("schema_errata.json").path,
                ])
            if status == 3 { throw XCTSkip(output) }
            XCTAssertEqual(status, 0, "GET \(check.path) does not match \(check.template):\n\(output)")
        }
    }

    /// The check itself must be able to fail: a real answer with a required key removed, or
    /// with a key the spec does not know, is rejected; only the solved plugin's keys pass.
    func testValidatorRejectsMissingAndUnknownKeys() async throws {
        let python = try Self.pythonWithJSONSchema()
        let response = try await client.get("/site/basic-info.json")
        var answer = try response.jsonObject()
        let directory = FileManager.default.temporaryDirectory
        func validate(_ object: [String: Any]) throws -> (Int32, String) {
            let file = directory.appendingPathComponent("fora-schema-self-check-\(UUID().uuidString).json")
            defer { try? FileManager.default.removeItem(at: file) }
            try JSONSerialization.data(withJSONObject: object).write(to: file)
            return try Self.run(
                python,
                [
                    Self.support.appendingPathComponent("validate_schema.py").path, Self.spec.path, "get",
                    "/site/basic-info.json", file.path, Self.support.appendingPathComponent("schema_errata.json").path,
                ])
        }
        XCTAssertEqual(try validate(answer).0, 0)
        answer["has_accepted_answer"] = false
        XCTAssertEqual(try validate(answer).0, 0, "the solved plugin's keys are allowed")
        answer["invented_key"] = 1
        let unknown = try validate(answer)
        XCTAssertEqual(unknown.0, 1)
        XCTAssertTrue(unknown.1.contains("invented_key"), unknown.1)
        answer["invented_key"] = nil
        answer["title"] = nil
        let missing = try validate(answer)
        XCTAssertEqual(missing.0, 1)
        XCTAssertTrue(missing.1.contains("'title' is a required property"), missing.1)
    }

    /// `/usr/bin/python3` when it can import jsonschema, else whatever `python3` is on PATH.
    static func pythonWithJSONSchema() throws -> [String] {
        for candidate in [["/usr/bin/python3"], ["/usr/bin/env", "python3"]] {
            guard FileManager.default.isExecutableFile(atPath: candidate[0]) else { continue }
            if let (status, _) = try? run(candidate, ["-c", "import jsonschema"]), status == 0 { return candidate }
        }
        throw XCTSkip("no python3 with the jsonschema module (Debian: apt-get install python3-jsonschema)")
    }

    static func run(_ command: [String], _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst()) + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
