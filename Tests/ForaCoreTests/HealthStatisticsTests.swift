import XCTest

@testable import ForaCore

final class HealthStatisticsTests: XCTestCase {
    func testMedianOfOddAndEvenCountsAndP90Index() {
        XCTAssertNil(HealthStatistics.median([]))
        XCTAssertEqual(HealthStatistics.median([5]), 5)
        XCTAssertEqual(HealthStatistics.median([1, 2, 10]), 2)
        XCTAssertEqual(HealthStatistics.median([1, 2, 4, 10]), 3)
        let ten = (1...10).map(Double.init)
        XCTAssertEqual(HealthStatistics.p90(ten), 10)  // index ⌊0.9·10⌋ = 9
        let nineteen = (1...19).map(Double.init)
        XCTAssertEqual(HealthStatistics.p90(nineteen), 18)  // index ⌊17.1⌋ = 17
    }

    func testSharesRoundToTheNearestPosterWithAtLeastOneAtTheTop() {
        // 20 posters: the top 1% is one poster (0.2 rounds to 0, at least one), the top 10% two.
        let counts = [50] + [10] + Array(repeating: 2, count: 18)
        let (top, next) = HealthStatistics.shares(counts)
        XCTAssertEqual(top ?? -1, 50.0 / 96.0, accuracy: 1e-12)
        XCTAssertEqual(next ?? -1, 10.0 / 96.0, accuracy: 1e-12)
        // 250 posters: top 1% rounds 2.5 to 3, top 10% is 25.
        let many = Array(repeating: 1, count: 250)
        let (top250, next250) = HealthStatistics.shares(many)
        XCTAssertEqual(top250 ?? -1, 3.0 / 250.0, accuracy: 1e-12)
        XCTAssertEqual(next250 ?? -1, 22.0 / 250.0, accuracy: 1e-12)
        // One poster: all at the top, nothing next.
        XCTAssertEqual(HealthStatistics.shares([7]).top1, 1)
        XCTAssertEqual(HealthStatistics.shares([7]).next9, 0)
        XCTAssertNil(HealthStatistics.shares([]).top1)
    }

    func testAgeBucketsAtTheirBoundaries() {
        let day: Int64 = 86_400_000
        let buckets = HealthStatistics.ageBuckets([0, day - 1, day, 7 * day - 1, 7 * day, 30 * day - 1, 30 * day])
        XCTAssertEqual(buckets, CommunityHealth.AgeBuckets(day: 2, week: 2, month: 2, older: 1))
    }

    func testRankingBreaksTiesByRepliesThenUsername() {
        let topics = [
            HealthTopic(
                id: 1, title: "", categoryID: nil, createdMs: 0, opener: "a", firstResponseMs: 1, solved: true,
                acceptedAuthor: "zed"),
            HealthTopic(
                id: 2, title: "", categoryID: nil, createdMs: 0, opener: "a", firstResponseMs: 1, solved: true,
                acceptedAuthor: "amy"),
        ]
        let posters = [
            HealthPoster(username: "zed", posts: 3, replies: 3), HealthPoster(username: "amy", posts: 3, replies: 3),
            HealthPoster(username: "bo", posts: 9, replies: 9), HealthPoster(username: "a", posts: 2, replies: 0),
        ]
        XCTAssertEqual(
            HealthStatistics.topAnswerers(topics: topics, posters: posters).map(\.username), ["amy", "zed", "bo"])
    }

    func testWeeksStartOnMondayUTC() {
        // 2026-11-05 (a Thursday) 15:00 UTC → Monday 2026-11-02.
        XCTAssertEqual(HealthStatistics.weekStart(1_793_890_800_000), 1_793_577_600_000)
        XCTAssertEqual(HealthStatistics.weekStart(1_793_577_600_000), 1_793_577_600_000)
        XCTAssertEqual(HealthStatistics.weekStart(0), -3 * 86_400_000)  // 1970-01-01 was a Thursday
    }

    func testAbsurdDatesDoNotMakeAnEndlessSeries() {
        let topics = [Int64(0), 253_402_300_799_000].map {
            HealthTopic(
                id: 1, title: "", categoryID: nil, createdMs: $0, opener: "a", firstResponseMs: nil, solved: false,
                acceptedAuthor: nil)
        }
        XCTAssertEqual(HealthStatistics.weeks(topics).count, 520)
    }

    /// Seen in a walkthrough: the chart ended at the last week with a new topic, so six quiet
    /// weeks up to today (the signal that matters) were missing.
    func testTheWeeksRunToTheEndOfThePeriodAndFromItsStart() {
        let monday: Int64 = 1_793_577_600_000
        let week: Int64 = 7 * 86_400_000
        let topic = HealthTopic(
            id: 1, title: "", categoryID: nil, createdMs: monday + 3 * week, opener: "a", firstResponseMs: nil,
            solved: false, acceptedAuthor: nil)
        let weeks = HealthStatistics.weeks([topic], since: monday, until: monday + 9 * week + 1)
        XCTAssertEqual(weeks.map(\.startMs), (0...9).map { monday + Int64($0) * week })
        XCTAssertEqual(weeks.map(\.new), [0, 0, 0, 1, 0, 0, 0, 0, 0, 0])
    }

    func testDateArguments() {
        let now: Int64 = 1_796_000_000_000
        XCTAssertEqual(HealthDateArgument.parse("30d", relativeTo: now), now - 30 * 86_400_000)
        XCTAssertEqual(HealthDateArgument.parse("2026-11-02", relativeTo: now), 1_793_577_600_000)
        XCTAssertEqual(HealthDateArgument.parse("2026-11-02T01:00:00Z", relativeTo: now), 1_793_581_200_000)
        XCTAssertNil(HealthDateArgument.parse("soon", relativeTo: now))
        XCTAssertNil(HealthDateArgument.parse("99999999999999999999d", relativeTo: now))
        XCTAssertEqual(HealthFormatting.duration(8_040), "2h 14m")
        XCTAssertEqual(HealthFormatting.duration(3_542_400), "41d")
        XCTAssertEqual(HealthFormatting.duration(1e300), HealthFormatting.duration(1e12))
    }
}
