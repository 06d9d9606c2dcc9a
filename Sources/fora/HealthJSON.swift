import ForaCore
import Foundation

/// `fora stats --json`: the report's figures under their documented keys, plus the series the
/// health screen draws (weeks, histogram, categories, oldest unanswered).
enum HealthJSON {
    static func object(
        _ health: CommunityHealth, categories: [Int: ForaCore.Category], server: [ServerReport]?
    ) -> [String: Any] {
        let ages = health.unansweredByAge
        var object: [String: Any] = [
            "topics": health.topics, "answered": health.answered, "solved": health.solved,
            "answer_rate": Output.nullable(health.answerRate), "solved_rate": Output.nullable(health.solvedRate),
            "median_first_response_seconds": Output.nullable(health.medianFirstResponseSeconds),
            "p90_first_response_seconds": Output.nullable(health.p90FirstResponseSeconds),
            "unanswered_by_age": ["day": ages.day, "week": ages.week, "month": ages.month, "older": ages.older],
            "posters": health.posters, "posts": health.posts,
            "share_top_1pct": Output.nullable(health.shareTop1Percent),
            "share_next_9pct": Output.nullable(health.shareNext9Percent),
            "top_answerers": health.topAnswerers.map {
                ["username": $0.username, "accepted": $0.accepted, "replies": $0.replies] as [String: Any]
            },
            "since": Output.nullable(health.scope.sinceMs.map(HealthFormatting.instant)),
            "until": HealthFormatting.instant(health.scope.untilMs),
            "category": Output.nullable(health.scope.categoryID),
            "weeks": health.weeks.map {
                [
                    "start": HealthFormatting.day($0.startMs), "new": $0.new, "answered": $0.answered,
                    "solved": $0.solved,
                ] as [String: Any]
            },
            "first_response_histogram": health.firstResponseHistogram.map {
                ["label": $0.label, "below_seconds": Output.nullable($0.belowSeconds), "count": $0.count]
                    as [String: Any]
            },
            "oldest_unanswered": health.oldestUnanswered.map {
                [
                    "id": $0.id, "title": $0.title, "category_id": Output.nullable($0.categoryID),
                    "created_at": HealthFormatting.instant($0.createdMs), "age_seconds": $0.ageSeconds,
                ] as [String: Any]
            },
            "categories": health.categories.map { figures in
                [
                    "id": Output.nullable(figures.id),
                    "name": Output.nullable(figures.id.flatMap { categories[$0]?.name }),
                    "topics": figures.topics, "answered": figures.answered, "solved": figures.solved,
                ] as [String: Any]
            },
        ]
        if let server {
            object["server_reports"] = server.map { report in
                [
                    "type": report.type, "title": report.title, "total": Output.nullable(report.total),
                    "data": report.points.map { ["x": $0.x, "y": $0.y] as [String: Any] },
                ] as [String: Any]
            }
        }
        return object
    }
}
