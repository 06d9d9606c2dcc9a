import ForaCore
import XCTest

@testable import ForaTUI

/// Live updates on the grid terminal: new posts in the open topic, the list refreshed in
/// place, the status counts, whatever screen is showing.
final class LiveUpdatesTests: XCTestCase, @unchecked Sendable {
    private let runner = TestRunner()

    @MainActor
    private func makeApp(
        posts: Int = 3, topics: [Topic] = FakeService.topics(30)
    ) -> (AppController, GridTerminal, GrowingReaderSource, MemoryLiveStore, RecordingLiveSource) {
        let grid = GridTerminal(rows: 24, columns: 80)
        let source = GrowingReaderSource(postCount: posts)
        let app = AppController(
            terminal: grid, service: FakeService(topics: topics), siteTitle: "http://demo.test",
            readerSource: source, runner: runner, renderer: FakeRenderer())
        let store = MemoryLiveStore(latest: topics)
        let live = RecordingLiveSource()
        app.liveStore = store
        app.start()
        runner.settle()
        // Events are delivered by the test (`deliver`); the source only records what is watched.
        app.liveUpdates = live
        app.draw()
        return (app, grid, source, store, live)
    }

    @MainActor
    private func press(_ app: AppController, _ keys: InputEvent...) {
        for key in keys {
            app.handle(key)
            runner.settle()
            app.draw()
        }
    }

    @MainActor
    private func deliver(_ app: AppController, _ events: [LiveEvent]) {
        app.apply(events)
        runner.settle()
        app.draw()
    }

    func testANewPostAppearsMarkedWithoutMovingTheReader() {
        MainActor.assumeIsolated {
            let (app, grid, source, store, live) = makeApp(posts: 3)
            press(app, .enter)
            XCTAssertEqual(live.watched, [1], "the open topic is watched")
            let topLine = grid.line(1)
            XCTAssertTrue(topLine.contains("#1"), grid.text)
            XCTAssertFalse(grid.text.contains("● new"), "nothing is new yet:\n\(grid.text)")

            source.postCount = 4
            deliver(app, [.topicChanged(topicID: 1, postNumber: 4, kind: "created")])
            XCTAssertEqual(store.refreshedTopics, [1], "the new post goes through the store")
            XCTAssertEqual(app.reader?.stream.count, 4)
            XCTAssertEqual(grid.line(1), topLine, "the top line of the reader is unchanged")
            let marked = (0..<grid.size.rows).map(grid.line).first { $0.contains("#4") }
            XCTAssertEqual(marked?.contains("● new"), true, "the new post is marked:\n\(grid.text)")
            XCTAssertTrue(grid.text.contains("Body of post 4"), grid.text)
            XCTAssertEqual(app.status.message, "1 new post in this topic")

            // Other topics' news and other kinds of change leave the reader alone.
            source.postCount = 6
            deliver(app, [.topicChanged(topicID: 2, postNumber: 9, kind: "created")])
            deliver(app, [.topicChanged(topicID: 1, postNumber: 2, kind: "liked")])
            XCTAssertEqual(app.reader?.stream.count, 4)
        }
    }

    func testAnEditedPostChangesInPlace() {
        MainActor.assumeIsolated {
            let (app, grid, source, store, _) = makeApp(posts: 3)
            press(app, .enter)
            let topLine = grid.line(1)
            XCTAssertTrue(grid.text.contains("Body of post 2"), grid.text)
            source.edit(2, to: "Second post, edited while it was open")
            deliver(app, [.topicChanged(topicID: 1, postNumber: 2, kind: "revised")])
            XCTAssertEqual(store.changedPosts, [5002], "the edit goes through the store")
            XCTAssertTrue(grid.text.contains("Second post, edited while it was open"), grid.text)
            XCTAssertFalse(grid.text.contains("Body of post 2"), grid.text)
            XCTAssertFalse(grid.text.contains("● new"), "an edit is not a new post:\n\(grid.text)")
            XCTAssertEqual(grid.line(1), topLine)
            XCTAssertEqual(app.reader?.stream.count, 3)
        }
    }

    func testTheReadingPositionHoldsInALongTopicEvenAtTheEnd() {
        MainActor.assumeIsolated {
            let (app, grid, source, _, _) = makeApp(posts: 30)
            press(app, .enter, .character("j"), .character("j"), .character("j"), .character("j"), .character("j"))
            let before = app.reader?.viewport
            let topLine = grid.line(1)
            source.postCount = 32
            deliver(app, [.listChanged(topicID: 1)])
            XCTAssertEqual(app.reader?.stream.count, 32, "a bump of the open topic on /latest fetches its posts")
            XCTAssertEqual(app.reader?.viewport, before)
            XCTAssertEqual(grid.line(1), topLine)

            // After G the reader followed the end; a live post does not drag it along.
            press(app, .character("G"))
            let atEnd = grid.line(1)
            source.postCount = 33
            deliver(app, [.topicChanged(topicID: 1, postNumber: 33, kind: "created")])
            XCTAssertEqual(grid.line(1), atEnd, grid.text)
            press(app, .character("G"))
            XCTAssertTrue(grid.text.contains("#33"), grid.text)
            XCTAssertTrue(grid.text.contains("● new"), grid.text)
        }
    }

    func testTheListRefreshesInPlaceWithTheCursorOnTheSameTopic() {
        MainActor.assumeIsolated {
            let topics = FakeService.topics(30)
            let (app, grid, _, store, _) = makeApp(topics: topics)
            press(app, .character("j"), .character("j"), .character("j"))
            XCTAssertEqual(app.list.selectedTopic?.id, 4)
            XCTAssertEqual(app.list.navigator.cursor, 3)

            var bumped = topics
            let news = Topic(id: 99, title: "A brand new topic", categoryID: 1, replyCount: 0, views: 1, unread: true)
            bumped.insert(news, at: 0)
            bumped.insert(bumped.remove(at: 10), at: 0)  // topic 10 bumped to the top
            // The store's own idea of unread differs (nothing read on this machine).
            store.latest = bumped.map { topic in
                var stored = topic
                stored.unread = topic.id != 3
                return stored
            }
            deliver(app, [.listChanged(topicID: 99), .listChanged(topicID: 10)])
            XCTAssertEqual(app.list.selectedTopic?.id, 4, "the cursor stays on the topic")
            XCTAssertEqual(app.list.navigator.cursor, 5, "…which moved down two rows")
            XCTAssertTrue(grid.line(1).contains("Topic number 10"), grid.text)
            XCTAssertTrue(grid.line(2).contains("A brand new topic"), grid.text)
            XCTAssertFalse(grid.text.contains("Loading"), "refreshed in place")
            let unread = Dictionary(app.list.topics.map { ($0.id, $0.unread) }, uniquingKeysWith: { a, _ in a })
            XCTAssertEqual(unread[3], true, "unchanged topics keep their marker (3 was unread)")
            XCTAssertEqual(unread[4], false, "…and 4 stays read")
            XCTAssertEqual(unread[99], true, "a new topic is unread")

            // News right after a refresh waits for the minimum interval, then refreshes once.
            app.live.minimumListInterval = 0.3
            store.latest = Array(store.latest.dropFirst(2))
            app.apply([.listChanged(topicID: 5)])
            app.apply([.listChanged(topicID: 6)])
            XCTAssertEqual(store.latestRefreshes, 1, "not yet: the last refresh was just now")
            runner.settle()
            app.draw()
            XCTAssertEqual(store.latestRefreshes, 2, "one refresh for both messages")
            XCTAssertTrue(grid.line(1).contains("Topic number 1"), grid.text)
            XCTAssertEqual(app.list.selectedTopic?.id, 4)
        }
    }

    func testStatusCountsFollowTheMessagesOnAnyScreen() {
        MainActor.assumeIsolated {
            let (app, grid, _, _, _) = makeApp()
            let statusRow = grid.size.rows - 1
            XCTAssertFalse(grid.line(statusRow).contains("notification"), grid.line(statusRow))
            deliver(app, [.notificationCounts(unread: 2, highPriority: 1), .reviewCount(7)])
            XCTAssertTrue(grid.line(statusRow).contains("3 notifications"), grid.line(statusRow))
            XCTAssertTrue(grid.line(statusRow).contains("7 to review"), grid.line(statusRow))

            press(app, .enter)
            XCTAssertNotNil(app.reader)
            deliver(app, [.reviewCount(8), .notificationCounts(unread: 1, highPriority: 0)])
            XCTAssertTrue(grid.line(statusRow).contains("8 to review"), grid.line(statusRow))
            // At 80 columns the reader's position and first hint come before the last count.
            XCTAssertTrue(grid.line(statusRow).contains("1 notif"), grid.line(statusRow))

            press(app, .character("?"))
            deliver(app, [.notificationCounts(unread: 0, highPriority: 0)])
            XCTAssertFalse(grid.line(statusRow).contains("notification"), "none unread: hidden")
            XCTAssertTrue(grid.line(statusRow).contains("8 to review"), grid.line(statusRow))
        }
    }

    func testAFlagArrivingLiveRefreshesAnOpenReviewQueue() {
        MainActor.assumeIsolated {
            let harness = ReviewHarness()
            XCTAssertTrue(harness.statusLine.contains("5 to review"), harness.statusLine)
            XCTAssertFalse(harness.grid.text.contains("Fresh flag from the bus"))
            var fresh = FakeReviewSource.sample()[0]
            fresh.id = 42
            fresh.excerpt = "Fresh flag from the bus"
            harness.source.add(fresh)
            harness.app.apply([.reviewCount(6)])
            harness.runner.settle()
            harness.app.draw()
            XCTAssertTrue(harness.grid.text.contains("Fresh flag from the bus"), harness.grid.text)
            XCTAssertTrue(harness.statusLine.contains("6 to review"), harness.statusLine)
        }
    }

    func testClosingTheReaderStopsWatchingAndLiveCanBeSwitchedOff() {
        MainActor.assumeIsolated {
            let (app, _, _, _, live) = makeApp()
            press(app, .enter)
            press(app, .character("q"))
            XCTAssertNil(app.reader)
            XCTAssertEqual(live.watched, [1, nil])
            XCTAssertTrue(TUIConfig.parse("").live)
            XCTAssertFalse(TUIConfig.parse("[tui]\nlive = false\n").live)
            XCTAssertEqual(TUIConfig.parse("[tui]\nlive-poll = 5\n").livePollSeconds, 5)
            XCTAssertEqual(TUIConfig.parse("").livePollSeconds, 30)
        }
    }
}
