import ForaCore
import Foundation

/// `fora stats` for a person: the figures that matter in a dozen lines.
enum HealthReportText {
    static func lines(
        _ health: CommunityHealth, categories: [Int: ForaCore.Category], server: [ServerReport]?,
        serverPeriod: String? = nil
    ) -> [String] {
        let place = health.scope.categoryID.map { id in categories[id].map { Output.clean($0.name) } ?? "#\(id)" }
        let from = health.scope.sinceMs.map(HealthFormatting.day) ?? "the first cached topic"
        var lines = [
            "Community health of \(place ?? "all categories"), \(from) to \(HealthFormatting.day(health.scope.untilMs))"
                + " (from the cache)",
            "topics \(health.topics)   answered \(health.answered) (\(HealthFormatting.percent(health.answerRate)))"
                + "   solved \(health.solved) (\(HealthFormatting.percent(health.solvedRate)))",
        ]
        if let median = health.medianFirstResponseSeconds, let p90 = health.p90FirstResponseSeconds {
            lines.append(
                "first response: median \(HealthFormatting.duration(median)), 90% within \(HealthFormatting.duration(p90))"
            )
        } else {
            lines.append("first response: no topic answered yet")
        }
        let ages = health.unansweredByAge
        lines.append(
            "unanswered \(ages.total): \(ages.day) under a day, \(ages.week) under a week, "
                + "\(ages.month) under 30 days, \(ages.older) older")
        if health.posters > 0 {
            lines.append(
                "posters \(health.posters): the top 1% wrote \(HealthFormatting.percent(health.shareTop1Percent)) "
                    + "of \(health.posts) posts, the next 9% \(HealthFormatting.percent(health.shareNext9Percent))")
        }
        if !health.topAnswerers.isEmpty {
            lines.append("")
            lines += Output.table(
                [["top answerers", "accepted", "replies"]]
                    + health.topAnswerers.map { [$0.username, String($0.accepted), String($0.replies)] },
                rightAligned: [1, 2])
        }
        if !health.oldestUnanswered.isEmpty {
            lines.append("")
            lines.append("oldest unanswered:")
            lines += Output.table(
                health.oldestUnanswered.map {
                    ["  #\($0.id)", HealthFormatting.duration($0.ageSeconds), $0.title]
                }, rightAligned: [1])
        }
        if let server, !server.isEmpty {
            lines.append("")
            lines.append("the server's own reports (staff\(serverPeriod.map { "; " + $0 } ?? "")):")
            lines += Output.table(
                server.map { report in
                    ["  " + report.title, report.total.map { String(format: "%g", $0) } ?? "-"]
                })
        }
        return lines
    }
}
