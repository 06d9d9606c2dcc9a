import ForaCore
import XCTest

@testable import ForaTUI

/// The community-health screen through the app on an 80x24 grid: `%` opens it, the charts
/// draw, `c`/`p` change the scope the figures are computed for, and Enter opens the oldest
/// unanswered topic with `q` coming back to the screen.
final class HealthScreenTests: XCTestCase, @unchecked Sendable, AppDriving {
    let runner = TestRunner()
    private static let day: Int64 = 86_400_000
    private static let now: Int64 = 1_796_000_000_000

    /// Ten topics a week apart: the even ones answered after 1 to 5 hours, topic 3 solved.
    static func sampleHealth(_ scope: HealthScope) -> CommunityHealth {
        let topics = (1...10).map { id in
            HealthTopic(
                id: id, title: "Question \(id)", categoryID: id % 2 + 1, createdMs: now - Int64(11 - id) * 7 * day,
                opener: "asker\(id)",
                firstResponseMs: id % 2 == 0 ? now - Int64(11 - id) * 7 * day + Int64(id) * 1_800_000 : nil,
                solved: id == 4, acceptedAuthor: id == 4 ? "helper" : nil)
        }.filter { scope.categoryID == nil || $0.categoryID == scope.categoryID }
        let posters = [
            HealthPoster(username: "helper", posts: 30, replies: 25),
            HealthPoster(username: "other", posts: 4, replies: 2),
        ]
        return CommunityHealth(scope: scope, topics: topics, posters: posters)
    }

    @MainActor
    private func makeApp(scopes: Recorder) -> (AppController, GridTerminal) {
        let grid = GridTerminal(rows: 24, columns: 80)
        let app = AppController(
            terminal: grid, service: FakeService(topics: FakeService.topics(5)), siteTitle: "http://demo.test",
            readerSource: FakeReaderSource(postCount: 3), runner: runner, renderer: FakeRenderer(),
            opener: RecordingOpener())
        app.health = HealthSource(
            categories: {
                [
                    ForaCore.Category(id: 1, name: "Billing", slug: "billing"),
                    .init(id: 2, name: "Setup", slug: "setup"),
                ]
            },
            compute: { scope in
                scopes.append(scope)
                return Self.sampleHealth(scope)
            })
        app.start()
        runner.settle()
        app.draw()
        return (app, grid)
    }

    final class Recorder: @unchecked Sendable {
        private(set) var scopes: [HealthScope] = []
        func append(_ scope: HealthScope) { scopes.append(scope) }
    }

    func testPercentOpensTheScreenWithFiguresAndAWeeklyChart() {
        MainActor.assumeIsolated {
            let scopes = Recorder()
            let (app, grid) = makeApp(scopes: scopes)
            press(app, .character("%"))
            XCTAssertTrue(app.focused is HealthScreen)
            // The glyphs follow the test run's locale, as they follow the user's.
            let charts = HealthCharts(ascii: AppController.chartsInASCII())
            let dot = charts.separator
            XCTAssertTrue(
                grid.line(0).hasPrefix("Community health\(dot)all categories\(dot)everything cached"), grid.line(0))
            XCTAssertTrue(
                grid.line(1).contains("topics 10\(dot)answered 5 (50%)\(dot)solved 1 (10%)"), grid.line(1))
            XCTAssertTrue(grid.line(2).contains("first response: median 3h"), grid.line(2))
            XCTAssertTrue(grid.line(3).contains("top 1% wrote 88%"), grid.line(3))
            let screen = (0..<24).map { grid.line($0) }.joined(separator: "\n")
            XCTAssertTrue(
                screen.contains("New \(charts.primaryGlyph) and answered \(charts.secondaryGlyph) topics per week"),
                screen)
            XCTAssertTrue(
                screen.contains("  \(charts.primaryGlyph)  \(charts.primaryGlyph)\(charts.secondaryGlyph)"), screen)
            XCTAssertNil(scopes.scopes.last?.categoryID)
            XCTAssertNil(scopes.scopes.last?.sinceMs)
        }
    }

    func testCategoryAndPeriodKeysRecomputeForTheNewScope() {
        MainActor.assumeIsolated {
            let scopes = Recorder()
            let (app, grid) = makeApp(scopes: scopes)
            press(app, .character("%"), .character("c"))
            XCTAssertEqual(scopes.scopes.last?.categoryID, 1)
            XCTAssertTrue(grid.line(0).contains("Billing"), grid.line(0))
            XCTAssertTrue(grid.line(1).contains("topics 5"), grid.line(1))
            press(app, .character("p"), .character("p"))
            XCTAssertTrue(grid.line(0).contains("Billing"), grid.line(0))
            XCTAssertTrue(grid.line(0).contains("last 30 days"), grid.line(0))
            let scope = scopes.scopes.last
            XCTAssertEqual((scope?.untilMs ?? 0) - (scope?.sinceMs ?? 0), 30 * Self.day)
            press(app, .character("C"))
            XCTAssertTrue(grid.line(0).contains("all categories"), grid.line(0))
            XCTAssertTrue(grid.line(0).contains("last 30 days"), grid.line(0))
        }
    }

    func testEnterOpensTheOldestUnansweredTopicAndQComesBack() {
        MainActor.assumeIsolated {
            let (app, grid) = makeApp(scopes: Recorder())
            press(app, .character("%"))
            for _ in 0..<4 { press(app, .pageDown) }  // the unanswered list is below the charts
            let screen = (0..<24).map { grid.line($0) }.joined(separator: "\n")
            XCTAssertTrue(screen.contains("> #1 "), screen)  // the oldest, selected and marked
            press(app, .enter)
            XCTAssertEqual(app.reader?.topic.id, 1)
            XCTAssertFalse(app.focused is HealthScreen)
            press(app, .character("q"))
            XCTAssertTrue(app.focused is HealthScreen)
        }
    }

    func testChartsInASCIIWithoutUTF8OrWithNoColor() {
        XCTAssertTrue(AppController.chartsInASCII(environment: [:], codeset: "ANSI_X3.4-1968"))
        XCTAssertTrue(AppController.chartsInASCII(environment: ["NO_COLOR": "1"], codeset: "UTF-8"))
        XCTAssertFalse(AppController.chartsInASCII(environment: [:], codeset: "UTF-8"))
        XCTAssertFalse(AppController.chartsInASCII(environment: ["NO_COLOR": ""], codeset: "utf8"))
        let health = Self.sampleHealth(HealthScope(untilMs: Self.now))
        let lines = HealthReportLines.lines(health, width: 80, charts: HealthCharts(ascii: true))
        for line in lines { XCTAssertTrue(line.text.unicodeScalars.allSatisfy(\.isASCII), line.text) }
        XCTAssertTrue(lines.contains { $0.text.contains("#") })
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0.text) <= 80 })
    }

    /// Seen in a walkthrough: in the linear mode the charts were rows of `#` a screen reader
    /// reads as noise. There they are sentences with the numbers, newest week first.
    func testTheLinearModeSaysTheChartsInWords() {
        let health = Self.sampleHealth(HealthScope(untilMs: Self.now))
        let lines = HealthReportLines.lines(health, width: 80, charts: HealthCharts(ascii: true, words: true))
        let texts = lines.map(\.text)
        XCTAssertFalse(texts.contains { $0.contains("#") && !$0.hasPrefix("  #") }, texts.joined(separator: "\n"))
        let weeks = texts.filter { $0.hasPrefix("  week of ") }
        XCTAssertEqual(weeks.count, health.weeks.suffix(12).count)
        XCTAssertEqual(
            weeks.first,
            "  week of \(HealthFormatting.day(health.weeks.last?.startMs ?? 0)): "
                + "\(health.weeks.last?.new ?? -1) new, \(health.weeks.last?.answered ?? -1) answered, "
                + "\(health.weeks.last?.solved ?? -1) solved")
        XCTAssertTrue(
            texts.contains("  < 1 day: 0 topics") || texts.contains { $0.hasPrefix("  < 1 day: ") }, "\(texts)")
        XCTAssertTrue(texts.contains { $0.hasPrefix("  < 1h: ") && $0.hasSuffix("topic") || $0.hasSuffix("topics") })
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0.text) <= 80 || $0.topic != nil })
    }

    func testBarsAndColumnsScaleAndKeepSmallValuesVisible() {
        let charts = HealthCharts(ascii: false)
        XCTAssertEqual(charts.bar(10, of: 10, width: 4), "████")
        XCTAssertEqual(charts.bar(4, of: 16, width: 2), "▌")  // a quarter of two cells: half a cell
        XCTAssertEqual(charts.bar(1, of: 1_000_000, width: 10), "▏")  // never invisible
        XCTAssertEqual(charts.bar(0, of: 10, width: 10), "")
        let columns = charts.columns([(4, 2), (0, 0), (1, 1)], height: 2)
        XCTAssertEqual(columns.count, 2)
        XCTAssertEqual(Array(columns[0]), ["█", " ", " ", " ", " ", " ", " ", " ", " "])
        XCTAssertEqual(Array(columns[1]), ["█", "▒", " ", " ", " ", " ", "▄", "▒", " "])
    }
}
