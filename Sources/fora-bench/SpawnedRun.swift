// Runs a program as a child (posix_spawn, no shell) and reports its exit status, wall time,
// CPU time and peak resident memory, for the side-by-side benchmarks.
//
// The peak is GNU time's `%M` when /usr/bin/time is there, not this process's wait4
// `ru_maxrss`: posix_spawn's child shares the parent's memory until exec, and Linux carries
// that high-water mark into the child's ru_maxrss, so a benchmark process that had grown to
// 57 MB saw every child "peak" at 57 MB. time forks from a small process, so its child starts
// clean.
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

struct SpawnedRun {
    var status: Int32
    var milliseconds: Double
    /// The child's peak RSS in MB.
    var peakMB: Double
    /// User plus system CPU time of the child, from the same rusage.
    var cpuMilliseconds: Double
    /// What it wrote to stdout (and stderr), when asked to keep it.
    var output: String

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `argv` to its end with `environment`, stdin from /dev/null; stdout and stderr go to
    /// a file that is read back when `keepOutput`, else to /dev/null. Killed after `timeout` s.
    static func run(
        _ argv: [String], environment: [String: String], keepOutput: Bool = false, timeout: Double = 120
    ) throws -> SpawnedRun {
        guard argv.first != nil else { throw Failure(description: "empty command") }
        let peakPath = NSTemporaryDirectory() + "fora-bench-peak-\(getpid())-\(UUID())"
        defer { try? FileManager.default.removeItem(atPath: peakPath) }
        let timer = "/usr/bin/time"
        let measured = FileManager.default.isExecutableFile(atPath: timer)
        let command = measured ? [timer, "-f", "%M", "-o", peakPath] + argv : argv
        let executable = command[0]
        let outputPath = keepOutput ? NSTemporaryDirectory() + "fora-bench-out-\(getpid())-\(UUID())" : "/dev/null"
        defer { if keepOutput { try? FileManager.default.removeItem(atPath: outputPath) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // The child starts with no signal blocked and the usual signals at their defaults: it
        // would otherwise inherit the mask of the pool thread that spawns it, which blocks
        // SIGTERM and SIGHUP (a tmux server spawned so never exited on kill-server, nor did
        // fora in its pane).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGCHLD] { sigaddset(&defaults, number) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let cArgs = command.map { strdup($0) } + [nil]
        let cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in cArgs + cEnv { free(pointer) } }

        let start = ContinuousClock.now
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attributes, cArgs, cEnv)
        guard rc == 0 else {
            throw Failure(description: "cannot start \(executable): \(String(cString: strerror(rc)))")
        }
        // A watchdog kills a hung child; wait4 then returns at once.
        let finished = ManagedAtomicFlag()
        let child = pid
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
            if !finished.isSet { kill(child, SIGKILL) }
        }
        var status: Int32 = 0
        var usage = rusage()
        var waited: pid_t
        repeat { waited = wait4(pid, &status, 0, &usage) } while waited == -1 && errno == EINTR
        let elapsed = millisecondsSince(start)
        finished.set()
        let signal = status & 0x7f
        let output = keepOutput ? (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" : ""
        return SpawnedRun(
            status: signal == 0 ? (status >> 8) & 0xff : 128 + signal, milliseconds: elapsed,
            peakMB: (measured ? peakKilobytes(peakPath) : Double(usage.ru_maxrss)) / 1024,
            cpuMilliseconds: Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
                + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000,
            output: output)
    }

    /// The last line of GNU time's output file (a failed command adds a line before it).
    private static func peakKilobytes(_ path: String) -> Double {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").last.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } ?? 0
    }

    /// The release `fora` built beside this benchmark, or nil after saying why the caller skips.
    static func foraBesideBenchmark() -> String? {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let fora = folder.appendingPathComponent("fora").path
        guard FileManager.default.isExecutableFile(atPath: fora) else {
            print("skipped: \(fora) is missing (swift build -c release --product fora)")
            return nil
        }
        return fora
    }

    /// The first executable called `name` on PATH or in the usual places.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/bin"]
        return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// A flag set once from one thread and read from another.
final class ManagedAtomicFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
