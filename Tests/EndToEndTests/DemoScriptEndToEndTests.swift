import Foundation
import XCTest

/// `make demo`'s script: starts the demo server, runs fora against it, stops the server on quit.
final class DemoScriptEndToEndTests: XCTestCase {
    func testDemoScriptShowsTheCommunityAndStopsItsServer() throws {
        let script = Binaries.packageRoot.appendingPathComponent("scripts/demo.sh").path
        let dataHome = NSTemporaryDirectory() + "fora-e2e-demo-\(getpid())"
        _ = try Binaries.path("fora")
        let tmux = try TmuxSession(
            command: [script], width: 120, height: 40,
            environment: [
                "FORA_BIN_DIR": Binaries.directory.path, "XDG_DATA_HOME": dataHome,
                "XDG_STATE_HOME": dataHome + "/state", "XDG_CONFIG_HOME": dataHome + "/config",
            ])
        // Seeded categories of the demo community appear in the list.
        try tmux.waitFor("Troubleshooting", timeout: 60)
        XCTAssertTrue(try tmux.capture().contains("127.0.0.1"), "the status bar names the site")
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)

        // The script's server is gone once fora has quit.
        let pgrep = try Subprocess.run(["pgrep", "-f", "fora-demo-server --port 0 --data \(dataHome)"], timeout: 10)
        XCTAssertEqual(pgrep.status, 1, "the demo server should have been stopped")
    }
}
