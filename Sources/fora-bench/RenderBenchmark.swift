// Rendering throughput of cooked HTML (goal: 20 MB/s or more in a release build), the render
// cache's hit cost, and `w3m -dump -cols 80` on the same HTML side by side as a ratio.
//
// Times are CPU seconds (this thread's, and w3m's from its rusage), not wall-clock time: the
// build machines are shared, and under load wall time measures the neighbours.
import DemoCommunity
import ForaRender
import Foundation

enum RenderBenchmark {
    static let width = 80

    static func run() async throws {
        let posts = corpus()
        let bytes = posts.reduce(0) { $0 + $1.utf8.count }
        let megabytes = Double(bytes) / 1_048_576
        print("corpus: \(posts.count) cooked posts, \(format(megabytes, 2)) MB (demo community + golden fixtures)")
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, release build, width \(width), CPU time")

        // Cold renders, repeated until at least two CPU seconds have passed.
        let renderer = CookedRenderer()
        var passes = 0
        var lines = 0
        let start = threadCPUSeconds()
        repeat {
            for post in posts { lines += renderer.render(post, width: width).lines.count }
            passes += 1
        } while threadCPUSeconds() - start < 2
        let elapsed = threadCPUSeconds() - start
        let ours = megabytes * Double(passes) / elapsed
        let perPost = elapsed / Double(posts.count * passes) * 1_000_000
        print("fora render, post by post: \(format(ours)) MB/s, \(format(perPost)) µs per post (\(passes) passes)")

        // Scrolling: every post again at the same width comes from the cache.
        let cache = RenderCache(capacity: posts.count * 2)
        for (id, post) in posts.enumerated() { _ = cache.document(post: id, cooked: post, width: width) }
        let cacheStart = threadCPUSeconds()
        for (id, post) in posts.enumerated() { _ = cache.document(post: id, cooked: post, width: width) }
        let hit = (threadCPUSeconds() - cacheStart) / Double(posts.count) * 1_000_000
        let stats = cache.statistics
        print("render cache: \(format(hit, 2)) µs per hit (\(stats.hits) hits, \(stats.misses) misses)")

        // The same HTML as one document, for us and for w3m: one parse each, no start-up cost.
        let joined = posts.joined(separator: "\n<hr>\n")
        var best = Double.infinity
        for _ in 0..<3 {
            let joinedStart = threadCPUSeconds()
            _ = renderer.render(joined, width: width)
            best = min(best, threadCPUSeconds() - joinedStart)
        }
        let oursJoined = megabytes / best
        print("fora render, one document (best of 3): \(format(oursJoined)) MB/s")
        guard let w3mJoined = try w3mCPUSeconds([joined]) else {
            print("w3m: not installed (apt-get install w3m); no comparison")
            return
        }
        let theirsJoined = megabytes / w3mJoined
        print("w3m -dump -cols \(width), one document: \(format(theirsJoined)) MB/s")

        // w3m post by post (one process each, as a reader would run it), on a sample.
        let sample = Array(posts.prefix(200))
        let sampleMegabytes = Double(sample.reduce(0) { $0 + $1.utf8.count }) / 1_048_576
        if let w3mSample = try w3mCPUSeconds(sample) {
            let theirs = sampleMegabytes / w3mSample
            print("w3m -dump -cols \(width), post by post (\(sample.count) processes): \(format(theirs, 2)) MB/s")
            print("ratio post by post: fora is \(format(ours / theirs))× w3m")
        }
        print("ratio on one document: fora is \(format(oursJoined / theirsJoined))× w3m")
    }

    /// Cooked posts of the seeded demo community, plus the golden fixtures when the source
    /// tree is at hand (they cover every construct, hostile input included).
    static func corpus() -> [String] {
        var (data, materializer) = CommunityGenerator(seed: 1, scale: 0).makeCommunity()
        var posts: [String] = []
        for topicId in data.topics.keys.sorted() {
            posts += data.posts(ofTopic: topicId, using: materializer).map(\.cooked)
        }
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Tests/ForaRenderTests/Golden").standardized
        if let names = try? FileManager.default.contentsOfDirectory(atPath: golden.path) {
            for name in names.sorted() where name.hasSuffix(".html") {
                if let html = try? String(contentsOf: golden.appendingPathComponent(name), encoding: .utf8) {
                    posts.append(html)
                }
            }
        }
        return posts
    }

    /// CPU seconds (user + system) w3m spends dumping each document, summed; nil when w3m is
    /// missing. Each run is killed after 120 s.
    static func w3mCPUSeconds(_ documents: [String]) throws -> Double? {
        let path = ["/usr/bin/w3m", "/usr/local/bin/w3m"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else { return nil }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("fora-bench-\(getpid()).html")
        defer { try? FileManager.default.removeItem(at: file) }
        let before = childrenCPUSeconds()
        for html in documents {
            try Data(html.utf8).write(to: file)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = [
                "-dump", "-cols", "\(width)", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", file.path,
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(120)
            while process.isRunning {
                if Date() > deadline {
                    process.terminate()
                    throw BenchmarkError.timedOut
                }
                usleep(1_000)
            }
        }
        return childrenCPUSeconds() - before
    }

    enum BenchmarkError: Error { case timedOut }

    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// CPU time of reaped child processes (w3m).
    static func childrenCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return user + system
    }

    static func format(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }
}
