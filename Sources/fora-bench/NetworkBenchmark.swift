import DemoServer
import DemoServerTLS
// The network benchmark: fetching whole topics (the 1,500-post megathread and the generated
// 10,000-post topic) through fora's HTTP client at concurrency 1, 4 and 8, side by side with
// the demo server's own ceiling for the same requests measured by curl's parallel mode; the same
// at concurrency 8 over HTTP/2 with TLS (multiplexed on one connection); and JSON decoding
// throughput. The server runs as a separate process so peak memory is fora's.
import DiscourseBackend
import ForaCore
import ForaNet
import Foundation

enum NetworkBenchmark {
    static let concurrencies = [1, 4, 8]
    static let runs = 3

    static func run() async throws {
        let server = try BenchServer.start()
        defer { server.stop() }
        print("server: \(server.baseURL) (fora-demo-server --scale 1, separate process, loopback)")
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(hostDescription())")
        let probe = DiscourseService(site: SiteConfiguration(baseURL: server.baseURL), pacing: .off)
        let big = try await bigTopicID(probe)
        var worstRatio = 0.0
        for (name, id) in [("megathread (1,500 posts)", 10), ("generated topic (10,000 posts)", big)] {
            // Warm-up: the server materialises generated posts on first read.
            let warm = try await probe.topic(id: id)
            let urls = requestURLs(for: warm, base: server.baseURL, batch: probe.postBatchSize)
            print("\n\(name): topic \(id), \(warm.posts.count) posts, \(urls.count) requests per fetch")
            print("  conc  fora time   fora req/s  peak RSS    curl time   curl req/s  fora/curl")
            for concurrency in concurrencies {
                let fora = try await timeFora(
                    base: server.baseURL, id: id, concurrency: concurrency, expected: warm.posts.count)
                let curl = try timeCurl(urls: urls, concurrency: concurrency)
                let ratio = fora.seconds / curl
                if concurrency == 8 { worstRatio = max(worstRatio, ratio) }
                print(
                    String(
                        format: "  %4d  %8.3f s  %10.0f  %7.1f MB  %8.3f s  %10.0f  %8.2fx", concurrency, fora.seconds,
                        Double(urls.count) / fora.seconds, fora.peakMB, curl, Double(urls.count) / curl, ratio))
            }
        }
        print(String(format: "\nworst fora/curl at concurrency 8: %.2fx (goal ≤ 1.5x)", worstRatio))
        try await decodeThroughput(base: server.baseURL, topicID: big)
        try await http2OverTLS(topics: [("megathread (1,500 posts)", 10), ("generated topic (10,000 posts)", big)])
    }

    /// Concurrency 8 against the demo server in its TLS mode (HTTP/2 by ALPN), with a CA
    /// made for the run: fora multiplexes over one connection, curl is told `--http2`.
    static func http2OverTLS(topics: [(String, Int)]) async throws {
        let authority = try ThrowawayCertificateAuthority(name: "fora bench CA")
        defer { authority.remove() }
        let server = try BenchServer.start(
            arguments: [
                "--port", "0", "--scale", "1", "--tls-cert", authority.serverCertificate, "--tls-key",
                authority.serverKey,
            ])
        defer { server.stop() }
        print("\nHTTP/2 over TLS: \(server.baseURL) (throwaway CA, same topics)")
        print(
            "  topic                            conc  fora time   fora req/s  peak RSS    curl time   curl req/s  fora/curl"
        )
        for (name, id) in topics {
            let client = HTTPClient(
                configuration: HTTPClientConfiguration(maximumConcurrentTransfers: 8, caFile: authority.caFile))
            let probe = DiscourseService(site: SiteConfiguration(baseURL: server.baseURL), client: client, pacing: .off)
            let warm = try await probe.topic(id: id)
            let urls = requestURLs(for: warm, base: server.baseURL, batch: probe.postBatchSize)
            let check = try await client.fetch(HTTPRequest(url: urls[0]))
            let fora = try await timeFora(
                base: server.baseURL, id: id, concurrency: 8, expected: warm.posts.count, caFile: authority.caFile)
            let curl = try timeCurl(
                urls: urls, concurrency: 8, extra: ["--http2", "--cacert", authority.caFile], immediate: false)
            let figures = String(
                format: "  %4d  %8.3f s  %10.0f  %7.1f MB  %8.3f s  %10.0f  %8.2fx", 8, fora.seconds,
                Double(urls.count) / fora.seconds, fora.peakMB, curl, Double(urls.count) / curl, fora.seconds / curl)
            print(
                "  " + name.padding(toLength: 31, withPad: " ", startingAt: 0) + figures
                    + "  (fora spoke HTTP/\(check.transport.httpVersion))")
        }
    }

    /// The id of the generated 10,000-post topic (the list ordered by posts).
    static func bigTopicID(_ service: DiscourseService) async throws -> Int {
        let response = try await service.client.fetch(
            HTTPRequest(url: service.site.baseURL + "/latest.json?order=posts"))
        let list = try JSONDecoder().decode(TopicList.self, from: Data(response.body))
        guard let topic = list.topics.max(by: { $0.postsCount < $1.postsCount }), topic.postsCount >= 10_000 else {
            throw ForaError.other("the demo server has no 10,000-post topic (was --scale given?)")
        }
        return topic.id
    }

    /// The requests `DiscourseService.topic(id:)` makes: the topic, then the id batches.
    static func requestURLs(for topic: TopicDetail, base: String, batch: Int) -> [String] {
        let first = Set(topic.posts.prefix(topic.chunkSize ?? 20).map(\.id))
        let rest = topic.stream.filter { !first.contains($0) }
        var urls = [base + "/t/\(topic.id).json"]
        for start in stride(from: 0, to: rest.count, by: batch) {
            let ids = rest[start..<min(start + batch, rest.count)]
            urls.append(base + "/t/\(topic.id)/posts.json?" + ids.map { "post_ids%5B%5D=\($0)" }.joined(separator: "&"))
        }
        return urls
    }

    static func timeFora(base: String, id: Int, concurrency: Int, expected: Int, caFile: String? = nil) async throws
        -> (seconds: Double, peakMB: Double)
    {
        var best = Double.infinity
        var peak = 0.0
        for _ in 0..<runs {
            let client = HTTPClient(
                configuration: HTTPClientConfiguration(maximumConcurrentTransfers: concurrency, caFile: caFile))
            let service = DiscourseService(site: SiteConfiguration(baseURL: base), client: client, pacing: .off)
            Memory.resetPeak()
            let started = Date()
            let topic = try await service.topic(id: id)
            best = min(best, Date().timeIntervalSince(started))
            peak = max(peak, Memory.peakMB())
            guard topic.posts.count == expected else {
                throw ForaError.other("fetched \(topic.posts.count) posts, expected \(expected)")
            }
        }
        return (best, peak)
    }

    /// curl's parallel mode fetching the same URLs, bodies discarded: the loopback ceiling.
    static func timeCurl(urls: [String], concurrency: Int, extra: [String] = [], immediate: Bool = true) throws
        -> Double
    {
        let config = NSTemporaryDirectory() + "fora-bench-curl-\(getpid()).conf"
        let lines = urls.map { "url = \"\($0)\"\noutput = \"/dev/null\"" }.joined(separator: "\n")
        try lines.write(toFile: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: config) }
        var best = Double.infinity
        for _ in 0..<runs {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            process.arguments =
                [
                    "-sS", "--no-progress-meter", "--fail", "-H", "Accept: application/json", "--compressed",
                    "--max-time", "120", "-K", config,
                ] + extra
                + (concurrency > 1
                    ? ["--parallel", "--parallel-max", String(concurrency)]
                        + (immediate ? ["--parallel-immediate"] : [])
                    : [])
            process.standardError = FileHandle.nullDevice
            let started = Date()
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw ForaError.other("curl failed (\(process.terminationStatus))")
            }
            best = min(best, Date().timeIntervalSince(started))
        }
        return best
    }

    /// Decoding the big topic's batches with the client's models, bodies already in memory.
    static func decodeThroughput(base: String, topicID: Int) async throws {
        let client = HTTPClient(configuration: HTTPClientConfiguration(maximumConcurrentTransfers: 8))
        let service = DiscourseService(site: SiteConfiguration(baseURL: base), client: client, pacing: .off)
        let first = try await client.fetch(HTTPRequest(url: base + "/t/\(topicID).json"))
        let topic = try JSONDecoder().decode(TopicDetail.self, from: Data(first.body))
        var bodies: [[UInt8]] = []
        for url in requestURLs(for: topic, base: base, batch: service.postBatchSize).dropFirst() {
            bodies.append(try await client.fetch(HTTPRequest(url: url)).body)
        }
        let bytes = bodies.reduce(0) { $0 + $1.count }
        var best = Double.infinity
        var bestCPU = Double.infinity
        var posts = 0
        for _ in 0..<runs {
            let started = Date()
            let startedCPU = threadCPUSeconds()
            posts = 0
            // What the service does with each body (`ResponseJSON`: the byte reader, else JSONDecoder).
            for body in bodies { posts += try ResponseJSON.decode(PostBatch.self, from: body).posts.count }
            bestCPU = min(bestCPU, threadCPUSeconds() - startedCPU)
            best = min(best, Date().timeIntervalSince(started))
        }
        let megabytes = Double(bytes) / 1e6
        print(
            String(
                format:
                    "\nJSON decoding: %d posts, %.1f MB in %.3f s wall = %.0f MB/s; %.3f s CPU = %.0f MB/s (goal ≥ 100 MB/s)",
                posts, megabytes, best, megabytes / best, bestCPU, megabytes / bestCPU))
        // The other realistic payloads, and each through JSONDecoder alone (the tolerant path,
        // which the byte reader falls back to) for comparison.
        let topicBody = first.body
        let list = try await client.fetch(HTTPRequest(url: base + "/latest.json?per_page=100")).body
        func cpuRate(_ body: () throws -> Void) rethrows -> Double {
            var best = Double.infinity
            for _ in 0..<runs {
                let started = threadCPUSeconds()
                try body()
                best = min(best, threadCPUSeconds() - started)
            }
            return best
        }
        let batchesSlow = try cpuRate {
            for body in bodies { _ = try JSONDecoder().decode(PostBatch.self, from: Data(body)) }
        }
        let topicFast = try cpuRate {
            for _ in 0..<20 { _ = try ResponseJSON.decode(TopicDetail.self, from: topicBody) }
        }
        let topicSlow = try cpuRate {
            for _ in 0..<20 { _ = try JSONDecoder().decode(TopicDetail.self, from: Data(topicBody)) }
        }
        let listFast = try cpuRate { for _ in 0..<20 { _ = try ResponseJSON.decode(TopicList.self, from: list) } }
        let listSlow = try cpuRate {
            for _ in 0..<20 { _ = try JSONDecoder().decode(TopicList.self, from: Data(list)) }
        }
        let topicMB = Double(topicBody.count * 20) / 1e6
        let listMB = Double(list.count * 20) / 1e6
        print(
            String(
                format:
                    "  CPU MB/s, fora (JSONDecoder only): post batches %.0f (%.0f); topic %.0f (%.0f); topic list %.0f (%.0f)",
                megabytes / bestCPU, megabytes / batchesSlow, topicMB / topicFast, topicMB / topicSlow,
                listMB / listFast,
                listMB / listSlow))
        // References on the same bytes: a minimal Codable struct, and untyped JSONSerialization.
        struct Minimal: Decodable {
            struct Stream: Decodable {
                struct Item: Decodable {
                    var id: Int
                    var cooked: String
                }
                var posts: [Item]
            }
            var post_stream: Stream  // swift-format-ignore: AlwaysUseLowerCamelCase
        }
        var minimalCPU = Double.infinity
        var untypedCPU = Double.infinity
        for _ in 0..<runs {
            var started = threadCPUSeconds()
            for body in bodies { _ = try JSONDecoder().decode(Minimal.self, from: Data(body)) }
            minimalCPU = min(minimalCPU, threadCPUSeconds() - started)
            started = threadCPUSeconds()
            for body in bodies { _ = try JSONSerialization.jsonObject(with: Data(body)) }
            untypedCPU = min(untypedCPU, threadCPUSeconds() - started)
        }
        print(
            String(
                format: "  references (CPU): minimal Codable (id, cooked) %.0f MB/s; JSONSerialization %.0f MB/s",
                megabytes / minimalCPU, megabytes / untypedCPU))
    }

    /// CPU time of the calling thread: decoding speed without the other processes' share.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func hostDescription() -> String {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") })
        else { return "unknown CPU" }
        return line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }
}

/// Peak resident memory of this process (VmHWM), reset between runs via clear_refs.
enum Memory {
    static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    static func peakMB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes / 1024
    }
}

/// `fora-demo-server` from the same build folder, on an ephemeral loopback port.
final class BenchServer {
    let process = Process()
    let baseURL: String

    /// - Parameter arguments: the server's options (the default adds the generated topics).
    static func start(arguments: [String] = ["--port", "0", "--scale", "1"]) throws -> BenchServer {
        try BenchServer(arguments: arguments)
    }

    /// `scale` 1 adds the generated 10,000-post topic; 0 is the seeded community alone.
    static func start(scale: Int) throws -> BenchServer {
        try BenchServer(arguments: ["--port", "0", "--scale", String(scale)])
    }

    private init(arguments: [String]) throws {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // The TLS mode is its own executable, so that the plain one stays free of swift-nio-ssl.
        let name = arguments.contains("--tls-cert") ? "fora-demo-server-tls" : "fora-demo-server"
        process.executableURL = folder.appendingPathComponent(name)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        var seen = Data()
        let deadline = Date().addingTimeInterval(60)
        var found: String?
        while found == nil, Date() < deadline {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
            let text = String(decoding: seen, as: UTF8.self)
            if let range = text.range(of: #"https?://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                found = String(text[range])
            }
        }
        guard let found else {
            process.terminate()
            throw ForaError.other("\(name) did not start: \(String(decoding: seen, as: UTF8.self))")
        }
        baseURL = found
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}
