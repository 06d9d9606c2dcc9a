import Foundation
import XCTest

/// The README's screen is a real capture of the current interface: `scripts/readme-capture.sh`
/// captures `make demo`'s first screen from tmux, and the README must hold exactly that.
final class ReadmeCaptureEndToEndTests: XCTestCase {
    func testReadmeShowsWhatTheCaptureScriptCapturesNow() throws {
        guard Subprocess.which("tmux") != nil else { throw XCTSkip("tmux is not installed (make test installs it)") }
        _ = try Binaries.path("fora")
        _ = try Binaries.path("fora-demo-server")
        var environment = ProcessInfo.processInfo.environment
        environment["FORA_BIN_DIR"] = Binaries.directory.path
        let script = Binaries.packageRoot.appendingPathComponent("scripts/readme-capture.sh").path
        let result = try Subprocess.run([script], environment: environment, separateStderr: true, timeout: 180)
        XCTAssertEqual(result.status, 0, result.errorOutput)
        let captured = result.output.trimmingCharacters(in: .newlines)
        XCTAssertTrue(captured.contains("Welcome to the Lumen Community"), "not fora's list: \(captured)")

        let readme = try String(
            contentsOf: Binaries.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = "<!-- readme-capture:begin -->\n```text\n"
        let end = "\n```\n<!-- readme-capture:end -->"
        guard let start = readme.range(of: begin),
            let stop = readme.range(of: end, range: start.upperBound..<readme.endIndex)
        else { return XCTFail("README.md has no readme-capture block") }
        let shown = String(readme[start.upperBound..<stop.lowerBound])
        XCTAssertEqual(
            Self.withoutAges(shown), Self.withoutAges(captured),
            "README.md's screen is not what fora draws now: run scripts/readme-capture.sh --update")
    }

    /// The demo community's dates are fixed, so the list's last column ("1mo", "2y") drifts as
    /// the calendar moves: it is compared as a placeholder, everything else exactly.
    static func withoutAges(_ screen: String) -> String {
        screen.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.replacingOccurrences(of: #"\s+[0-9]+(s|m|h|d|w|mo|y)$"#, with: " <age>", options: .regularExpression)
        }.joined(separator: "\n")
    }
}
