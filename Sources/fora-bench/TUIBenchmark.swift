// The interface on the in-memory grid driver over the generated store of 1,000,000 posts
// (issue 6): launch to first frame (open the store, build the app, draw; then the first frame
// with the list in it), and key to finished frame while scrolling the thread list (j/k,
// C-d/C-u) and the 10,000-post topic in the reader. A frame is finished when `draw()` has
// returned: on the grid nothing more happens (ncurses' diff and write are measured by the
// `redraw` benchmark in tmux). Posts the reader asks for arrive between keys, as results do
// in the real loop between polls; the frame their arrival draws is timed as its own sample.
import ForaStore
import ForaTUI
import Foundation

@MainActor
enum TUIBenchmark {
    static let keyGoal = 5.0
    static let launchGoal = 100.0

    static func run() async throws {
        print(machineLine())
        let path = try BenchStoreCopy.make()
        defer { BenchStoreCopy.remove(path) }
        print("store: a private copy of the generated store (50,000 topics, 1,000,000 posts), grid 120x40")
        try measureLaunch(path)
        try measureList(path)
        try measureReader(path)
    }

    // MARK: Launch

    static func measureLaunch(_ path: String) throws {
        var firstFrame = Samples()
        var listFrame = Samples()
        for _ in 0..<15 {
            let start = ContinuousClock.now
            let store = try Store.open(at: path)
            let runner = BenchRunner()
            let (app, grid) = BenchApp.make(store: store, runner: runner)
            app.draw()
            firstFrame.append(millisecondsSince(start))
            while app.list.state != .loaded {
                if runner.settle() == 0 { usleep(100) }
            }
            app.draw()
            listFrame.append(millisecondsSince(start))
            guard app.list.topics.count >= 60, grid.text.contains(app.list.topics[0].title.prefix(10)) else {
                throw SpawnedRun.Failure(
                    description: "the list did not show (\(app.list.topics.count) topics):\n\(grid.text)")
            }
            try store.close()
        }
        print(firstFrame.line("launch → first frame (store opened, app built, frame drawn: \"Loading…\")"))
        print(listFrame.line("launch → first frame with the list (60 topics read from the store)"))
        print(
            String(
                format: "  goal ≤ %.0f ms: median %.1f ms %@", launchGoal, listFrame.median,
                listFrame.median <= launchGoal ? "ok" : "MISSED"))
        processStart()
    }

    /// The part an in-process launch leaves out: starting the binary (loader, Swift runtime).
    static func processStart() {
        let fora = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("fora").path
        guard FileManager.default.isExecutableFile(atPath: fora) else { return }
        var starts = Samples()
        for _ in 0..<11 {
            guard let run = try? SpawnedRun.run([fora, "--version"], environment: ProcessInfo.processInfo.environment)
            else { return }
            starts.append(run.milliseconds)
        }
        print(starts.line("  plus the process itself: `fora --version` spawned, start to exit"))
    }

    // MARK: Thread list

    static func measureList(_ path: String) throws {
        let store = try Store.open(at: path)
        defer { try? store.close() }
        let runner = BenchRunner()
        let (app, _) = BenchApp.make(store: store, runner: runner)
        BenchApp.settle(app, runner)
        var lines = TimedSamples()
        var pages = TimedSamples()
        let count = app.list.topics.count
        for _ in 0..<10 {
            for _ in 0..<count { BenchApp.key(app, .character("j"), into: &lines) }
            for _ in 0..<count { BenchApp.key(app, .character("k"), into: &lines) }
            for _ in 0..<8 { BenchApp.key(app, .character("\u{04}"), into: &pages) }
            for _ in 0..<8 { BenchApp.key(app, .character("\u{15}"), into: &pages) }
        }
        print(lines.lines("thread list (\(count) topics), j/k → finished frame", goal: keyGoal))
        print(pages.lines("thread list, C-d/C-u → finished frame", goal: keyGoal))
    }

    // MARK: Reader

    static func measureReader(_ path: String) throws {
        let store = try Store.open(at: path)
        defer { try? store.close() }
        let runner = BenchRunner()
        let (app, _) = BenchApp.make(store: store, runner: runner)
        BenchApp.settle(app, runner)
        var open = TimedSamples()
        BenchApp.key(app, .enter, into: &open)
        let openStart = ContinuousClock.now
        BenchApp.settle(app, runner)
        let loaded = millisecondsSince(openStart)
        guard let reader = app.reader, reader.stream.count == StoreBenchmark.bigTopicPosts else {
            print("error: the reader did not open the 10,000-post topic")
            return
        }
        print(
            String(
                format:
                    "reader: Enter → frame %.2f ms; topic of %d posts read from the store and drawn in %.2f ms more",
                open.wall.median, reader.stream.count, loaded))
        var lines = TimedSamples()
        var pages = TimedSamples()
        var arrivals = TimedSamples()
        var windows = Samples()
        func key(_ event: InputEvent, into samples: inout TimedSamples) {
            BenchApp.key(app, event, into: &samples)
            let waitStart = ContinuousClock.now
            guard runner.settle() > 0 else { return }
            windows.append(millisecondsSince(waitStart))
            arrivals.time { app.draw() }
            BenchApp.settle(app, runner)
        }
        for _ in 0..<1_500 { key(.character("\u{04}"), into: &pages) }
        let deep = reader.currentPostNumber ?? 0
        for _ in 0..<1_000 { key(.character("j"), into: &lines) }
        key(.character("G"), into: &pages)
        for _ in 0..<500 { key(.character("k"), into: &lines) }
        for _ in 0..<500 { key(.character("\u{15}"), into: &pages) }
        print(lines.lines("reader (10,000-post topic), j/k → finished frame", goal: keyGoal))
        print(pages.lines("reader, C-d/C-u/G → finished frame (C-d ×1500 reached post \(deep))", goal: keyGoal))
        print(windows.line("  posts asked for → arrived from the store (background, waited for between keys)"))
        print(arrivals.lines("  arrival of posts → finished frame", goal: keyGoal))
    }
}
