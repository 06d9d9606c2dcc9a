import Foundation

/// The definitions behind a health report, as pure functions over what the store counted, so
/// each one is tested on its own (`HealthStatisticsTests`).
public enum HealthStatistics {
    /// The middle of sorted `values`; the mean of the two middle ones for an even count.
    public static func median(_ sorted: [Double]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The element at index ⌊0.9·n⌋ of sorted `values`.
    public static func p90(_ sorted: [Double]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        return sorted[min(sorted.count - 1, sorted.count * 9 / 10)]
    }

    /// Ages (milliseconds) as younger than a day, a week, thirty days, and older.
    public static func ageBuckets(_ ages: [Int64]) -> CommunityHealth.AgeBuckets {
        var buckets = CommunityHealth.AgeBuckets()
        let day = CommunityHealth.dayMs
        for age in ages {
            if age < day {
                buckets.day += 1
            } else if age < 7 * day {
                buckets.week += 1
            } else if age < 30 * day {
                buckets.month += 1
            } else {
                buckets.older += 1
            }
        }
        return buckets
    }

    /// The share of all posts written by the top 1% of posters (at least one) and by the next
    /// 9% (the top 10% rounded to the nearest poster, never fewer than the top 1%).
    public static func shares(_ postCounts: [Int]) -> (top1: Double?, next9: Double?) {
        let total = postCounts.reduce(0, +)
        guard total > 0 else { return (nil, nil) }
        let ranked = postCounts.sorted(by: >)
        let top1 = max(1, Int((Double(ranked.count) * 0.01).rounded()))
        let top10 = min(ranked.count, max(top1, Int((Double(ranked.count) * 0.10).rounded())))
        let first = ranked.prefix(top1).reduce(0, +)
        let next = ranked[top1..<top10].reduce(0, +)
        return (Double(first) / Double(total), Double(next) / Double(total))
    }

    /// The ten first by accepted answers, then by replies in other people's topics, then by
    /// username. Only people with an accepted answer or a reply are ranked.
    public static func topAnswerers(topics: [HealthTopic], posters: [HealthPoster], limit: Int = 10)
        -> [CommunityHealth.Answerer]
    {
        var accepted: [String: Int] = [:]
        for topic in topics where topic.solved {
            if let author = topic.acceptedAuthor { accepted[author, default: 0] += 1 }
        }
        var replies: [String: Int] = [:]
        for poster in posters where poster.replies > 0 { replies[poster.username] = poster.replies }
        let names = Set(accepted.keys).union(replies.keys)
        let ranked = names.map {
            CommunityHealth.Answerer(username: $0, accepted: accepted[$0] ?? 0, replies: replies[$0] ?? 0)
        }.sorted {
            if $0.accepted != $1.accepted { return $0.accepted > $1.accepted }
            if $0.replies != $1.replies { return $0.replies > $1.replies }
            return $0.username < $1.username
        }
        return Array(ranked.prefix(limit))
    }

    /// The bins of the first-response histogram: under an hour, 4 hours, a day, 3 days, a week,
    /// and longer.
    static let histogramBins: [(label: String, below: Double?)] = [
        ("< 1h", 3_600), ("1-4h", 14_400), ("4-24h", 86_400), ("1-3d", 259_200), ("3-7d", 604_800), (">= 7d", nil),
    ]

    public static func histogram(_ seconds: [Double]) -> [CommunityHealth.HistogramBin] {
        var counts = [Int](repeating: 0, count: histogramBins.count)
        for value in seconds {
            let index = histogramBins.firstIndex { bin in bin.below.map { value < $0 } ?? true } ?? counts.count - 1
            counts[index] += 1
        }
        return zip(histogramBins, counts).map {
            CommunityHealth.HistogramBin(label: $0.0.label, belowSeconds: $0.0.below, count: $0.1)
        }
    }

    /// Midnight UTC of the Monday of the week holding `ms`.
    public static func weekStart(_ ms: Int64) -> Int64 {
        let dayMs = CommunityHealth.dayMs
        let day = ms >= 0 ? ms / dayMs : (ms - dayMs + 1) / dayMs
        // 1970-01-01 was a Thursday: days since a Monday are (day + 3) mod 7.
        let sinceMonday = ((day + 3) % 7 + 7) % 7
        return (day - sinceMonday) * dayMs
    }

    /// The longest series kept: ten years of weeks (the totals still count older topics).
    static let maximumWeeks: Int64 = 520

    /// New, answered and solved topics per week of creation, every week from the period's start
    /// (or the first topic) to its end (or the last topic), empty weeks included so a chart's
    /// gaps are real; at most the last `maximumWeeks`.
    public static func weeks(_ topics: [HealthTopic], since: Int64? = nil, until: Int64? = nil) -> [CommunityHealth
        .Week]
    {
        guard var first = topics.map(\.createdMs).min(), var last = topics.map(\.createdMs).max() else { return [] }
        // The period's own ends, so quiet weeks at either end show as empty bars instead of
        // the chart ending at the last week that had a topic.
        if let since { first = min(first, since) }
        if let until { last = max(last, until) }
        var byWeek: [Int64: CommunityHealth.Week] = [:]
        for topic in topics {
            let start = weekStart(topic.createdMs)
            var week = byWeek[start] ?? CommunityHealth.Week(startMs: start, new: 0, answered: 0, solved: 0)
            week.new += 1
            if topic.answered { week.answered += 1 }
            if topic.solved { week.solved += 1 }
            byWeek[start] = week
        }
        var result: [CommunityHealth.Week] = []
        let end = weekStart(last)
        var start = max(weekStart(first), end - (maximumWeeks - 1) * CommunityHealth.weekMs)
        while start <= end {
            result.append(byWeek[start] ?? CommunityHealth.Week(startMs: start, new: 0, answered: 0, solved: 0))
            start += CommunityHealth.weekMs
        }
        return result
    }

    /// Topics, answered and solved per category, most topics first (then by id).
    public static func categories(_ topics: [HealthTopic]) -> [CommunityHealth.CategoryFigures] {
        var byCategory: [Int?: CommunityHealth.CategoryFigures] = [:]
        for topic in topics {
            var figures =
                byCategory[topic.categoryID]
                ?? CommunityHealth.CategoryFigures(id: topic.categoryID, topics: 0, answered: 0, solved: 0)
            figures.topics += 1
            if topic.answered { figures.answered += 1 }
            if topic.solved { figures.solved += 1 }
            byCategory[topic.categoryID] = figures
        }
        return byCategory.values.sorted {
            if $0.topics != $1.topics { return $0.topics > $1.topics }
            return ($0.id ?? -1) < ($1.id ?? -1)
        }
    }
}
