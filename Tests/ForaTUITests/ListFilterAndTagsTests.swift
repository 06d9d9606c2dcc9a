import ForaCore
import XCTest

@testable import ForaTUI

/// The thread list's tags column, its filters and the bookmarks list, on a grid terminal.
final class ListFilterAndTagsTests: XCTestCase, @unchecked Sendable, AppDriving {
    let runner = TestRunner()

    @MainActor
    private func makeApp(_ service: FakeService, rows: Int = 24, columns: Int = 120) -> (AppController, GridTerminal) {
        let grid = GridTerminal(rows: rows, columns: columns)
        let app = AppController(
            terminal: grid, service: service, siteTitle: "http://demo.test",
            readerSource: FakeReaderSource(postCount: 40), runner: runner, renderer: FakeRenderer(),
            opener: RecordingOpener())
        app.start()
        runner.settle()
        app.draw()
        return (app, grid)
    }

    @MainActor
    private func command(_ app: AppController, _ line: String) {
        app.handle(.character(":"))
        for character in line { app.handle(.character(character)) }
        press(app, .enter)
    }

    private static func taggedTopics() -> [Topic] {
        [
            Topic(id: 1, title: "Sync stalls at 99%", categoryID: 1, tags: ["sync", "windows"]),
            Topic(id: 2, title: "同期が遅いです、助けてください", categoryID: 1, unread: true, tags: ["同期", "日本語"]),
            Topic(id: 3, title: "Crash 🚀 on launch", categoryID: 1, hasAcceptedAnswer: true, tags: ["mobile"]),
            Topic(
                id: 4, title: "No tags here", categoryID: 1, unread: true,
                tags: ["a-very-long-tag-name", "another-long-one", "third"]),
        ]
    }

    func testTagsFollowTheCategoryDimmedAndEveryRowKeepsItsColumns() {
        MainActor.assumeIsolated {
            let (_, grid) = makeApp(FakeService(topics: Self.taggedTopics()))
            // The replies, views and activity columns end every row at the same display column.
            for row in 1...4 {
                XCTAssertEqual(DisplayWidth.of(grid.line(row)), 120, grid.line(row))
            }
            let categoryColumn = DisplayWidth.of(String(grid.line(2).prefix { $0 != "S" }))
            XCTAssertEqual(grid.style(row: 2, column: categoryColumn), .category("0088CC"))
            // The tags start in one column on every row (wide titles included), dimmed.
            let tagsColumn = categoryColumn + 19
            XCTAssertEqual(grid.style(row: 1, column: tagsColumn), .selected, "the cursor row is one colour")
            for row in 2...4 {
                XCTAssertEqual(grid.style(row: row, column: tagsColumn), .dim, "row \(row): \(grid.line(row))")
                XCTAssertNotEqual(grid.style(row: row, column: tagsColumn - 1), .dim, "row \(row): \(grid.line(row))")
            }
            XCTAssertTrue(grid.line(2).contains("同期 日本語"), grid.line(2))
            XCTAssertTrue(grid.line(3).contains("mobile"), grid.line(3))
            // Too long for the 18-column cell: cut with an ellipsis, the numbers stay put.
            XCTAssertTrue(grid.line(4).contains("a-very-long-tag-n… "), grid.line(4))
        }
    }

    func testNarrowScreensLeaveTheTagsOut() {
        MainActor.assumeIsolated {
            let (_, grid) = makeApp(FakeService(topics: Self.taggedTopics()), columns: 80)
            XCTAssertFalse(grid.text.contains("windows"), grid.text)
            XCTAssertEqual(DisplayWidth.of(grid.line(2)), 80)
        }
    }

    func testFilterByTextUnreadAndUnsolvedShowsInTheTitleAndClears() {
        MainActor.assumeIsolated {
            let (app, grid) = makeApp(FakeService(topics: Self.taggedTopics()))
            command(app, "filter SYNC")
            XCTAssertEqual(app.list.topics.map(\.id), [1], "case-insensitive title match")
            XCTAssertTrue(grid.line(0).hasPrefix("Latest · filter \"SYNC\" · 1/4 · "), grid.line(0))
            command(app, "filter 同期")
            XCTAssertEqual(app.list.topics.map(\.id), [2], "tags match too, CJK included")
            command(app, "filter")
            XCTAssertEqual(app.list.topics.count, 4, ":filter alone clears")
            XCTAssertTrue(grid.line(0).hasPrefix("Latest · http://demo.test"), grid.line(0))
            press(app, .character("u"))
            XCTAssertEqual(app.list.topics.map(\.id), [2, 4])
            XCTAssertTrue(grid.line(0).contains("unread only · 2/4"), grid.line(0))
            press(app, .character("s"))
            XCTAssertEqual(app.list.topics.map(\.id), [2, 4], "both toggles apply")
            press(app, .character("u"))
            XCTAssertEqual(app.list.topics.map(\.id), [1, 2, 4], "only unsolved: the solved crash is hidden")
            press(app, .character("s"))
            XCTAssertEqual(app.list.topics.count, 4)
            command(app, "filter nothing like it")
            XCTAssertTrue(grid.text.contains("No topics match the filter"), grid.text)
        }
    }

    func testFilterMatchesTheCategoryNameSoWorkViewsNarrowToOneCategory() {
        MainActor.assumeIsolated {
            var service = FakeService(topics: Self.taggedTopics() + [Topic(id: 5, title: "Refund?", categoryID: 2)])
            service.categories.append(Category(id: 2, name: "Billing", slug: "billing", color: "AA0000"))
            let (app, _) = makeApp(service)
            command(app, "unanswered")
            command(app, "filter billing")
            XCTAssertEqual(app.list.topics.map(\.id), [5], "only the Billing category's question")
            command(app, "filter support")
            XCTAssertEqual(Set(app.list.topics.map(\.id)), [1, 2, 3, 4], "the Support category's questions")
        }
    }

    func testTheFKeyOpensTheCommandLineWithFilter() {
        MainActor.assumeIsolated {
            let (app, grid) = makeApp(FakeService(topics: Self.taggedTopics()))
            press(app, .character("f"))
            XCTAssertTrue(grid.line(23).hasPrefix(":filter "), grid.line(23))
            for character in "crash" { app.handle(.character(character)) }
            press(app, .enter)
            XCTAssertEqual(app.list.topics.map(\.id), [3])
        }
    }

    func testTheFilterKeepsEachRowsOwnPost() {
        MainActor.assumeIsolated {
            var service = FakeService(topics: FakeService.topics(3))
            service.notificationsJSON = """
                {"notifications": [
                  {"id": 1, "notification_type": 2, "read": false, "topic_id": 2, "post_number": 7,
                   "fancy_title": "Alpha", "data": {"topic_title": "Alpha"}},
                  {"id": 2, "notification_type": 1, "read": true, "topic_id": 3, "post_number": 12,
                   "fancy_title": "Beta", "data": {"topic_title": "Beta"}}
                ]}
                """
            let (app, _) = makeApp(service)
            press(app, .character("!"))
            command(app, "filter beta")
            XCTAssertEqual(app.list.topics.count, 1)
            press(app, .enter)
            XCTAssertEqual(app.reader?.currentPostNumber, 12, "the second notification's post, though shown first")
        }
    }

    func testBookmarksListOpensAtTheBookmarkedPost() {
        MainActor.assumeIsolated {
            var service = FakeService(topics: FakeService.topics(5))
            service.searchJSON = """
                {"posts": [
                   {"id": 91, "topic_id": 4, "post_number": 9, "username": "bob", "blurb": "saved"},
                   {"id": 92, "topic_id": 2, "post_number": 1, "username": "ann", "blurb": "first"}],
                 "topics": [{"id": 2, "title": "Kept topic"}, {"id": 4, "title": "Bookmarked reply"}]}
                """
            let (app, grid) = makeApp(service)
            press(app, .character("b"))
            XCTAssertTrue(grid.line(0).hasPrefix("Bookmarks · "), grid.line(0))
            XCTAssertTrue(grid.line(1).contains("Bookmarked reply"), grid.text)
            XCTAssertTrue(grid.line(2).contains("Kept topic"), grid.text)
            press(app, .enter)
            XCTAssertEqual(app.reader?.currentPostNumber, 9)
        }
    }
}
