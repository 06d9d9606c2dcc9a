/// Not written yet: see the issue that owns it.
enum NetworkBenchmark {
    static func run() async throws { print("not written yet") }
}
