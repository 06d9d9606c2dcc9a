// fora and newsboat side by side on the same content (issue 4): the demo community synced
// into fora's store (`fora sync --all`) and, as RSS from the same demo server, into
// newsboat's cache (one feed per synced topic, each with every post: the topic feed's
// `?limit=` demo extension). Then each is started N times with its cache full, as separate
// processes: `newsboat -x print-unread` against `fora --offline latest`, wall time and peak
// RSS (wait4's ru_maxrss), and the ratios.
import Foundation

enum NewsboatBenchmark {
    static let runs = 21

    static func run() async throws {
        guard let newsboat = SpawnedRun.which("newsboat") else {
            print("skipped: newsboat is not installed (apt-get install newsboat, or scripts/install-deps.sh test)")
            return
        }
        guard let fora = SpawnedRun.foraBesideBenchmark() else { return }
        print(machineLine())
        let server = try BenchServer.start(scale: 0)
        defer { server.stop() }
        let home = NSTemporaryDirectory() + "fora-bench-newsboat-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(atPath: home + "/newsboat", withIntermediateDirectories: true)
        let environment = isolatedEnvironment(home: home, site: server.baseURL)

        // fora's store.
        let sync = try SpawnedRun.run([fora, "sync", "--all"], environment: environment, keepOutput: true)
        guard sync.status == 0 else { throw SpawnedRun.Failure(description: "fora sync failed: \(sync.output)") }
        let listed = try SpawnedRun.run(
            [fora, "--offline", "--json", "latest", "--limit", "100000"], environment: environment, keepOutput: true)
        let topics = try topicIDs(fromJSON: listed.output)
        print("fora: \(sync.output.trimmingCharacters(in: .whitespacesAndNewlines)) (fora sync --all)")

        // newsboat's cache: the same topics, every post.
        let urls = home + "/newsboat/urls"
        let cache = home + "/newsboat/cache.db"
        let config = home + "/newsboat/config"
        try topics.map { "\(server.baseURL)/t/\($0).rss?limit=100000" }.joined(separator: "\n")
            .write(toFile: urls, atomically: true, encoding: .utf8)
        try "reload-threads 4\n".write(toFile: config, atomically: true, encoding: .utf8)
        let newsboatArguments = [newsboat, "-u", urls, "-c", cache, "-C", config, "-x"]
        let reload = try SpawnedRun.run(
            newsboatArguments + ["reload"], environment: environment, keepOutput: true, timeout: 600)
        guard reload.status == 0 else {
            throw SpawnedRun.Failure(description: "newsboat reload failed: \(reload.output)")
        }
        let unread = try SpawnedRun.run(
            newsboatArguments + ["print-unread"], environment: environment, keepOutput: true)
        print(
            "newsboat: \(topics.count) topic feeds, \(unread.output.trimmingCharacters(in: .whitespacesAndNewlines)) "
                + String(format: "(reload took %.1f s); cache %.1f MB", reload.milliseconds / 1000, megabytes(cache)))
        let store = storePath(home: home)
        print(String(format: "fora store: %.1f MB (with its WAL)", megabytes(store) + megabytes(store + "-wal")))

        // Interleaved, after one warm-up each, so both see the same machine load.
        var foraTimes = Samples()
        var foraMemory = Samples()
        var newsboatTimes = Samples()
        var newsboatMemory = Samples()
        var foraCPU = Samples()
        var newsboatCPU = Samples()
        let foraArguments = [fora, "--offline", "latest"]
        _ = try SpawnedRun.run(foraArguments, environment: environment)
        _ = try SpawnedRun.run(newsboatArguments + ["print-unread"], environment: environment)
        for _ in 0..<runs {
            let ours = try SpawnedRun.run(foraArguments, environment: environment)
            let theirs = try SpawnedRun.run(newsboatArguments + ["print-unread"], environment: environment)
            guard ours.status == 0, theirs.status == 0 else {
                throw SpawnedRun.Failure(description: "exit statuses: fora \(ours.status), newsboat \(theirs.status)")
            }
            foraTimes.append(ours.milliseconds)
            foraMemory.append(ours.peakMB)
            newsboatTimes.append(theirs.milliseconds)
            newsboatMemory.append(theirs.peakMB)
            foraCPU.append(ours.cpuMilliseconds)
            newsboatCPU.append(theirs.cpuMilliseconds)
        }
        print(foraTimes.line("fora --offline latest, start to exit"))
        print(newsboatTimes.line("newsboat -x print-unread, start to exit"))
        print(foraCPU.line("fora --offline latest, CPU time (user + system)"))
        print(newsboatCPU.line("newsboat -x print-unread, CPU time (user + system)"))
        print(
            String(
                format: "peak RSS: fora median %.1f MB (max %.1f), newsboat median %.1f MB (max %.1f)",
                foraMemory.median, foraMemory.maximum, newsboatMemory.median, newsboatMemory.maximum))
        // What any run of the binary costs before it does anything: the runtime and libraries.
        var floorTimes = Samples()
        var floorMemory = Samples()
        for _ in 0..<5 {
            let version = try SpawnedRun.run([fora, "--version"], environment: environment)
            floorTimes.append(version.milliseconds)
            floorMemory.append(version.peakMB)
        }
        print(
            String(
                format:
                    "  fora's floor (`fora --version`): median %.1f ms, %.1f MB peak RSS (Swift runtime, Foundation, ICU)",
                floorTimes.median, floorMemory.median))
        print(
            String(
                format:
                    "ratios (newsboat / fora): wall time %.2fx (median), %.2fx (p90); CPU time %.2fx (median); memory %.2fx (median)",
                newsboatTimes.median / foraTimes.median, newsboatTimes.percentile(90) / foraTimes.percentile(90),
                newsboatCPU.median / max(0.001, foraCPU.median), newsboatMemory.median / foraMemory.median))
    }

    /// A private HOME and XDG folders, the demo site, and no credentials from the caller.
    static func isolatedEnvironment(home: String, site: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("FORA_") }
        environment["HOME"] = home
        environment["XDG_DATA_HOME"] = home + "/data"
        environment["XDG_CONFIG_HOME"] = home + "/config"
        environment["XDG_CACHE_HOME"] = home + "/cache"
        environment["FORA_SITE"] = site
        environment["NO_COLOR"] = "1"
        return environment
    }

    static func topicIDs(fromJSON text: String) throws -> [Int] {
        guard let array = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else {
            throw SpawnedRun.Failure(description: "fora --offline --json latest printed no array: \(text.prefix(200))")
        }
        return array.compactMap { $0["id"] as? Int }
    }

    /// fora's database under the private XDG data folder (there is one site).
    static func storePath(home: String) -> String {
        let folder = home + "/data/fora"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.first { $0.hasSuffix(".sqlite") }.map { folder + "/" + $0 } ?? folder
    }

    static func megabytes(_ path: String) -> Double {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return Double((attributes?[.size] as? NSNumber)?.intValue ?? 0) / 1_048_576
    }
}
