import Foundation
import XCTest

/// A post whose text carries terminal escapes (OSC 52 clipboard write, clear screen, colours)
/// reaches the user's terminal harmless, through every printing command.
final class HostileContentEndToEndTests: XCTestCase {
    func testEscapesInPostsNeverReachTheTerminal() throws {
        let server = try DemoServerProcess()
        defer { server.stop() }
        var environment = ProcessInfo.processInfo.environment
        environment["FORA_SITE"] = server.baseURL
        environment["FORA_API_KEY"] = "fora-demo-all-users-key"
        environment["FORA_API_USERNAME"] = "alice"
        environment["XDG_DATA_HOME"] = NSTemporaryDirectory() + "fora-e2e-hostile-\(UUID())"
        func fora(_ arguments: [String]) throws -> Subprocess.Result {
            try Subprocess.run(
                [try Binaries.path("fora")] + arguments, environment: environment, separateStderr: true, timeout: 60)
        }
        let found = try fora(["search", "Strange characters", "--json"])
        XCTAssertEqual(found.status, 0, found.errorOutput)
        let hits = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(found.output.utf8)) as? [[String: Any]])
        let topic = try XCTUnwrap(hits.first?["topic_id"] as? Int, "the demo has the hostile post")

        let read = try fora(["read", String(topic)])
        XCTAssertEqual(read.status, 0, read.errorOutput)
        XCTAssertTrue(read.output.contains("weird bytes"), read.output)
        for forbidden: UInt8 in [0x1B, 0x07, 0x08, 0x0D] {
            XCTAssertFalse(read.output.utf8.contains(forbidden), "byte \(forbidden) reached the terminal")
        }
        XCTAssertTrue(read.output.contains("␛"), "the escape is shown, not obeyed")

        // Asked for colour in a pipe: our own SGR codes, still none of the post's.
        let coloured = try fora(["read", String(topic), "--color"])
        XCTAssertTrue(coloured.output.contains("\u{1B}["), "colour when asked")
        XCTAssertFalse(coloured.output.contains("\u{1B}]52"), "no clipboard write from the post")
        XCTAssertFalse(coloured.output.contains("\u{1B}[2J"), "no screen clear from the post")
        var noColor = environment
        noColor["NO_COLOR"] = "1"
        let plain = try Subprocess.run(
            [try Binaries.path("fora"), "read", String(topic)], environment: noColor, separateStderr: true, timeout: 60)
        XCTAssertFalse(plain.output.utf8.contains(0x1B), "NO_COLOR: no escape at all")

        let search = try fora(["search", "weird bytes"])
        XCTAssertEqual(search.status, 0, search.errorOutput)
        XCTAssertFalse(search.output.utf8.contains(0x1B), search.output)
    }
}
