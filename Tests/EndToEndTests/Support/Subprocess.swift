import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A child process started with `posix_spawn` and reaped with `waitpid`, with a hard deadline.
///
/// Foundation's `Process` on Linux was seen to leave a finished `tmux` client as a zombie and
/// block forever in `waitUntilExit`, which hung the whole suite in CI. End-to-end tests must
/// never hang, so every child here has a deadline after which it is killed, and its output
/// goes to a file (never a pipe, which a daemon forked by the child could hold open).
final class Subprocess {
    struct Result {
        let status: Int32
        let output: String
        /// stderr when it was kept apart from stdout, else empty.
        let errorOutput: String
        let timedOut: Bool
    }

    struct SpawnError: Error, CustomStringConvertible {
        let description: String
    }

    let pid: pid_t
    let outputPath: String
    /// Where stderr goes when kept apart from stdout.
    let errorPath: String?
    private var reaped = false
    private var exitCode: Int32 = -1

    /// Starts `argv` (no shell) with stdout and stderr into a temporary file and stdin from /dev/null.
    init(_ argv: [String], environment: [String: String]? = nil, separateStderr: Bool = false) throws {
        guard let executable = argv.first else { throw SpawnError(description: "empty command") }
        outputPath = NSTemporaryDirectory() + "fora-e2e-out-\(UUID().uuidString)"
        errorPath = separateStderr ? outputPath + ".err" : nil
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if let errorPath {
            posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }

        let env = environment ?? ProcessInfo.processInfo.environment
        let envStrings = env.map { "\($0.key)=\($0.value)" }
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = envStrings.map { strdup($0) } + [nil]
        defer {
            for pointer in cArgs + cEnv { free(pointer) }
        }
        var child: pid_t = 0
        let resolved = executable.contains("/") ? executable : (Self.which(executable) ?? executable)
        let rc = posix_spawn(&child, resolved, &actions, nil, cArgs, cEnv)
        guard rc == 0 else {
            throw SpawnError(description: "cannot start \(executable): \(String(cString: strerror(rc)))")
        }
        pid = child
    }

    deinit {
        if !reaped {
            kill(pid, SIGKILL)
            _ = reap(deadline: Date().addingTimeInterval(2))
        }
        try? FileManager.default.removeItem(atPath: outputPath)
        if let errorPath { try? FileManager.default.removeItem(atPath: errorPath) }
    }

    /// What the child has written so far.
    var output: String { Self.read(outputPath) }

    /// What the child has written to stderr so far, when it was kept apart.
    var errorOutput: String { errorPath.map(Self.read) ?? "" }

    private static func read(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }

    /// True once the child has exited (and has been reaped).
    var hasExited: Bool { reap(deadline: nil) }

    /// Waits for the child to exit; kills it with SIGKILL when `timeout` passes first.
    @discardableResult
    func wait(timeout: TimeInterval) -> Result {
        if reap(deadline: Date().addingTimeInterval(timeout)) {
            return Result(status: exitCode, output: output, errorOutput: errorOutput, timedOut: false)
        }
        kill(pid, SIGKILL)
        _ = reap(deadline: Date().addingTimeInterval(5))
        return Result(status: exitCode, output: output, errorOutput: errorOutput, timedOut: true)
    }

    /// Sends SIGTERM, then SIGKILL if the child has not exited within `grace`.
    func stop(grace: TimeInterval = 5) {
        guard !reap(deadline: nil) else { return }
        kill(pid, SIGTERM)
        if !reap(deadline: Date().addingTimeInterval(grace)) {
            kill(pid, SIGKILL)
            _ = reap(deadline: Date().addingTimeInterval(5))
        }
    }

    /// Polls `waitpid(WNOHANG)` until the child exits or the deadline passes (nil: poll once).
    private func reap(deadline: Date?) -> Bool {
        if reaped { return true }
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                reaped = true
                // WIFEXITED / WEXITSTATUS / WTERMSIG, spelled out: the macros do not import.
                let signal = status & 0x7f
                exitCode = signal == 0 ? (status >> 8) & 0xff : 128 + signal
                return true
            }
            if result == -1 && errno != EINTR {
                reaped = true
                return true
            }
            guard let deadline, Date() < deadline else { return false }
            usleep(20_000)
        }
    }

    /// Runs `argv` to completion within `timeout` seconds.
    static func run(
        _ argv: [String], environment: [String: String]? = nil, separateStderr: Bool = false,
        timeout: TimeInterval = 30
    ) throws -> Result {
        try Subprocess(argv, environment: environment, separateStderr: separateStderr).wait(timeout: timeout)
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
