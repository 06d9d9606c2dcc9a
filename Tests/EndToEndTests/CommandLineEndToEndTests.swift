import Foundation
import XCTest

/// `fora` as scripts use it: version, help, exit codes.
final class CommandLineEndToEndTests: XCTestCase {
    private func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (Int32, String, String) {
        let result = try Subprocess.run(
            [try Binaries.path("fora")] + arguments,
            environment: ProcessInfo.processInfo.environment.merging(environment) { $1 },
            separateStderr: true, timeout: 60)
        XCTAssertFalse(result.timedOut, "fora \(arguments) did not exit within 60 s")
        return (result.status, result.output, result.errorOutput)
    }

    func testVersionPrintsTheProgramNameAndAVersion() throws {
        let (status, out, _) = try run(["--version"])
        XCTAssertEqual(status, 0)
        XCTAssertNotNil(out.range(of: #"^fora \d+\.\d+\.\d+"#, options: .regularExpression), out)
    }

    func testHelpDescribesUsage() throws {
        let (status, out, _) = try run(["--help"])
        XCTAssertEqual(status, 0)
        XCTAssertTrue(out.contains("USAGE"), out)
        XCTAssertTrue(out.contains("--site"), out)
    }

    func testNoTerminalMeansUsageExitCode() throws {
        let (status, out, err) = try run([], environment: ["FORA_SITE": "http://127.0.0.1:9"])
        XCTAssertEqual(status, 2, "stdin is not a terminal: fora must not start the TUI. out: \(out) err: \(err)")
    }

    func testLatestAsJSONAgainstTheDemoServer() throws {
        let server = try DemoServerProcess()
        defer { server.stop() }
        let (status, out, err) = try run(
            ["latest", "--json"],
            environment: [
                "FORA_SITE": server.baseURL, "FORA_API_KEY": "fora-demo-all-users-key", "FORA_API_USERNAME": "alice",
            ])
        XCTAssertEqual(status, 0, err)
        let topics = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        XCTAssertGreaterThan(topics.count, 5)
        for key in ["id", "title", "slug", "category_id", "posts_count", "views", "last_posted_at"] {
            XCTAssertNotNil(topics[0][key], "missing \(key)")
        }
    }

    func testUnreachableSiteExitsWithTheNetworkCode() throws {
        let (status, _, err) = try run(["latest"], environment: ["FORA_SITE": "http://127.0.0.1:9"])
        XCTAssertEqual(status, 3, err)
        XCTAssertFalse(err.isEmpty, "a clear message is expected on stderr")
    }
}
