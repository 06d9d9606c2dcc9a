// Bytes the real ncurses driver writes per scroll step (issue 6): the release `fora` in a
// 120x40 tmux pane against the demo server, its output copied by `tmux pipe-pane -O` (the
// bytes the program wrote to its terminal), one key at a time. Only the changed cells should
// be sent, so a step must cost a small fraction of a full-screen repaint (C-l, measured the
// same way).
import ForaNet
import Foundation

enum RedrawBytesBenchmark {
    static let steps = 20

    static func run() async throws {
        guard let tmux = SpawnedRun.which("tmux") else {
            print("skipped: tmux is not installed (scripts/install-deps.sh test)")
            return
        }
        guard let fora = SpawnedRun.foraBesideBenchmark() else { return }
        print(machineLine())
        let server = try BenchServer.start(scale: 0)
        defer { server.stop() }
        try measure(tmux: tmux, fora: fora, server: server, linear: false)
        // A screen reader reads whatever changes: the linear mode must not repaint more.
        try measure(tmux: tmux, fora: fora, server: server, linear: true)
    }

    static func measure(tmux: String, fora: String, server: BenchServer, linear: Bool) throws {
        let mode = linear ? "linear mode (FORA_SCREEN_READER=1)" : "standard look"
        let home = NSTemporaryDirectory() + "fora-bench-redraw-\(getpid())-\(linear ? "linear" : "standard")"
        defer { try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let pane = try TmuxPane(
            tmux: tmux, socket: "fora-bench-\(getpid())-\(linear ? "l" : "s")", command: fora, log: home + "/output",
            environment: NewsboatBenchmark.isolatedEnvironment(home: home, site: server.baseURL).merging([
                "TERM": "tmux-256color", "LANG": "C.UTF-8", "FORA_SCREEN_READER": linear ? "1" : "0",
            ]) { $1 }.filter { $0.key != "NO_COLOR" })
        defer { pane.stop() }
        print(
            "\(mode): fora in tmux 120x40 (TERM=tmux-256color), demo server \(server.baseURL), output via pipe-pane")

        let megathread = try megathreadTitle(server.baseURL)
        try pane.waitFor(megathread.prefix(30).description)
        _ = pane.settledBytes()
        let listFull = Samples((0..<3).map { _ in Double(pane.bytes(after: ["C-l"])) })
        let listSteps = Samples((0..<steps).map { _ in Double(pane.bytes(after: ["j"])) })
        // From the top again: three half pages fit in the 60 topics the list holds.
        _ = pane.bytes(after: ["g"])
        let listPages = Samples((0..<3).map { _ in Double(pane.bytes(after: ["C-d"])) })
        print(report("thread list, j", listSteps, full: listFull.median))
        print(report("thread list, C-d", listPages, full: listFull.median))

        // The 1,500-post megathread, found with the list's own search.
        _ = pane.bytes(after: ["/"])
        _ = pane.bytes(after: ["-l", String(megathread.prefix(30))])
        _ = pane.bytes(after: ["Enter"])
        _ = pane.bytes(after: ["Enter"])
        try pane.waitFor(linear ? "post 1 of " : "post 1 (1/")
        _ = pane.settledBytes()
        let readerFull = Samples((0..<3).map { _ in Double(pane.bytes(after: ["C-l"])) })
        let readerSteps = Samples((0..<steps).map { _ in Double(pane.bytes(after: ["j"])) })
        let readerPages = Samples((0..<10).map { _ in Double(pane.bytes(after: ["C-d"])) })
        print(report("reader (1,500-post topic), j", readerSteps, full: readerFull.median))
        print(report("reader, C-d", readerPages, full: readerFull.median))
        print(
            String(
                format: "full-screen repaint (C-l): list %.0f bytes, reader %.0f bytes", listFull.median,
                readerFull.median))
    }

    static func report(_ name: String, _ samples: Samples, full: Double) -> String {
        String(
            format:
                "%@: median %.0f bytes per step (min %.0f, max %.0f; %d steps) = %.1f %% of a full repaint (%.0f bytes)",
            name, samples.median, samples.percentile(0), samples.maximum, samples.count,
            100 * samples.median / max(1, full), full)
    }

    /// The seeded community's megathread (topic 10, 1,500 posts), by its title.
    static func megathreadTitle(_ base: String) throws -> String {
        let answer = try SpawnedRun.run(
            ["/usr/bin/curl", "-sS", "--max-time", "30", base + "/t/10.json"], environment: [:], keepOutput: true)
        guard let object = try JSONSerialization.jsonObject(with: Data(answer.output.utf8)) as? [String: Any],
            let title = object["title"] as? String, (object["posts_count"] as? Int ?? 0) >= 1_000
        else { throw SpawnedRun.Failure(description: "the demo server has no megathread at /t/10.json") }
        return title
    }
}

/// A program in a detached tmux pane on a private server socket, its output appended to a
/// file by `pipe-pane -O`; keys go in with `send-keys`.
final class TmuxPane {
    let tmux: String
    let socket: String
    let log: String
    let name = "bench"

    init(tmux: String, socket: String, command: String, log: String, environment: [String: String]) throws {
        self.tmux = tmux
        self.socket = socket
        self.log = log
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        var arguments = ["new-session", "-d", "-s", name, "-x", "120", "-y", "40"]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        try run(arguments + [command])
        try run(["pipe-pane", "-O", "-t", name, "cat >> '\(log)'"])
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let result = try SpawnedRun.run(
            [tmux, "-L", socket] + arguments, environment: ProcessInfo.processInfo.environment, keepOutput: true,
            timeout: 30)
        guard result.status == 0 else {
            throw SpawnedRun.Failure(description: "tmux \(arguments.first ?? ""): \(result.output)")
        }
        return result.output
    }

    func stop() { _ = try? run(["kill-server"]) }

    func waitFor(_ text: String, timeout: Double = 30) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try run(["capture-pane", "-p", "-t", name])
            if screen.contains(text) { return }
            usleep(50_000)
        }
        throw SpawnedRun.Failure(description: "never saw \(text.debugDescription) on the screen:\n\(screen)")
    }

    var size: Int {
        ((try? FileManager.default.attributesOfItem(atPath: log))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// The log's size once it has not grown for 300 ms.
    func settledBytes() -> Int {
        var last = size
        var stableSince = Date()
        while Date().timeIntervalSince(stableSince) < 0.3 {
            usleep(20_000)
            let now = size
            if now != last {
                last = now
                stableSince = Date()
            }
        }
        return last
    }

    /// The bytes the program wrote in answer to `keys`.
    func bytes(after keys: [String]) -> Int {
        let before = settledBytes()
        _ = try? run(["send-keys", "-t", name] + keys)
        return settledBytes() - before
    }
}
