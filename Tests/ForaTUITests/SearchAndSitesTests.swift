import ForaCore
import XCTest

@testable import ForaTUI

/// The site search results screen and the site picker, through the app on a grid terminal.
final class SearchAndSitesTests: XCTestCase, @unchecked Sendable, AppDriving {
    let runner = TestRunner()

    static let searchJSON = """
        {"posts": [
           {"id": 11, "topic_id": 2, "post_number": 17, "username": "bob",
            "blurb": "the <span class=\\"search-highlight\\">sync</span> stalls &amp; stops at 99%"},
           {"id": 12, "topic_id": 3, "post_number": 1, "username": "ann",
            "blurb": "同期 sync が遅い, sync again"}],
         "topics": [{"id": 2, "title": "Sync stalls"}, {"id": 3, "title": "同期の問題 🚀"},
                    {"id": 5, "title": "Found by its title"}]}
        """

    @MainActor
    private func makeApp(columns: Int = 80, searchJSON: String? = SearchAndSitesTests.searchJSON) -> (
        AppController, GridTerminal
    ) {
        var service = FakeService(topics: FakeService.topics(5))
        service.searchJSON = searchJSON
        let grid = GridTerminal(rows: 24, columns: columns)
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
    private func type(_ app: AppController, _ text: String) {
        for character in text { app.handle(.character(character)) }
        app.handle(.enter)
        runner.settle()
        app.draw()
    }

    func testSlashOnTheListShowsHitsWithHighlightedSnippetsAndOpensAtThePost() {
        MainActor.assumeIsolated {
            let (app, grid) = makeApp()
            type(app, "/sync")
            XCTAssertTrue(app.focused is SearchResultsScreen)
            XCTAssertTrue(grid.line(0).hasPrefix("Search: sync · 3 results"), grid.line(0))
            XCTAssertTrue(grid.line(1).contains("Sync stalls #17 @bob"), grid.line(1))
            XCTAssertTrue(grid.line(2).contains("the sync stalls & stops at 99%"), grid.line(2))
            // The server's highlight span: "sync" after "    the ".
            XCTAssertEqual(grid.style(row: 2, column: 8), .ui(.searchMatch))
            XCTAssertEqual(grid.style(row: 2, column: 12), .dim)
            // No span: the query's words are found, after wide characters too.
            XCTAssertTrue(grid.line(3).contains("同期の問題 🚀 #1 @ann"), grid.line(3))
            let syncColumn = 4 + DisplayWidth.of("同期 ")
            XCTAssertEqual(grid.style(row: 4, column: syncColumn), .ui(.searchMatch), grid.line(4))
            XCTAssertEqual(grid.style(row: 4, column: syncColumn + 3), .ui(.searchMatch))
            XCTAssertEqual(grid.style(row: 4, column: syncColumn + 4), .dim)
            XCTAssertTrue(grid.line(5).contains("Found by its title #1"), "title-only hits lead to post 1")
            XCTAssertTrue(grid.line(23).contains("result 1/3"), grid.line(23))
            press(app, .enter)
            XCTAssertEqual((app.focused as? ReaderScreen)?.currentPostNumber, 17, "opens at the hit's post")
            // The main reader, where replying, moderating and live updates work as in any topic.
            XCTAssertTrue(app.reader === app.focused, "the hit opens in the main reader, not an overlay")
            press(app, .character("q"))
            XCTAssertTrue(app.focused is SearchResultsScreen, "q goes back to the results")
            press(app, .character("q"))
            XCTAssertTrue(app.focused === app.list)
        }
    }

    func testFindCommandOpensTheResultsAndAListSwitchClosesThem() {
        MainActor.assumeIsolated {
            let (app, grid) = makeApp()
            type(app, ":find status:solved sync")
            XCTAssertTrue(grid.line(0).hasPrefix("Search: status:solved sync"), grid.line(0))
            press(app, .character("j"))
            XCTAssertEqual((app.focused as? SearchResultsScreen)?.selectedHit?.topicID, 3)
            type(app, ":latest")
            XCTAssertTrue(app.focused === app.list)
        }
    }

    func testClicksSelectAResultAndASecondClickOpensIt() {
        MainActor.assumeIsolated {
            let (app, _) = makeApp()
            type(app, "/sync")
            // The second hit's snippet row (rows 3 and 4 are its title and snippet).
            press(app, .mouse(MouseEvent(.click, row: 4, column: 10)))
            XCTAssertEqual((app.focused as? SearchResultsScreen)?.selectedHit?.topicID, 3)
            press(app, .mouse(MouseEvent(.click, row: 3, column: 10)))
            XCTAssertEqual((app.focused as? ReaderScreen)?.topic.id, 3, "a second click opens the hit")
        }
    }

    func testReadOpensATopicByNumber() {
        MainActor.assumeIsolated {
            let (app, grid) = makeApp()
            type(app, ":read 4")
            XCTAssertEqual(app.reader?.topic.id, 4)
            XCTAssertTrue(grid.text.contains("Topic number 4"), grid.text)
            press(app, .character("q"))
            type(app, ":read")
            XCTAssertTrue(grid.line(23).contains(":read needs a topic number"), grid.line(23))
        }
    }

    func testAFailedSearchSaysWhyOnTheResultsScreen() {
        MainActor.assumeIsolated {
            let (app, grid) = makeApp(searchJSON: nil)
            type(app, "/anything")
            XCTAssertTrue(grid.text.contains("The search failed: this community does not support that"), grid.text)
        }
    }

    func testSnippetsDecodeEntitiesCollapseSpacesAndSkipFilterWords() {
        let (text, ranges) = SearchSnippet.parse(
            "a  <b>bold</b>\n&lt;x&gt; <span class=\"search-highlight\">hit</span>", query: "")
        XCTAssertEqual(text, "a bold <x> hit")
        XCTAssertEqual(ranges, [11..<14])
        let (plain, found) = SearchSnippet.parse("Sync and SYNC", query: "@bob #support status:open sync")
        XCTAssertEqual(plain, "Sync and SYNC")
        XCTAssertEqual(found, [0..<4, 9..<13])
    }

    func testThePickerMarksTheCurrentSiteAndPickingAnotherEndsTheLoopForIt() {
        MainActor.assumeIsolated {
            let (app, grid) = makeApp()
            press(app, .character("S"))
            XCTAssertTrue(grid.line(23).contains("no [sites.NAME]"), grid.line(23))
            app.siteChoices = ["demo", "meta", "work"]
            app.currentSite = "meta"
            press(app, .character("S"))
            XCTAssertTrue(grid.line(0).hasPrefix("Sites (config.toml)"), grid.line(0))
            XCTAssertTrue(grid.line(2).hasPrefix("> ● meta  (current)"), grid.line(2))
            XCTAssertEqual(grid.style(row: 2, column: 0), .selected, "the cursor starts on the current site")
            press(app, .enter)
            XCTAssertTrue(app.isRunning, "picking the current site only closes the picker")
            XCTAssertTrue(app.focused === app.list)
            type(app, ":sites")
            press(app, .character("j"), .enter)
            XCTAssertEqual(app.requestedSite, "work")
            XCTAssertFalse(app.isRunning)
        }
    }
}

/// The new screens at the smallest size the interface draws.
final class NewScreensResizeTests: XCTestCase {
    func testResultsAndPickerFitFortyByTenWithWideText() {
        MainActor.assumeIsolated {
            let results = SearchResultsScreen(query: "同期")
            results.show([
                SearchHit(
                    topicID: 1, title: "同期の問題がとても長いタイトル 🚀🚀🚀", postNumber: 1234, username: "ユーザー",
                    snippet: "同期が遅い 同期 again and again and again", highlights: [0..<2, 6..<8])
            ])
            let picker = SitePickerScreen(names: ["日本語のサイト", "meta"], current: "meta") { _ in }
            for screen in [results, picker] as [any Screen] {
                let grid = GridTerminal(rows: 9, columns: 40)
                screen.draw(on: grid, focused: true)
                for row in 0..<9 { XCTAssertLessThanOrEqual(DisplayWidth.of(grid.line(row)), 40, grid.line(row)) }
                grid.resize(rows: 30, columns: 120)
                screen.draw(on: grid, focused: true)
                XCTAssertEqual(DisplayWidth.of(grid.line(1)), 120, grid.line(1))
            }
            let grid = GridTerminal(rows: 9, columns: 40)
            results.draw(on: grid, focused: true)
            XCTAssertTrue(
                grid.line(1).contains("長… #1234 @ユーザー"), "the title gives way to the post and author: \(grid.line(1))")
            XCTAssertEqual(grid.style(row: 2, column: 4), .ui(.searchMatch))
        }
    }
}
