import ForaCore
import Foundation
import XCTest

@testable import ForaTUI

/// A site that keeps drafts with Discourse's sequence rule (a save with a stale sequence while
/// a draft exists is refused), and records accepted solutions.
final class DraftKeepingService: CommunityService, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String: (data: String, sequence: Int)] = [:]
    private var sequences: [String: Int] = [:]
    private(set) var savedSequences: [Int] = []
    private(set) var loads = 0
    private(set) var accepted: [Int] = []
    private(set) var unaccepted: [Int] = []
    var unreachable = false
    let topics = FakeService.topics(5)

    func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    func storedDraft(_ key: String) -> String? { locked { stored[key]?.data } }

    func preload(_ key: String, data: String, sequence: Int) {
        locked {
            stored[key] = (data, sequence)
            sequences[key] = sequence
        }
    }

    func latestTopics(page: Int) async throws -> TopicList { TopicList(topics: page == 0 ? topics : []) }
    func categories() async throws -> [ForaCore.Category] { [] }

    func saveDraft(_ draft: Draft) async throws -> Int {
        try locked {
            if unreachable { throw ForaError.hostUnreachable(host: "demo.test") }
            savedSequences.append(draft.sequence)
            let current = sequences[draft.key] ?? 0
            if draft.sequence != current, stored[draft.key] != nil { throw ForaError.conflict("draft error") }
            stored[draft.key] = (draft.data ?? "", current)
            return current
        }
    }

    func draft(key: String) async throws -> Draft? {
        try locked {
            if unreachable { throw ForaError.hostUnreachable(host: "demo.test") }
            loads += 1
            return stored[key].map { Draft(key: key, data: $0.data, sequence: $0.sequence) }
        }
    }

    func deleteDraft(key: String, sequence: Int) async throws {
        try locked {
            if unreachable { throw ForaError.hostUnreachable(host: "demo.test") }
            if sequence != sequences[key] ?? 0 { throw ForaError.conflict("draft error") }
            stored[key] = nil
            sequences[key] = sequence + 1
        }
    }

    func post(id: Int) async throws -> Post {
        Post(id: id, postNumber: id - 1000, username: "alice", raw: "The text on the site")
    }

    func acceptSolution(postID: Int) async throws { locked { accepted.append(postID) } }
    func unacceptSolution(postID: Int) async throws { locked { unaccepted.append(postID) } }
}

/// The composer's drafts on the site (Discourse's `/drafts.json`) and accepting a solution
/// from the reader, on a grid terminal with a fake site.
final class SiteDraftsTests: XCTestCase, @unchecked Sendable, AppDriving {
    let runner = TestRunner()

    @MainActor
    private func makeApp(service: DraftKeepingService, hooks: ComposerHooks = ComposerHooks())
        -> (AppController, GridTerminal)
    {
        let grid = GridTerminal(rows: 30, columns: 80)
        let app = AppController(
            terminal: grid, service: service, siteTitle: "http://demo.test",
            readerSource: FakeReaderSource(postCount: 12, solution: 4), runner: runner, renderer: FakeRenderer(),
            opener: RecordingOpener())
        var hooks = hooks
        hooks.draftDelay = .zero
        app.composerHooks = hooks
        app.siteDrafts = SiteDrafts(service: service, runner: runner)
        app.start()
        runner.settle()
        press(app, .enter)
        return (app, grid)
    }

    private func reply(in data: String?) -> String? {
        guard let data, let object = try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any]
        else { return nil }
        return object["reply"] as? String
    }

    func testTypingSavesTheDraftToTheSiteAsTheWebComposerWritesIt() throws {
        try MainActor.assumeIsolated {
            let service = DraftKeepingService()
            let (app, _) = makeApp(service: service)
            press(app, .character("R"))
            type(app, "Half a thought about topic one")
            let data = try XCTUnwrap(service.storedDraft("topic_1"))
            XCTAssertEqual(reply(in: data), "Half a thought about topic one")
            XCTAssertTrue(data.contains(#""action":"reply""#), data)
            XCTAssertFalse(app.siteDrafts?.isBusy ?? true)
        }
    }

    func testSendingDeletesTheSitesDraft() {
        MainActor.assumeIsolated {
            let service = DraftKeepingService()
            var hooks = ComposerHooks()
            hooks.send = { _, done in done(.success(SendReceipt(message: "sent"))) }
            let (app, grid) = makeApp(service: service, hooks: hooks)
            press(app, .character("R"))
            type(app, "A complete answer to the question")
            XCTAssertNotNil(service.storedDraft("topic_1"))
            press(app, .character("\u{18}"))
            XCTAssertNil(app.composer, grid.text)
            XCTAssertNil(service.storedDraft("topic_1"), "sent: the site's draft is gone")
        }
    }

    func testASiteDraftComesBackWhenThisMachineHasNone() {
        MainActor.assumeIsolated {
            let service = DraftKeepingService()
            service.preload(
                "topic_1", data: #"{"reply":"Started in the browser","action":"reply","replyToPostNumber":3}"#,
                sequence: 4)
            let (app, grid) = makeApp(service: service)
            press(app, .character("R"))
            let composer = app.composer as? ComposerScreen
            XCTAssertEqual(composer?.body.text, "Started in the browser")
            XCTAssertEqual(composer?.target.replyToPostNumber, 3)
            XCTAssertTrue(grid.text.contains("draft restored from the site"), grid.text)
            type(app, " and finished here")
            XCTAssertEqual(reply(in: service.storedDraft("topic_1")), "Started in the browser and finished here")
            XCTAssertEqual(service.savedSequences, [4], "the sequence the site sent back, no conflict")
        }
    }

    func testTheLocalDraftWinsAndTheSiteIsNotAsked() {
        MainActor.assumeIsolated {
            let service = DraftKeepingService()
            service.preload("topic_1", data: #"{"reply":"Older text on the site"}"#, sequence: 0)
            var hooks = ComposerHooks()
            hooks.loadDraft = { topicID in
                topicID == 1 ? ComposedPost(raw: "Journaled on this machine", topicID: 1) : nil
            }
            let (app, _) = makeApp(service: service, hooks: hooks)
            press(app, .character("R"))
            XCTAssertEqual((app.composer as? ComposerScreen)?.body.text, "Journaled on this machine")
            XCTAssertEqual(service.loads, 0)
        }
    }

    func testTextTypedBeforeTheSiteAnswersIsNeverReplaced() {
        MainActor.assumeIsolated {
            let service = DraftKeepingService()
            service.preload("topic_1", data: #"{"reply":"From the browser"}"#, sequence: 0)
            let (app, _) = makeApp(service: service)
            app.handle(.character("R"))  // the site's answer is still queued
            app.handle(.character("M"))
            runner.settle()
            XCTAssertEqual((app.composer as? ComposerScreen)?.body.text, "M")
        }
    }

    func testAStaleSequenceIsRefreshedAndTheSaveRetriedOnce() {
        MainActor.assumeIsolated {
            let service = DraftKeepingService()
            let drafts = SiteDrafts(service: service, runner: runner)
            service.preload("topic_2", data: #"{"reply":"saved in another window"}"#, sequence: 7)
            drafts.save(ComposedPost(raw: "typed here", topicID: 2))
            runner.settle()
            XCTAssertEqual(service.savedSequences, [0, 7])
            XCTAssertEqual(reply(in: service.storedDraft("topic_2")), "typed here")
        }
    }

    func testADeleteThatDidNotReachTheSiteKeepsItsStaleCopyFromComingBack() {
        MainActor.assumeIsolated {
            let service = DraftKeepingService()
            let drafts = SiteDrafts(service: service, runner: runner)
            let post = ComposedPost(raw: "queued while offline", topicID: 3)
            drafts.save(post)
            runner.settle()
            service.unreachable = true
            drafts.delete(post)
            runner.settle()
            service.unreachable = false
            var restored: ComposedPost?? = .none
            drafts.load(topicID: 3) { restored = .some($0) }
            runner.settle()
            XCTAssertEqual(restored, .some(nil), "the stale copy is not offered")
            XCTAssertNil(service.storedDraft("topic_3"), "and the delete went through this time")
        }
    }

    func testSiteDraftsAreOnUnlessTheConfigurationSaysNo() {
        XCTAssertTrue(TUIConfig.parse("").siteDrafts)
        XCTAssertFalse(TUIConfig.parse("[tui]\nsite-drafts = false\n").siteDrafts)
    }

    func testEditsKeepTheirDraftsLocal() {
        let edit = PostEdit(postID: 9, postNumber: 2, originalRaw: "old")
        XCTAssertNil(SiteDrafts.key(for: ComposedPost(raw: "new", topicID: 1, edit: edit)))
        XCTAssertEqual(SiteDrafts.key(for: ComposedPost(raw: "x", topicID: 1)), "topic_1")
        XCTAssertEqual(SiteDrafts.key(for: ComposedPost(raw: "x")), "new_topic")
        XCTAssertEqual(SiteDrafts.key(for: ComposedPost(raw: "x", recipients: "bob")), "new_private_message")
        let data = SiteDrafts.data(for: ComposedPost(raw: "Body", title: "Title", categoryID: 5, tags: ["a"]))
        XCTAssertEqual(
            SiteDrafts.post(fromData: data, topicID: nil),
            ComposedPost(raw: "Body", title: "Title", categoryID: 5, tags: ["a"]))
    }

    // MARK: Kept edits

    func testEditingAgainBringsTheKeptEditDraftBackNotTheSitesText() {
        MainActor.assumeIsolated {
            let service = DraftKeepingService()
            var hooks = ComposerHooks()
            hooks.loadEditDraft = { postID in
                postID == 1001 ? ("My kept edit, half done", "The text when I began") : nil
            }
            let (app, grid) = makeApp(service: service, hooks: hooks)
            app.username = "alice"
            press(app, .character("e"))
            let screen = app.composer as? ComposerScreen
            XCTAssertEqual(screen?.body.text, "My kept edit, half done", grid.text)
            XCTAssertEqual(
                screen?.target.edit?.originalRaw, "The text when I began", "the conflict check compares with this")
            XCTAssertTrue(grid.text.contains("your kept draft is back"), grid.text)
        }
    }

    func testEditingWithoutAKeptDraftStartsFromTheSitesText() {
        MainActor.assumeIsolated {
            let (app, _) = makeApp(service: DraftKeepingService())
            app.username = "alice"
            press(app, .character("e"))
            let screen = app.composer as? ComposerScreen
            XCTAssertEqual(screen?.body.text, "The text on the site")
            XCTAssertEqual(screen?.target.edit?.originalRaw, "The text on the site")
        }
    }

    // MARK: Solutions

    func testSAcceptsThePostAtTheTopAndTheListShowsTheCheck() {
        MainActor.assumeIsolated {
            let service = DraftKeepingService()
            let (app, grid) = makeApp(service: service)
            press(app, .character("S"))
            XCTAssertEqual(app.status.message, "the first post asks the question; pick a reply as the solution")
            XCTAssertEqual(service.accepted, [])
            press(app, .character("J"), .character("S"))
            XCTAssertEqual(service.accepted, [1002], "post #2's id")
            XCTAssertTrue(grid.text.contains("#2 is the solution"), grid.text)
            XCTAssertEqual(app.list.topics.first { $0.id == 1 }?.hasAcceptedAnswer, true)
        }
    }

    func testSOnTheSolutionUnacceptsIt() {
        MainActor.assumeIsolated {
            let service = DraftKeepingService()
            let (app, _) = makeApp(service: service)
            press(app, .character("4"), .character("G"))
            XCTAssertEqual(app.reader?.currentPostNumber, 4)
            press(app, .character("S"))
            XCTAssertEqual(service.unaccepted, [1004])
            XCTAssertEqual(service.accepted, [])
        }
    }
}
