import ForaCore
import ForaRender
import ForaStore
import Foundation
import XCTest

@testable import ForaTUI

/// A review source whose site is down.
struct UnreachableReviewSource: ReviewDataSource {
    private var down: ForaError { .hostUnreachable(host: "127.0.0.1") }
    func viewer() async throws -> ReviewViewer { throw down }
    func list(_ filter: ReviewFilter) async throws -> ReviewPage { throw down }
    func pendingCount() async throws -> Int { throw down }
    func detail(id: Int) async throws -> ReviewItem { throw down }
    func perform(id: Int, actionID: String, version: Int, penalty: ReviewPenalty?) async throws
        -> ReviewPerformOutcome
    { throw down }
    func claim(topicID: Int) async throws { throw down }
    func unclaim(topicID: Int) async throws { throw down }
}

/// With the site unreachable, the notifications, bookmarks and review queue are what the last
/// sync stored (filled here through the store's own API), marked offline, not an error.
final class OfflineAccountListsTests: XCTestCase, @unchecked Sendable {
    private let runner = TestRunner()
    private var directory = ""
    private var store: Store?

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "fora-offline-lists-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        store = try Store.open(at: directory + "/store.sqlite")
    }

    override func tearDown() {
        store = nil
        try? FileManager.default.removeItem(atPath: directory)
    }

    @MainActor
    private func makeApp(_ store: Store, review: (any ReviewDataSource)? = nil) -> (AppController, GridTerminal) {
        let grid = GridTerminal(rows: 24, columns: 100)
        var config = TUIConfig()
        config.reviewPollSeconds = nil
        let service = FakeService(topics: [], error: .hostUnreachable(host: "127.0.0.1"))
        let app = AppController(
            terminal: grid, service: service, siteTitle: "http://demo.test", readerSource: nil, runner: runner,
            config: config, renderer: FakeRenderer(), opener: RecordingOpener(), reviewSource: review)
        app.offlineAccountLists = OfflineAccountLists(store: store)
        app.start()
        runner.settle()
        return (app, grid)
    }

    @MainActor
    private func show(_ app: AppController, _ operation: OperationID) {
        app.perform(operation, count: nil)
        runner.settle()
        app.draw()
    }

    func testNotificationsComeFromTheStoreWhenTheSiteIsDown() throws {
        let store = try XCTUnwrap(store)
        let json = """
            {"id": 4, "notification_type": 2, "read": false, "created_at": "2026-11-04T10:00:00Z",
             "topic_id": 7, "post_number": 3, "data": {"topic_title": "Refunds", "display_username": "bob"}}
            """
        try store.replaceNotifications([try JSONDecoder().decode(ForumNotification.self, from: Data(json.utf8))])
        MainActor.assumeIsolated {
            let (app, grid) = makeApp(store)
            show(app, .showNotifications)
            XCTAssertEqual(app.listKind, .notifications)
            XCTAssertEqual(app.list.allTopics.map(\.id), [7])
            XCTAssertTrue(grid.text.contains("@bob · Refunds"), grid.text)
            XCTAssertEqual(app.status.connection, .offline)
            XCTAssertTrue(grid.line(23).contains("offline: the list as last synced"), grid.line(23))
            XCTAssertEqual(app.listTargets[0], 3, "the row still opens at its post")
        }
    }

    func testBookmarksComeFromTheStoreIncludingOnesMadeHere() throws {
        let store = try XCTUnwrap(store)
        try store.replaceSyncedBookmarks([
            SyncBookmark(id: 5, topicID: 3, postID: 50, postNumber: 4, title: "Synced bookmark")
        ])
        try store.addBookmark(topicID: 9, postID: 90)
        MainActor.assumeIsolated {
            let (app, grid) = makeApp(store)
            show(app, .showBookmarks)
            XCTAssertEqual(Set(app.list.allTopics.map(\.id)), [3, 9])
            XCTAssertTrue(grid.text.contains("Synced bookmark"), grid.text)
            XCTAssertEqual(app.status.connection, .offline)
        }
    }

    func testAListNeverSyncedStillShowsTheError() throws {
        let store = try XCTUnwrap(store)
        MainActor.assumeIsolated {
            let (app, grid) = makeApp(store)
            show(app, .showNotifications)
            XCTAssertTrue(app.list.allTopics.isEmpty)
            XCTAssertNotNil(app.status.lastError, grid.text)
        }
    }

    func testTheReviewQueueIsTheOneSyncStored() throws {
        let store = try XCTUnwrap(store)
        let body = """
            {"reviewables": [{"id": 12, "type": "ReviewableFlaggedPost", "status": 0, "score": 6.5,
              "topic_id": 7, "version": 1}],
             "topics": [{"id": 7, "title": "A spammy topic"}], "meta": {"reviewable_count": 1}}
            """
        try store.saveDocument(Store.reviewQueueKey, body: Array(body.utf8))
        MainActor.assumeIsolated {
            let review = OfflineReviewSource(network: UnreachableReviewSource(), store: store, username: "mod")
            let (app, grid) = makeApp(store, review: review)
            show(app, .reviewQueue)
            XCTAssertNotNil(app.reviewScreen, grid.text)
            XCTAssertTrue(grid.text.contains("6.5    Flagged post  pending"), grid.text)
            XCTAssertTrue(grid.line(23).contains("1 to review"), grid.line(23))
            XCTAssertEqual(app.status.message, "offline: the review queue as last synced")
            XCTAssertEqual(app.status.connection, .offline, "the status says so too, not online")
        }
    }

    /// Seen in a walkthrough: offline, the stored queue's count replaced the one the site had
    /// given (14 where the site said 11), and the status still said "online".
    func testOfflineTheSitesLastCountStands() throws {
        let store = try XCTUnwrap(store)
        let body = """
            {"reviewables": [{"id": 12, "type": "ReviewableFlaggedPost", "status": 0, "score": 6.5,
              "topic_id": 7, "version": 1}],
             "topics": [{"id": 7, "title": "A spammy topic"}], "meta": {"reviewable_count": 14}}
            """
        try store.saveDocument(Store.reviewQueueKey, body: Array(body.utf8))
        MainActor.assumeIsolated {
            let review = OfflineReviewSource(network: UnreachableReviewSource(), store: store, username: "mod")
            let (app, grid) = makeApp(store, review: review)
            app.status.pendingReviews = 11
            show(app, .reviewQueue)
            XCTAssertEqual(app.status.pendingReviews, 11, grid.line(23))
            XCTAssertEqual(app.status.connection, .offline)
        }
    }

    /// Online, the wrapper is the wrapped source: the score explanation, the reason of a reject
    /// and the edit of agree-and-edit reach it (the protocol's "not here" defaults must not).
    func testOnlineEveryReviewCallReachesTheSite() async throws {
        let store = try XCTUnwrap(store)
        let site = FakeReviewSource()
        let review = OfflineReviewSource(network: site, store: store, username: "moderator")
        let item = try XCTUnwrap(FakeReviewSource.sample().first)
        let explained = try await review.explain(id: item.id)
        XCTAssertEqual(explained.scores.map(\.username), ["dave", "erin"])
        let text = try await review.postForEditing(topicID: 3, postNumber: 2)
        XCTAssertEqual(text.id, 302)
        try await review.savePost(id: text.id, raw: "edited", originalRaw: text.raw)
        XCTAssertEqual(site.edits.map(\.raw), ["edited"])
        let action = try XCTUnwrap(item.bundles.first?.actions.first?.id)
        _ = try await review.perform(id: item.id, actionID: action, version: item.version, reason: "off topic")
        XCTAssertEqual(site.performed.last?.reason, "off topic")
    }
}
