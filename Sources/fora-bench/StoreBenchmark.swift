/// Not written yet: see the issue that owns it.
enum StoreBenchmark {
    static func run() async throws { print("not written yet") }
}
