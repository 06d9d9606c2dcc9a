// The store benchmark: a store generated with 50,000 topics and 1,000,000 posts (built once
// straight through the store's API, then cached under the temporary directory), timed for
// what the screen needs offline: open + first screenful of the latest list, the first and a
// later window of a 10,000-post topic, FTS queries, and peak memory; then sync throughput
// from a demo server in a separate process.
import DiscourseBackend
import ForaCore
import ForaNet
import ForaStore
import Foundation

enum StoreBenchmark {
    static let topicCount = 50_000
    static let postCount = 1_000_000
    static let bigTopicPosts = 10_000
    static let marker = "fora-bench generated 50000x1000000 v2"

    static func run() async throws {
        let (path, generated) = try generatedStore()
        if generated {
            // Generating leaves this process's heap large: measure in a fresh one.
            let child = Process()
            child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            child.arguments = ["store"]
            try child.run()
            child.waitUntilExit()
            return
        }
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(NetworkBenchmark.hostDescription())")
        Memory.resetPeak()
        let baseline = Memory.peakMB()
        try measureReading(path)
        print(
            String(
                format: "peak RSS while reading: %.1f MB (goal ≤ 60 MB; %.1f MB before opening)", Memory.peakMB(),
                baseline))
        try await measureSync()
    }

    // MARK: Reading

    static func measureReading(_ path: String) throws {
        var opens: [Double] = []
        for _ in 0..<15 {
            let start = DispatchTime.now()
            let store = try Store.open(at: path)
            let screen = try store.topics(inList: "latest", offset: 0, limit: 50)
            opens.append(elapsedMs(since: start))
            precondition(screen.count == 50)
            try store.close()
        }
        report("open + first 50 rows of latest", opens, goal: 30)

        let store = try Store.open(at: path)
        defer { try? store.close() }
        var firsts: [Double] = []
        var laters: [Double] = []
        var random = SeededGenerator(seed: 7)
        for _ in 0..<25 {
            var start = DispatchTime.now()
            let first = try store.posts(topicID: 1, from: 1, limit: 100)
            firsts.append(elapsedMs(since: start))
            precondition(first.count == 100)
            let from = Int.random(in: 101...(bigTopicPosts - 100), using: &random)
            start = DispatchTime.now()
            let later = try store.posts(topicID: 1, from: from, limit: 100)
            laters.append(elapsedMs(since: start))
            precondition(later.count == 100)
        }
        report("first 100 posts of the 10,000-post topic", firsts, goal: 10)
        report("a later window of 100 posts", laters, goal: 5)

        let queries = [
            "backup", "timeout", "album sharing", "keyboard shortcut", "sync", "calibration", "lumen export",
            "photo library", "restore fails", "night mode", "stor", "permission denied", "firmware", "lens",
            "import", "raw", "camera update", "thumb", "slow upload", "metadata",
        ]
        // Wall time is what a user waits; CPU time (the process's) is what the query costs,
        // which on a shared, loaded machine can be far less than the wait.
        var searches = StoreQuerySamples()
        var hits = 0
        for query in queries + queries {
            hits += try searches.time { try store.search(query, limit: 20).count }
        }
        searches.report("FTS query (20 best, snippets; \(queries.count) queries ×2, \(hits) hits)", goal: 20)
        var typing = StoreQuerySamples()
        for query in queries + queries {
            _ = try typing.time { try store.search(query, limit: 20, prefixLastWord: true) }
        }
        typing.report("FTS as you type (last word a prefix)", goal: 20)
        // The worst case: the most common word of the generated text, in most posts.
        var seeded = SeededGenerator(seed: 42)
        let common = Vocabulary(random: &seeded).words[0]
        var worst = StoreQuerySamples()
        for _ in 0..<5 {
            _ = try worst.time { try store.search(common, limit: 20) }
        }
        let matches = try store.searchMatchCount(common)
        worst.report("FTS worst case (\"\(common)\", \(matches) matching posts)", goal: 20)
        let stats = try store.stats()
        print(
            String(
                format: "store: %d topics, %d posts, %.0f MB on disk", stats.topics, stats.posts,
                Double(stats.fileBytes) / 1_048_576))
    }

    // MARK: Sync

    static func measureSync() async throws {
        let server = try BenchServer.start()
        defer { server.stop() }
        let directory = NSTemporaryDirectory() + "fora-bench-sync-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try Store.open(at: directory + "/sync.sqlite")
        let client = HTTPClient()
        let base = server.baseURL
        let http = DiscourseHTTP(
            get: { path in
                let request = HTTPRequest(url: base + path, headers: ["Accept": "application/json"])
                let response = try await client.send(request)
                if let error = HTTPStatusMapping.error(for: response, request: request) { throw error }
                return response.body
            },
            send: { _, _, _ in throw ForaError.other("read-only benchmark") })
        for concurrency in [1, 4, 8] {
            try store.clearCache()
            var options = SyncEngine.Options()
            options.topicLimit = 300
            options.concurrency = concurrency
            options.postsPerRequest = 50
            let engine = SyncEngine(store: store, source: DiscourseSyncSource(http: http), options: options)
            Memory.resetPeak()
            let summary = try await engine.run()
            print(
                String(
                    format:
                        "sync (concurrency %d): %@ · %.0f topics/s · %.0f posts/s · %d requests · peak RSS %.1f MB",
                    concurrency, summary.line, Double(summary.topics) / summary.elapsed,
                    Double(summary.posts) / summary.elapsed, summary.requests, Memory.peakMB()))
        }
        let start = DispatchTime.now()
        let again = try await SyncEngine(store: store, source: DiscourseSyncSource(http: http)).run()
        print(
            String(
                format: "re-sync with nothing new: %d requests, %.0f ms", again.requests,
                elapsedMs(since: start)))
        try store.close()
    }

    // MARK: The generated store

    /// The cached generated store, building it when missing or incomplete.
    static func generatedStore() throws -> (path: String, generated: Bool) {
        let directory = NSTemporaryDirectory() + "fora-bench-store"
        let path = directory + "/generated.sqlite"
        if let store = try? Store.open(at: path), (try? store.site())??.title == marker {
            try store.close()
            print("store: cached at \(path)")
            return (path, false)
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        print("store: generating \(topicCount) topics and \(postCount) posts at \(path) (once)…")
        let start = DispatchTime.now()
        let store = try Store.open(at: path)
        try generate(into: store)
        try store.saveSite(StoredSite(baseURL: "http://bench.invalid", username: "bench", title: marker))
        try store.close()
        print(String(format: "store: generated in %.0f s", elapsedMs(since: start) / 1000))
        return (path, true)
    }

    static func generate(into store: Store) throws {
        var random = SeededGenerator(seed: 42)  // the vocabulary first: the worst-case query needs it
        let words = Vocabulary(random: &random)
        var postsPerTopic = [Int](repeating: 0, count: topicCount + 1)
        postsPerTopic[1] = bigTopicPosts
        let rest = postCount - bigTopicPosts
        for id in 2...topicCount {
            postsPerTopic[id] = rest / (topicCount - 1) + (id - 2 < rest % (topicCount - 1) ? 1 : 0)
        }
        let epoch = Date(timeIntervalSince1970: 1_790_000_000)
        func stamp(_ seconds: Int) -> String {
            ISO8601DateFormatter().string(from: epoch.addingTimeInterval(Double(seconds)))
        }
        // Topic 1 is the most recent; the rest in decreasing activity.
        let summaries = (1...topicCount).map { id in
            SyncTopicSummary(
                topic: Topic(
                    id: id, title: words.title(&random), slug: "topic-\(id)", categoryID: 1 + id % 12,
                    postsCount: postsPerTopic[id], replyCount: postsPerTopic[id] - 1,
                    lastPostedAt: stamp(-id * 60), bumpedAt: stamp(-id * 60)),
                highestPostNumber: postsPerTopic[id])
        }
        let generation = try store.beginListSync("latest")
        try store.saveListPage("latest", generation: generation, startPosition: 0, topics: summaries, users: [])
        try store.finishListSync("latest", generation: generation)

        var batch: [StoredPost] = []
        batch.reserveCapacity(10_000)
        var nextID = 1
        for id in 1...topicCount {
            for number in 1...postsPerTopic[id] {
                let text = words.sentence(&random, words: 20 + Int(random.next() % 40))
                batch.append(
                    StoredPost(
                        id: nextID, topicID: id, postNumber: number, username: "user\(nextID % 997)",
                        createdAt: stamp(-id * 60 - (postsPerTopic[id] - number)), cooked: "<p>\(text)</p>",
                        plainText: text))
                nextID += 1
                if batch.count == 10_000 {
                    try store.savePosts(batch)
                    batch.removeAll(keepingCapacity: true)
                    if nextID % 100_000 == 1 { print("  \(nextID - 1) posts") }
                }
            }
        }
        try store.savePosts(batch)
    }

    // MARK: Helpers

    static func elapsedMs(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
    }

    static func report(_ name: String, _ samples: [Double], goal: Double) {
        let sorted = samples.sorted()
        let median = sorted[sorted.count / 2]
        let p90 = sorted[min(sorted.count - 1, sorted.count * 9 / 10)]
        print(
            String(
                format: "%@: median %.2f ms, p90 %.2f ms, max %.2f ms, first %.2f ms (goal ≤ %.0f ms) %@", name, median,
                p90, sorted.last ?? 0, samples.first ?? 0, goal, median <= goal ? "ok" : "MISSED"))
    }
}

/// Wall-clock and process CPU samples of one measured operation.
struct StoreQuerySamples {
    var wall: [Double] = []
    var cpu: [Double] = []

    mutating func time<T>(_ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now()
        let cpuStart = Self.cpuMs()
        let result = try body()
        cpu.append(Self.cpuMs() - cpuStart)
        wall.append(StoreBenchmark.elapsedMs(since: start))
        return result
    }

    func report(_ name: String, goal: Double) {
        StoreBenchmark.report(name, wall, goal: goal)
        let sorted = cpu.sorted()
        print(
            String(
                format: "  CPU time of the same: median %.2f ms, p90 %.2f ms", sorted[sorted.count / 2],
                sorted[min(sorted.count - 1, sorted.count * 9 / 10)]))
    }

    /// CPU time used by this process so far (every thread, so a query served on a GRDB
    /// reader's queue counts).
    static func cpuMs() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) * 1000 + Double(spec.tv_nsec) / 1_000_000
    }
}

/// A deterministic generator (SplitMix64), so every run builds the same store.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Forum-ish words: a few hundred real ones that queries use, and thousands of made-up
/// ones, drawn with a skew so some are common and most are rare (as in real text).
struct Vocabulary {
    let words: [String]

    static let real = """
        backup timeout album sharing keyboard shortcut sync calibration lumen export photo library migration \
        restore fails night mode storage permission denied firmware lens import raw camera update version \
        error crash slow fast settings account login password server network upload download folder file \
        preview thumbnail metadata tag search filter sort date time zone color profile print share link \
        the a to and of in is it that for on with as this was but be have not you are at or from
        """.split(separator: " ").map(String.init)

    init(random: inout SeededGenerator) {
        let syllables = ["ka", "ze", "lo", "mi", "ru", "vo", "ne", "ta", "si", "po", "qu", "xi", "ba", "de", "fu"]
        var made: [String] = []
        for _ in 0..<6_000 {
            let length = 2 + Int(random.next() % 3)
            made.append((0..<length).map { _ in syllables[Int(random.next() % UInt64(syllables.count))] }.joined())
        }
        // Real words from rank 200 on, 40 apart: each is then in roughly 0.3–2 % of posts, as
        // ordinary content words are; the made-up words before them are the very common ones.
        var mixed: [String] = []
        for (index, word) in made.enumerated() {
            let slot = (index - 200) / 40
            if index >= 200, (index - 200) % 40 == 0, slot < Vocabulary.real.count {
                mixed.append(Vocabulary.real[slot])
            }
            mixed.append(word)
        }
        words = mixed
    }

    func word(_ random: inout SeededGenerator) -> String {
        let unit = Double(random.next() % 1_000_000) / 1_000_000
        return words[min(words.count - 1, Int(pow(unit, 3) * Double(words.count)))]
    }

    func sentence(_ random: inout SeededGenerator, words count: Int) -> String {
        (0..<count).map { _ in word(&random) }.joined(separator: " ")
    }

    func title(_ random: inout SeededGenerator) -> String {
        let text = sentence(&random, words: 4 + Int(random.next() % 6))
        return text.prefix(1).uppercased() + text.dropFirst()
    }
}
