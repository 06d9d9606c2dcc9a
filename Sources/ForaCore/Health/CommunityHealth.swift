import Foundation

/// A community's health over a scope of the cache: how many questions get an answer, how
/// fast, how many are solved, which wait, and who answers. The field names are the report's
/// JSON keys in snake case (`answer_rate`, `median_first_response_seconds`, …).
public struct CommunityHealth: Sendable, Equatable {
    public var scope: HealthScope
    public var topics: Int
    public var answered: Int
    public var solved: Int
    /// Fractions of `topics`; nil when no topic is counted.
    public var answerRate: Double?
    public var solvedRate: Double?
    /// Over answered topics, exact to the millisecond; nil when none was answered.
    public var medianFirstResponseSeconds: Double?
    public var p90FirstResponseSeconds: Double?
    public var unansweredByAge: AgeBuckets
    public var posters: Int
    /// Shares of counted posts written by the top 1% of posters and by the next 9%.
    public var shareTop1Percent: Double?
    public var shareNext9Percent: Double?
    public var topAnswerers: [Answerer]
    /// Counted posts in all.
    public var posts: Int
    /// New, answered and solved topics per week (weeks start on Monday, UTC), oldest first.
    public var weeks: [Week]
    /// The first responses in ranges, fastest first.
    public var firstResponseHistogram: [HistogramBin]
    /// The oldest unanswered topics, oldest first (at most ten).
    public var oldestUnanswered: [WaitingTopic]
    /// Topics per category (as the store names them), most first.
    public var categories: [CategoryFigures]

    public struct AgeBuckets: Sendable, Equatable {
        /// Younger than a day, a week, thirty days, and older, at the end of the scope.
        public var day = 0
        public var week = 0
        public var month = 0
        public var older = 0

        public init(day: Int = 0, week: Int = 0, month: Int = 0, older: Int = 0) {
            self.day = day
            self.week = week
            self.month = month
            self.older = older
        }

        public var total: Int { day + week + month + older }
    }

    public struct Answerer: Sendable, Equatable {
        public var username: String
        public var accepted: Int
        public var replies: Int

        public init(username: String, accepted: Int, replies: Int) {
            self.username = username
            self.accepted = accepted
            self.replies = replies
        }
    }

    public struct Week: Sendable, Equatable {
        /// Midnight UTC of the week's Monday, in milliseconds since 1970.
        public var startMs: Int64
        public var new: Int
        public var answered: Int
        public var solved: Int
    }

    public struct HistogramBin: Sendable, Equatable {
        public var label: String
        /// The bin holds responses faster than this (nil: the open last bin).
        public var belowSeconds: Double?
        public var count: Int
    }

    public struct WaitingTopic: Sendable, Equatable {
        public var id: Int
        public var title: String
        public var categoryID: Int?
        public var createdMs: Int64
        public var ageSeconds: Double
    }

    public struct CategoryFigures: Sendable, Equatable {
        public var id: Int?
        public var topics: Int
        public var answered: Int
        public var solved: Int
    }
}

extension CommunityHealth {
    static let dayMs: Int64 = 86_400_000
    static let weekMs: Int64 = 7 * dayMs

    /// The figures for `topics` and `posters` (what the store counted in `scope`).
    public init(scope: HealthScope, topics counted: [HealthTopic], posters: [HealthPoster]) {
        self.scope = scope
        topics = counted.count
        answered = counted.count { $0.answered }
        solved = counted.count { $0.solved }
        answerRate = topics == 0 ? nil : Double(answered) / Double(topics)
        solvedRate = topics == 0 ? nil : Double(solved) / Double(topics)

        let responses = counted.compactMap { topic in
            topic.firstResponseMs.map { Double(max(0, $0 - topic.createdMs)) / 1000 }
        }.sorted()
        medianFirstResponseSeconds = HealthStatistics.median(responses)
        p90FirstResponseSeconds = HealthStatistics.p90(responses)
        firstResponseHistogram = HealthStatistics.histogram(responses)

        let waiting = counted.filter { !$0.answered }
        unansweredByAge = HealthStatistics.ageBuckets(waiting.map { scope.untilMs - $0.createdMs })
        oldestUnanswered = waiting.sorted { ($0.createdMs, $0.id) < ($1.createdMs, $1.id) }.prefix(10).map {
            WaitingTopic(
                id: $0.id, title: $0.title, categoryID: $0.categoryID, createdMs: $0.createdMs,
                ageSeconds: Double(scope.untilMs - $0.createdMs) / 1000)
        }

        let active = posters.filter { $0.posts > 0 }
        self.posters = active.count
        posts = active.reduce(0) { $0 + $1.posts }
        (shareTop1Percent, shareNext9Percent) = HealthStatistics.shares(active.map(\.posts))
        topAnswerers = HealthStatistics.topAnswerers(topics: counted, posters: active)
        weeks = HealthStatistics.weeks(counted, since: scope.sinceMs, until: scope.untilMs)
        categories = HealthStatistics.categories(counted)
    }
}
