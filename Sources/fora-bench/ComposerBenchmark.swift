// Keystroke to echo in the composer (issue 7) on the grid driver: the reply pane open under
// the reader of the generated store's 10,000-post topic, characters typed through the app
// (`handle` then `draw`, as the input loop does) into an empty draft, and into a draft of
// 20,000 characters at its end and in its middle. Goal: p99 ≤ 2 ms. Saving the draft is not
// on the key path (a timer does it at most once a second); its cost is timed on its own.
import ForaStore
import ForaTUI
import Foundation

@MainActor
enum ComposerBenchmark {
    static let goal = 2.0
    static let draftCharacters = 20_000

    static func run() async throws {
        print(machineLine())
        let path = try BenchStoreCopy.make()
        defer { BenchStoreCopy.remove(path) }
        let store = try Store.open(at: path)
        defer { try? store.close() }
        print("grid 120x40; reply pane (12 rows) under the reader; text typed as a person would, with spaces and Enter")

        let (empty, emptyApp) = try openComposer(store)
        var typed = TimedSamples()
        type(text(2_000), into: emptyApp, samples: &typed)
        print(typed.lines("empty draft, 2,000 keys → echo drawn", goal: goal))
        _ = empty

        let (composer, app) = try openComposer(store)
        let long = draft(characters: draftCharacters)
        let pasteStart = ContinuousClock.now
        app.handle(.paste(long))
        app.draw()
        let paste = millisecondsSince(pasteStart)
        guard composer.text(of: .body).count >= draftCharacters else {
            print("error: the paste did not reach the composer")
            return
        }
        print(String(format: "pasting the %d-character draft → frame: %.1f ms", long.count, paste))
        var atEnd = TimedSamples()
        type(text(2_000), into: app, samples: &atEnd)
        print(atEnd.lines("\(draftCharacters)-character draft, typing at its end", goal: goal))
        for _ in 0..<150 { app.handle(.up) }
        var inMiddle = TimedSamples()
        type(text(1_000), into: app, samples: &inMiddle)
        print(inMiddle.lines("\(draftCharacters)-character draft, typing 150 lines above its end", goal: goal))
        var moves = TimedSamples()
        for index in 0..<400 { BenchApp.key(app, index % 40 < 20 ? .up : .down, into: &moves) }
        print(moves.lines("\(draftCharacters)-character draft, Up/Down → frame", goal: goal))

        // The draft's journaling, off the key path: what the timer's save costs the UI thread.
        let journal = DraftJournal(store: store, interval: .zero)
        var saves = Samples()
        for index in 0..<20 {
            let body = composer.text(of: .body) + String(index)
            let start = ContinuousClock.now
            journal.update(Draft(key: "bench-\(getpid())", topicID: 1, body: body))
            saves.append(millisecondsSince(start))
        }
        try? store.deleteDraft(key: "bench-\(getpid())")
        print(saves.line("  saving the \(draftCharacters)-character draft to the store (≤ once a second)"))
    }

    /// The app over the store with the big topic open and a reply composer under it.
    static func openComposer(_ store: Store) throws -> (ComposerScreen, AppController) {
        let runner = BenchRunner()
        let (app, _) = BenchApp.make(store: store, runner: runner)
        BenchApp.settle(app, runner)
        app.handle(.enter)
        BenchApp.settle(app, runner)
        app.handle(.character("R"))
        app.draw()
        guard let composer = app.composer as? ComposerScreen else {
            throw SpawnedRun.Failure(description: "R did not open the composer")
        }
        return (composer, app)
    }

    static func type(_ text: String, into app: AppController, samples: inout TimedSamples) {
        for character in text { BenchApp.key(app, character == "\n" ? .enter : .character(character), into: &samples) }
    }

    /// Prose: words, commas, a line break now and then.
    static func text(_ count: Int) -> String {
        let words = [
            "the", "backup", "finished", "but", "the", "library", "still", "shows", "old", "thumbnails,", "so", "I",
            "tried", "again", "after", "restarting", "and", "it", "worked.", "Thanks", "for", "the", "tip!",
        ]
        var out = ""
        var index = 0
        while out.count < count {
            out += words[index % words.count]
            out += index % 17 == 16 ? "\n" : " "
            index += 1
        }
        return String(out.prefix(count))
    }

    /// A long draft: paragraphs of prose with blank lines between them.
    static func draft(characters: Int) -> String {
        var out = ""
        while out.count < characters { out += text(600) + "\n\n" }
        return String(out.prefix(characters))
    }
}
