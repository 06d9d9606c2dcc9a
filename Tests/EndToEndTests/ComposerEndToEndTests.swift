import Foundation
import XCTest

/// The composer in the real `fora` binary, in tmux, against the demo server: open a topic,
/// reply with `R`, type (wide characters too), complete a snippet, hand the text to a
/// scripted `$VISUAL`, preview, and discard after the question. Sending is not asserted: the
/// outbox is wired elsewhere.
final class ComposerEndToEndTests: XCTestCase {
    private var server: DemoServerProcess?
    private var scratch: URL?

    override func tearDown() {
        server?.stop()
        server = nil
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
        super.tearDown()
    }

    func testReplyTypeSnippetEditorPreviewAndDiscard() throws {
        let server = try DemoServerProcess()
        self.server = server
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("fora-e2e-composer-\(UUID())")
        self.scratch = scratch
        let snippets = scratch.appendingPathComponent("config/fora/snippets")
        try FileManager.default.createDirectory(at: snippets, withIntermediateDirectories: true)
        try "Thanks for asking about {topic_title}.".write(
            to: snippets.appendingPathComponent("thanks.md"), atomically: true, encoding: .utf8)
        let editor = scratch.appendingPathComponent("editor.sh")
        try "#!/bin/sh\nsed -i '1s/^/EDITED /' \"$1\"\n".write(to: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: editor.path)

        let tmux = try TmuxSession(
            command: [try Binaries.path("fora")], width: 120, height: 40,
            environment: [
                "FORA_SITE": server.baseURL, "FORA_API_KEY": "fora-demo-all-users-key", "FORA_API_USERNAME": "alice",
                "XDG_CONFIG_HOME": scratch.appendingPathComponent("config").path,
                "XDG_DATA_HOME": scratch.appendingPathComponent("data").path,
                "XDG_STATE_HOME": scratch.appendingPathComponent("state").path, "VISUAL": editor.path,
            ])
        // The list's position shows once its topics are in (Enter before that opens nothing).
        try tmux.waitFor(" · 1/")
        try tmux.send("Enter")
        // The reader is open (at the first post alice has not read) once its position shows.
        try tmux.waitUntil("the reader's position") {
            $0.range(of: #"post \d+ \(\d+/\d+\)"#, options: .regularExpression) != nil
        }
        try tmux.send("R")
        try tmux.waitFor("Reply to the topic · ")
        try tmux.send("-l", "Hello 日本 from the composer? q")
        let typed = try tmux.waitFor("Hello 日本 from the composer? q")
        XCTAssertTrue(typed.contains("C-x send"), "the composer's keys in the status line:\n\(typed)")
        try tmux.send("Enter", "C-t")
        try tmux.waitFor("snippet: ")
        try tmux.send("th", "Tab", "Enter")
        try tmux.waitFor("Thanks for asking about ")
        try tmux.send("C-o")
        try tmux.waitFor("EDITED Hello 日本")
        try tmux.send("C-r")
        try tmux.waitFor("Preview · Reply to the topic")
        try tmux.send("C-r")
        try tmux.waitFor("EDITED Hello 日本")
        try tmux.send("Escape")
        try tmux.waitFor("Close the composer?")
        try tmux.send("d")
        let closed = try tmux.waitFor("discarded")
        XCTAssertFalse(closed.contains("EDITED Hello"), "the pane is gone:\n\(closed)")
        try tmux.send("Q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }
}
