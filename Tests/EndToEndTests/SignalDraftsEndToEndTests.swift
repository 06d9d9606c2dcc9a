import Foundation
import XCTest

/// SIGTERM and SIGINT end the interface the way `q` does: what the composer holds is saved as
/// a draft (even text typed a moment ago, not yet journaled), the terminal is restored, and
/// the exit status says which signal it was.
final class SignalDraftsEndToEndTests: XCTestCase {
    func testSigtermSavesTheTextJustTypedAndExits143() throws {
        try assertSignalKeepsTheDraft(SIGTERM, status: 143)
    }

    func testSigintSavesTheTextJustTypedAndExits130() throws {
        try assertSignalKeepsTheDraft(SIGINT, status: 130)
    }

    private func assertSignalKeepsTheDraft(_ signal: Int32, status: Int32) throws {
        guard Subprocess.which("sqlite3") != nil else { throw XCTSkip("sqlite3 is needed to read the store") }
        let server = try DemoServerProcess()
        defer { server.stop() }
        let home = NSTemporaryDirectory() + "fora-e2e-signal-\(UUID())"
        defer { try? FileManager.default.removeItem(atPath: home) }
        let tmux = try TmuxSession(
            command: [try Binaries.path("fora")],
            environment: [
                "FORA_SITE": server.baseURL, "FORA_API_KEY": "fora-demo-all-users-key", "FORA_API_USERNAME": "carol",
                "XDG_DATA_HOME": home + "/data", "XDG_CONFIG_HOME": home + "/config",
            ])
        try tmux.waitFor(" · 1/")
        try tmux.send("Enter")
        try tmux.waitFor("#1 ")
        try tmux.send("R")
        try tmux.waitFor("Reply to the topic · ")
        let words = "Typed a moment before the signal"
        try tmux.send("-l", words)
        try tmux.waitFor(words)
        // At once: the composer has not journaled it yet (it waits for a pause in typing).
        let pid = try XCTUnwrap(try tmux.programPID())
        XCTAssertEqual(kill(pid, signal), 0)
        XCTAssertEqual(try tmux.waitForExit(), status)
        let stores = try FileManager.default.contentsOfDirectory(atPath: home + "/data/fora")
            .filter { $0.hasSuffix(".sqlite") }
        let store = try XCTUnwrap(stores.first, "\(stores)")
        let drafts = try Subprocess.run(
            ["sqlite3", home + "/data/fora/" + store, "SELECT body FROM drafts"], separateStderr: true, timeout: 30)
        XCTAssertTrue(drafts.output.contains(words), "drafts: \(drafts.output) \(drafts.errorOutput)")
    }
}
