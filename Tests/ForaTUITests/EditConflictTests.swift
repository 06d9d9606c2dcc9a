import DemoServer
import DiscourseBackend
import ForaCore
import ForaNet
import Foundation
import XCTest

@testable import ForaTUI

/// Editing one's own post from the reader (`e`), and the conflict when someone else edited it
/// meanwhile: a diff and a choice, never a silent overwrite.
final class EditConflictTests: XCTestCase, @unchecked Sendable, AppDriving {
    let runner = TestRunner()
    let drawsEachKey = true

    func testTheLineDiffShowsWhatEachSideHas() {
        XCTAssertEqual(
            LineDiff.diff("a\nb\nc", "a\nB\nc\nd"),
            [.same("a"), .added("B"), .removed("b"), .same("c"), .added("d")])
        XCTAssertEqual(LineDiff.diff("same", "same"), [.same("same")])
    }

    func testAConflictShowsTheDiffAndEachChoiceDoesWhatItSays() {
        MainActor.assumeIsolated {
            let theirs = "Line one\nTheir second line"
            var sent: [ComposedPost] = []
            var attempts = 0
            var target = ComposerTarget(topicID: 1, topicTitle: "T")
            target.edit = PostEdit(postID: 9, postNumber: 2, originalRaw: "Line one")
            var hooks = ComposerHooks()
            hooks.send = { post, done in
                attempts += 1
                sent.append(post)
                if post.edit?.originalRaw != theirs {
                    done(.failure(EditConflict(theirs: theirs)))
                } else {
                    done(.success(SendReceipt(message: "sent")))
                }
            }
            let screen = ComposerScreen(
                target: target, initial: ComposedPost(raw: "Line one\nMy second line"), hooks: hooks)
            let grid = GridTerminal(rows: 12, columns: 80)
            _ = screen.perform(.send, count: nil)
            screen.draw(on: grid, focused: true)
            XCTAssertTrue(grid.text.contains("− Their second line"), grid.text)
            XCTAssertTrue(grid.text.contains("+ My second line"), grid.text)
            XCTAssertTrue(grid.text.contains("  Line one"), grid.text)
            XCTAssertTrue(grid.text.contains("m keep mine"), grid.text)
            XCTAssertEqual(attempts, 1, "nothing more is sent before a choice")

            _ = screen.takeInput(.character("e"), bound: false)
            XCTAssertEqual(screen.body.text, "Line one\nMy second line", "back to editing keeps my text")
            _ = screen.perform(.send, count: nil)
            XCTAssertEqual(attempts, 2, "and sending again checks again")
            _ = screen.takeInput(.character("t"), bound: false)
            XCTAssertEqual(screen.body.text, theirs, "take theirs puts their text in the composer")
            XCTAssertEqual(attempts, 2, "without sending it")

            _ = screen.perform(.send, count: nil)
            XCTAssertEqual(sent.last?.raw, theirs)
            XCTAssertEqual(sent.last?.edit?.originalRaw, theirs)
        }
    }

    /// Through the demo server: alice opens her reply with `e`, the moderator edits it
    /// meanwhile, alice's save conflicts, the composer shows both, and "keep mine" overwrites.
    func testAnEditConflictMadeThroughTheDemoServer() throws {
        let server = try Self.blocking { try await DemoServer.start(DemoServerConfiguration()) }
        defer { _ = try? Self.blocking { await server.stop() } }
        func service(_ username: String) -> DiscourseService {
            DiscourseService(
                site: SiteConfiguration(
                    baseURL: server.baseURL, apiKey: DemoServerConfiguration.defaultAPIKey, apiUsername: username),
                pacing: .off)
        }
        let alice = service("alice")
        let moderator = service("moderator")
        // One of alice's posts with enough posts after it to be at the top of the reader.
        let found = try Self.blocking { () -> (Int, Post, String)? in
            for topic in try await alice.topics(TopicListQuery(filter: .posted), upTo: 60) where topic.postsCount < 200
            {
                let detail = try await alice.topic(id: topic.id)
                if let post = detail.posts.first(where: {
                    $0.username == "alice" && $0.postNumber + 8 < detail.posts.count
                }), let raw = try await alice.post(id: post.id).raw {
                    return (topic.id, post, raw)
                }
            }
            return nil
        }
        guard let (topicID, post, mine) = found else { return XCTFail("alice has no post to edit") }

        try MainActor.assumeIsolated {
            let grid = GridTerminal(rows: 30, columns: 100)
            let app = AppController(
                terminal: grid, service: alice, siteTitle: server.baseURL,
                readerSource: ServiceReaderSource(service: alice), runner: runner, renderer: FakeRenderer())
            app.username = "alice"
            app.composerHooks.sendInBackground = { composed in
                guard let edit = composed.edit else { throw ForaError.other("not an edit") }
                do {
                    _ = try await alice.editPost(
                        id: edit.postID, raw: composed.raw, originalText: edit.originalRaw, editReason: nil)
                    return SendReceipt(message: "saved")
                } catch ForaError.conflict {
                    throw EditConflict(theirs: try await alice.post(id: edit.postID).raw ?? "")
                }
            }
            app.start()
            runner.settle()
            type(app, ":read \(topicID)")
            press(app, .enter)
            type(app, "\(post.postNumber)#")
            XCTAssertEqual(app.reader?.currentPostNumber, post.postNumber, grid.text)
            press(app, .character("e"))
            let screen = app.composer as? ComposerScreen
            XCTAssertEqual(screen?.body.text, mine, "the composer holds the raw markdown:\n\(grid.text)")
            XCTAssertEqual(screen?.target.edit?.postID, post.id)

            let theirs = "The moderator's version of this answer."
            XCTAssertNoThrow(
                try Self.blocking {
                    _ = try await moderator.editPost(id: post.id, raw: theirs, originalText: nil, editReason: "tidy")
                })
            press(app, .alt(">"))
            type(app, " Edited to add: it works.")
            press(app, .character("\u{18}"))
            XCTAssertTrue(grid.text.contains("− The moderator's version of this answer."), grid.text)
            XCTAssertTrue(
                grid.text.split(separator: "\n").contains {
                    $0.hasPrefix("+ ") && $0.contains("Edited to add")
                },
                grid.text)
            let onSite = try? Self.blocking { try await alice.post(id: post.id).raw }
            XCTAssertEqual(onSite, theirs, "nothing was overwritten before the choice")

            press(app, .character("m"))
            XCTAssertNil(app.composer, "saved once mine was kept:\n\(grid.text)")
            let after = try? Self.blocking { try await alice.post(id: post.id).raw }
            XCTAssertEqual(after, mine + " Edited to add: it works.")
        }
    }

    func testOthersPostsAreNotOffered() {
        MainActor.assumeIsolated {
            let grid = GridTerminal(rows: 24, columns: 80)
            let app = AppController(
                terminal: grid, service: FakeService(topics: FakeService.topics(3)), siteTitle: "http://demo.test",
                readerSource: FakeReaderSource(postCount: 10), runner: runner, renderer: FakeRenderer())
            app.username = "alice"
            app.start()
            runner.settle()
            press(app, .enter)
            type(app, "2#")
            press(app, .character("e"))
            XCTAssertNil(app.composer)
            XCTAssertTrue(
                app.status.message?.contains("only your own posts") == true, "\(String(describing: app.status.message))"
            )
        }
    }

    /// Runs async work to completion from a synchronous test (the main thread waits).
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let box = BlockingBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { box.result = .success(try await work()) } catch { box.result = .failure(error) }
            done.signal()
        }
        guard done.wait(timeout: .now() + 30) == .success, let result = box.result else {
            throw ForaError.other("timed out")
        }
        return try result.get()
    }
}

private final class BlockingBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}

/// The reader over a real service: the whole topic from `topic(id:)`.
private final class ServiceReaderSource: ReaderDataSource, @unchecked Sendable {
    let service: DiscourseService
    init(service: DiscourseService) { self.service = service }

    private func posts(_ detail: TopicDetail) -> [ReaderPost] {
        detail.posts.map {
            ReaderPost(id: $0.id, number: $0.postNumber, username: $0.username, cooked: $0.raw ?? $0.cooked)
        }
    }

    func topic(id: Int) async throws -> ReaderTopic {
        let detail = try await service.topic(id: id)
        let all = posts(detail)
        return ReaderTopic(id: id, title: detail.title, postCount: all.count, initialPosts: all)
    }

    func posts(topicID: Int, positions: Range<Int>) async throws -> [ReaderPost] {
        let all = posts(try await service.topic(id: topicID))
        return Array(all[positions.clamped(to: 0..<all.count)])
    }
}
