// fora-bench: the project's benchmarks, run in a release build (`make bench`).
// `fora-bench` runs them all; `fora-bench NAME…` runs the named ones.
import Foundation

/// One benchmark family; each lives in its own file and prints its own figures.
struct Benchmark {
    let name: String
    let summary: String
    let run: () async throws -> Void
}

let benchmarks: [Benchmark] = [
    Benchmark(name: "render", summary: "cooked HTML rendering throughput vs w3m", run: RenderBenchmark.run),
    Benchmark(name: "net", summary: "topic fetching over libcurl vs the server's ceiling", run: NetworkBenchmark.run),
    Benchmark(name: "store", summary: "offline store latency, FTS and sync vs newsboat", run: StoreBenchmark.run),
    Benchmark(
        name: "triage", summary: "review queue: action key to the next item on screen, 0 and 300 ms latency",
        run: TriageBenchmark.run),
]

let requested = Set(CommandLine.arguments.dropFirst())
for benchmark in benchmarks where requested.isEmpty || requested.contains(benchmark.name) {
    print("== \(benchmark.name): \(benchmark.summary)")
    do {
        try await benchmark.run()
    } catch {
        print("error: \(benchmark.name) failed: \(error)")
        exit(1)
    }
}
