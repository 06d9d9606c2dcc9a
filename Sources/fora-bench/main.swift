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
    Benchmark(name: "store", summary: "offline store latency, FTS and sync throughput", run: StoreBenchmark.run),
    Benchmark(
        name: "newsboat", summary: "start with a full cache: fora --offline latest vs newsboat, time and memory",
        run: NewsboatBenchmark.run),
    Benchmark(
        name: "tui", summary: "grid driver: launch to first frame, key to frame in list and reader",
        run: TUIBenchmark.run),
    Benchmark(
        name: "composer", summary: "grid driver: keystroke to echo, also in a 20,000-character draft",
        run: ComposerBenchmark.run),
    Benchmark(
        name: "redraw", summary: "ncurses in tmux: bytes written per scroll step vs a full repaint",
        run: RedrawBytesBenchmark.run),
    Benchmark(
        name: "stats", summary: "community health over 1,000,000 cached posts (goal ≤ 200 ms)",
        run: StatsBenchmark.run),
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
