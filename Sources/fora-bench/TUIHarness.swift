// What the interface benchmarks share: the app on the in-memory grid driver over a store,
// a background runner whose results the benchmark hands back itself (between timed keys,
// as the real input loop does between polls), and a list service reading the store.
import ForaCore
import ForaStore
import ForaTUI
import Foundation

/// Background work runs on the cooperative pool; `settle()` waits for it and delivers the
/// results on the calling (UI) thread. Timers (sleeps) longer than `settle`'s patience are
/// left running and their results dropped: the benchmarks time keys, not timers.
final class BenchRunner: BackgroundRunner, @unchecked Sendable {
    private let lock = NSLock()
    private var jobs: [@MainActor () -> Bool] = []

    func run<T: Sendable>(
        _ work: @escaping @Sendable () async throws -> T,
        then: @escaping @MainActor @Sendable (Result<T, any Error>) -> Void
    ) {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                box.value = .success(try await work())
            } catch {
                box.value = .failure(error)
            }
            done.signal()
        }
        let job: @MainActor () -> Bool = {
            guard done.wait(timeout: .now() + 0.5) == .success, let result = box.value else { return false }
            then(result)
            return true
        }
        lock.withLock { jobs.append(job) }
    }

    /// Delivers every finished result (and those of the work they start); the count delivered.
    @MainActor @discardableResult
    func settle() -> Int {
        var delivered = 0
        while let job = lock.withLock({ jobs.isEmpty ? nil : jobs.removeFirst() }) {
            if job() { delivered += 1 }
        }
        return delivered
    }
}

private final class ResultBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Result<T, any Error>?
    var value: Result<T, any Error>? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// The latest list from the store, a page at a time, as the app shows it when offline.
struct StoreListService: CommunityService {
    let store: Store
    let pageSize = 30

    func latestTopics(page: Int) async throws -> TopicList {
        let topics = try store.topics(inList: "latest", offset: page * pageSize, limit: pageSize).map(\.topic)
        // A full page says another may follow, as Discourse's `more_topics_url` does.
        return TopicList(topics: topics, moreTopicsURL: topics.count == pageSize ? "/latest?page=\(page + 1)" : nil)
    }

    func categories() async throws -> [ForaCore.Category] { try store.categories() }
}

/// A reader source for topics the store lacks: there are none in the benchmark.
struct NoNetworkReaderSource: ReaderDataSource {
    func topic(id: Int) async throws -> ReaderTopic { throw ForaError.other("offline benchmark") }
    func posts(topicID: Int, positions: Range<Int>) async throws -> [ReaderPost] {
        throw ForaError.other("offline benchmark")
    }
}

/// A private copy of the generated 1,000,000-post store (reading marks topics read, and the
/// store benchmark's copy must stay as generated).
enum BenchStoreCopy {
    static func make() throws -> String {
        let (generated, _) = try StoreBenchmark.generatedStore()
        let copy = NSTemporaryDirectory() + "fora-bench-tui-\(getpid()).sqlite"
        remove(copy)
        try FileManager.default.copyItem(atPath: generated, toPath: copy)
        return copy
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

@MainActor
enum BenchApp {
    /// The app as `fora` builds it over a store (list and reader from the store, the real
    /// renderer), on a grid of `rows`×`columns`, started; nothing settled yet.
    static func make(store: Store, rows: Int = 40, columns: Int = 120, runner: BenchRunner) -> (
        AppController, GridTerminal
    ) {
        let grid = GridTerminal(rows: rows, columns: columns)
        let app = AppController(
            terminal: grid, service: StoreListService(store: store), siteTitle: "http://bench.invalid",
            readerSource: StoreFirstReaderSource(store: store, network: NoNetworkReaderSource()), runner: runner)
        app.start()
        return (app, grid)
    }

    /// Waits (untimed) until background results stop arriving, drawing after each delivery.
    static func settle(_ app: AppController, _ runner: BenchRunner) {
        while runner.settle() > 0 { app.draw() }
    }

    /// One key, timed from `handle` to the end of `draw` (the frame is finished on the grid).
    static func key(_ app: AppController, _ event: InputEvent, into samples: inout TimedSamples) {
        samples.time {
            app.handle(event)
            app.draw()
        }
    }
}
