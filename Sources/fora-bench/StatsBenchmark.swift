import ForaCore
import ForaStore
import Foundation

/// `fora-bench stats`: the community-health report over the generated store of 1,000,000
/// posts (the one `fora-bench store` builds), for the whole community, one category and the
/// last 30 days. Goal: ≤ 200 ms for the whole report.
enum StatsBenchmark {
    static func run() async throws {
        let (path, _) = try StoreBenchmark.generatedStore()
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(NetworkBenchmark.hostDescription())")
        let start = DispatchTime.now()
        let store = try Store.open(at: path)  // the first open after an upgrade builds the health indexes
        print(String(format: "open (and upgrade, once): %.0f ms", StoreBenchmark.elapsedMs(since: start)))
        defer { try? store.close() }
        let newestPost = Int64(1_790_000_000_000)  // the generator's epoch: the newest post is just before it
        let scopes: [(String, HealthScope)] = [
            ("whole community", HealthScope(untilMs: newestPost)),
            ("one category", HealthScope(untilMs: newestPost, categoryID: 5)),
            ("last 30 days", HealthScope(sinceMs: newestPost - 30 * 86_400_000, untilMs: newestPost)),
        ]
        for (name, scope) in scopes {
            var samples = StoreQuerySamples()
            var health: CommunityHealth?
            for _ in 0..<11 { health = try samples.time { try store.communityHealth(scope) } }
            samples.report("report, \(name)", goal: 200)
            if let health {
                print(
                    "  \(health.topics) topics, \(health.posts) posts by \(health.posters) posters, "
                        + "\(health.answered) answered")
            }
        }
    }
}
