import Foundation
import XCTest

/// Drives a real program in a detached tmux session on its own server socket, the way a user
/// would see it: keys in with `send-keys`, the screen out with `capture-pane`.
final class TmuxSession {
    let socket: String
    let name = "fora-e2e"
    /// Where the wrapper writes the program's exit status when it ends.
    private let statusPath: String

    /// Starts `command` (argv, run without a shell) in a `width`×`height` pane.
    init(command: [String], width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        guard Subprocess.which("tmux") != nil else {
            throw XCTSkip("tmux is not installed (make test installs it); skipping end-to-end test")
        }
        socket = "fora-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        statusPath = NSTemporaryDirectory() + "\(socket).status"
        // remain-on-exit is set before the pane exists, so even a program that exits at once
        // leaves its pane (and last screen) behind to be read.
        var args = [
            "start-server", ";", "set-option", "-g", "remain-on-exit", "on", ";",
            "new-session", "-d", "-s", name, "-x", String(width), "-y", String(height),
        ]
        let env = ["LANG": "C.UTF-8", "TERM": "tmux-256color", "FORA_E2E_STATUS": statusPath].merging(environment) {
            $1
        }
        for (key, value) in env.sorted(by: { $0.key < $1.key }) { args += ["-e", "\(key)=\(value)"] }
        // The exit status is written to a file by a wrapper rather than read from tmux's
        // #{pane_dead_status}: tmux 3.3a resets SIGCHLD to SIG_DFL while it waits for a helper
        // child, and a pane program that exits in that window is never reaped, so the pane
        // never reads as dead. The command stays an argv ("$@"); nothing is re-parsed.
        args += ["/bin/sh", "-c", "\"$@\"; echo $? > \"$FORA_E2E_STATUS\"", "fora-e2e"] + command
        try tmux(args)
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: statusPath)
    }

    /// The visible screen as text, one line per row.
    func capture() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    /// The visible screen with its colours and attributes as SGR escape sequences.
    func captureWithEscapes() throws -> String { try tmux(["capture-pane", "-e", "-p", "-t", name]) }

    /// Where the terminal's cursor is (0-based column and row), as a screen reader finds it.
    func cursor() throws -> (x: Int, y: Int) {
        let text = try tmux(["display-message", "-p", "-t", name, "#{cursor_x},#{cursor_y}"])
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").compactMap { Int($0) }
        guard parts.count == 2 else { throw Subprocess.SpawnError(description: "tmux gave no cursor: \(text)") }
        return (parts[0], parts[1])
    }

    /// Sends keys as tmux names them (`j`, `Enter`, `C-d`, `q`).
    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// Waits until the screen contains `text`; fails with the last screen when it never does.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 20, file: StaticString = #filePath, line: UInt = #line) throws
        -> String
    {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if screen.contains(text) { return screen }
            usleep(50_000)
        }
        XCTFail("timed out waiting for \(text.debugDescription); screen:\n\(screen)", file: file, line: line)
        return screen
    }

    /// Waits until `condition` holds for the screen (`description` says what for the failure).
    @discardableResult
    func waitUntil(
        _ description: String, timeout: TimeInterval = 20, file: StaticString = #filePath, line: UInt = #line,
        _ condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if condition(screen) { return screen }
            usleep(50_000)
        }
        XCTFail("timed out waiting for \(description); screen:\n\(screen)", file: file, line: line)
        return screen
    }

    /// The pid of the program the pane runs (the child of the wrapper shell), nil once it ended.
    func programPID() throws -> pid_t? {
        let shell = try tmux(["display-message", "-p", "-t", name, "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let children = FileManager.default.contents(atPath: "/proc/\(shell)/task/\(shell)/children") ?? Data()
        if let pid = String(decoding: children, as: UTF8.self).split(separator: " ").first.flatMap({ pid_t($0) }) {
            return pid
        }
        // Kernels without CONFIG_PROC_CHILDREN: ask pgrep.
        let found = try Subprocess.run(["pgrep", "-P", shell], timeout: 10).output
        return found.split(whereSeparator: \.isWhitespace).first.flatMap { pid_t($0) }
    }

    /// nil while the program runs, else its exit status.
    func exitStatus() throws -> Int32? {
        guard let data = FileManager.default.contents(atPath: statusPath) else { return nil }
        return Int32(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func waitForExit(timeout: TimeInterval = 10) throws -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let status = try exitStatus() { return status }
            usleep(50_000)
        }
        return nil
    }

    /// Runs one tmux command on this session's own server socket; a tmux that does not answer
    /// within 15 s fails the test instead of hanging the suite.
    @discardableResult
    private func tmux(_ args: [String]) throws -> String {
        let executable = Subprocess.which("tmux") ?? "/usr/bin/tmux"
        let result = try Subprocess.run([executable, "-L", socket, "-f", "/dev/null"] + args, timeout: 15)
        if result.timedOut {
            throw Subprocess.SpawnError(description: "tmux \(args.first ?? "") did not return within 15 s")
        }
        return result.output
    }
}
