import Foundation
import XCTest

/// Drives a real program in a detached tmux session on its own server socket, the way a user
/// would see it: keys in with `send-keys`, the screen out with `capture-pane`.
final class TmuxSession {
    let socket: String
    let name = "fora-e2e"

    /// Starts `command` (argv, run without a shell) in a `width`×`height` pane.
    init(command: [String], width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        guard Self.which("tmux") != nil else {
            throw XCTSkip("tmux is not installed (make test installs it); skipping end-to-end test")
        }
        socket = "fora-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        // remain-on-exit is set before the pane exists, so even a program that exits at once
        // leaves its pane (and exit status) behind to be read.
        var args = [
            "start-server", ";", "set-option", "-g", "remain-on-exit", "on", ";",
            "new-session", "-d", "-s", name, "-x", String(width), "-y", String(height),
        ]
        let env = ["LANG": "C.UTF-8", "TERM": "tmux-256color"].merging(environment) { $1 }
        for (key, value) in env.sorted(by: { $0.key < $1.key }) { args += ["-e", "\(key)=\(value)"] }
        args += command
        try tmux(args)
    }

    deinit { try? tmux(["kill-server"]) }

    /// The visible screen as text, one line per row.
    func capture() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

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

    /// nil while the program runs, else its exit status.
    func exitStatus() throws -> Int32? {
        let out = try tmux(["display-message", "-p", "-t", name, "#{pane_dead} #{pane_dead_status}"])
        let parts = out.split(separator: " ")
        guard parts.first == "1", parts.count > 1 else { return nil }
        return Int32(parts[1].trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func waitForExit(timeout: TimeInterval = 10) throws -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let status = try exitStatus() { return status }
            usleep(50_000)
        }
        return nil
    }

    @discardableResult
    private func tmux(_ args: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.which("tmux") ?? "/usr/bin/tmux")
        process.arguments = ["-L", socket, "-f", "/dev/null"] + args
        // Output goes to a file, not a pipe: the tmux server forked by the first command
        // inherits the client's descriptors, so reading a pipe to its end would never finish.
        let outputPath = NSTemporaryDirectory() + "fora-e2e-tmux-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: outputPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try output.close()
        let data = FileManager.default.contents(atPath: outputPath) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func which(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
