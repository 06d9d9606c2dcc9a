import ForaCore

/// One line of the health screen: its text, its style, and the topic Enter opens from it.
public struct HealthLine: Equatable, Sendable {
    public var text: String
    public var style: TextStyle
    public var topic: Topic?

    init(_ text: String, _ style: TextStyle = .normal, topic: Topic? = nil) {
        self.text = text
        self.style = style
        self.topic = topic
    }
}

/// The health screen's content as lines for a given width: figures first, then the charts
/// (new and answered per week, first responses, unanswered ageing), the oldest unanswered
/// topics to open, and the top answerers. It reads top to bottom, so it also reads well
/// linearly (a screen reader, a narrow terminal).
public enum HealthReportLines {
    public static func lines(_ health: CommunityHealth, width: Int, charts: HealthCharts) -> [HealthLine] {
        var lines: [HealthLine] = []
        let percent = HealthFormatting.percent
        let dot = charts.separator
        lines.append(
            HealthLine(
                "topics \(health.topics)\(dot)answered \(health.answered) (\(percent(health.answerRate)))\(dot)"
                    + "solved \(health.solved) (\(percent(health.solvedRate)))"))
        if let median = health.medianFirstResponseSeconds, let p90 = health.p90FirstResponseSeconds {
            lines.append(
                HealthLine(
                    "first response: median \(HealthFormatting.duration(median))\(dot)"
                        + "90% within \(HealthFormatting.duration(p90))"))
        } else {
            lines.append(HealthLine("first response: no topic answered yet", .dim))
        }
        if health.posters > 0 {
            let rest = (health.shareTop1Percent ?? 0) + (health.shareNext9Percent ?? 0)
            lines.append(
                HealthLine(
                    "posters \(health.posters)\(dot)top 1% wrote \(percent(health.shareTop1Percent))\(dot)"
                        + "next 9% \(percent(health.shareNext9Percent))\(dot)other 90% \(percent(1 - rest))"))
        }
        lines += weekly(health.weeks, width: width, charts: charts)
        lines += histogram(health, width: width, charts: charts)
        lines += ageing(health, width: width, charts: charts)
        lines += oldest(health, width: width)
        lines += answerers(health, width: width, charts: charts)
        return lines
    }

    static func heading(_ text: String) -> [HealthLine] { [HealthLine(""), HealthLine(text, .ui(.notice))] }

    static func weekly(_ weeks: [CommunityHealth.Week], width: Int, charts: HealthCharts) -> [HealthLine] {
        guard !weeks.isEmpty else { return [] }
        if charts.words {
            // Newest first: the weeks that matter are read first.
            let shown = Array(weeks.suffix(12).reversed())
            return heading(
                "New and answered topics per week, newest first"
                    + (shown.count < weeks.count ? " (last \(shown.count) of \(weeks.count) weeks)" : ""))
                + shown.map { week in
                    HealthLine(
                        "  week of \(HealthFormatting.day(week.startMs)): \(week.new) new, \(week.answered) answered, "
                            + "\(week.solved) solved")
                }
        }
        let fitting = max(1, (width - 8) / 3)  // room for the scale on the right
        let shown = Array(weeks.suffix(fitting))
        var lines = heading(
            "New \(charts.primaryGlyph) and answered \(charts.secondaryGlyph) topics per week"
                + (shown.count < weeks.count ? " (last \(shown.count) of \(weeks.count) weeks)" : ""))
        let highest = shown.map(\.new).max() ?? 0
        lines += charts.columns(shown.map { ($0.new, $0.answered) }, height: 6).enumerated().map { index, row in
            HealthLine("  " + row + (index == 0 ? " \(highest)" : ""))
        }
        // Week labels under every fourth pair: "11-02".
        var axis = Array(repeating: Character(" "), count: 2 + shown.count * 3 + 6)
        for (index, week) in shown.enumerated() where index % 4 == 0 {
            let label = Array(HealthFormatting.day(week.startMs).dropFirst(5))
            for (offset, character) in label.enumerated() where 2 + index * 3 + offset < axis.count {
                axis[2 + index * 3 + offset] = character
            }
        }
        lines.append(HealthLine(String(axis).trimmingTrailingSpaces(), .dim))
        return lines
    }

    static func histogram(_ health: CommunityHealth, width: Int, charts: HealthCharts) -> [HealthLine] {
        guard health.answered > 0 else { return [] }
        let highest = health.firstResponseHistogram.map(\.count).max() ?? 0
        if charts.words {
            return heading("Time to first response (\(health.answered) answered topics)")
                + health.firstResponseHistogram.map { bin in
                    HealthLine("  \(bin.label): \(plural(bin.count, "topic"))")
                }
        }
        return heading("Time to first response (\(health.answered) answered topics)")
            + health.firstResponseHistogram.map { bin in
                HealthLine(
                    "  " + DisplayWidth.pad(bin.label, to: 6) + " "
                        + charts.bar(bin.count, of: highest, width: max(1, width - 18)) + " \(bin.count)")
            }
    }

    static func ageing(_ health: CommunityHealth, width: Int, charts: HealthCharts) -> [HealthLine] {
        let ages = health.unansweredByAge
        let rows = [("< 1 day", ages.day), ("< 1 week", ages.week), ("< 30 days", ages.month), ("older", ages.older)]
        let highest = rows.map(\.1).max() ?? 0
        if charts.words {
            return heading("Unanswered by age (\(ages.total))")
                + rows.map { label, count in HealthLine("  \(label): \(plural(count, "topic"))") }
        }
        return heading("Unanswered by age (\(ages.total))")
            + rows.map { label, count in
                HealthLine(
                    "  " + DisplayWidth.pad(label, to: 9) + " "
                        + charts.bar(count, of: highest, width: max(1, width - 22))
                        + " \(count)")
            }
    }

    static func oldest(_ health: CommunityHealth, width: Int) -> [HealthLine] {
        guard !health.oldestUnanswered.isEmpty else { return [] }
        let shown = health.oldestUnanswered.count
        let total = health.unansweredByAge.total
        let idWidth = health.oldestUnanswered.map { "#\($0.id)".count }.max() ?? 2
        let title =
            shown < total ? "Oldest unanswered: \(shown) of \(total) (Enter opens)" : "Oldest unanswered (Enter opens)"
        return heading(title)
            + health.oldestUnanswered.map { waiting in
                let id = DisplayWidth.pad("#\(waiting.id)", to: idWidth)
                let age = DisplayWidth.pad(HealthFormatting.duration(waiting.ageSeconds), to: 5, alignRight: true)
                let text = "  \(id) \(age)  \(waiting.title)"
                return HealthLine(
                    DisplayWidth.truncate(text, to: width), .normal,
                    topic: Topic(id: waiting.id, title: waiting.title, categoryID: waiting.categoryID))
            }
    }

    static func answerers(_ health: CommunityHealth, width: Int, charts: HealthCharts) -> [HealthLine] {
        guard !health.topAnswerers.isEmpty else { return [] }
        let nameWidth = min(20, health.topAnswerers.map { DisplayWidth.of($0.username) }.max() ?? 8)
        let highest = health.topAnswerers.map(\.accepted).max() ?? 0
        return heading("Top answerers (solutions, then replies)")
            + health.topAnswerers.map { answerer in
                let name = DisplayWidth.pad(DisplayWidth.truncate(answerer.username, to: nameWidth), to: nameWidth)
                let solutions = charts.words ? "" : charts.bar(answerer.accepted, of: highest, width: 10)
                return HealthLine(
                    "  \(name)  \(plural(answerer.accepted, "solution")) \(DisplayWidth.pad(solutions, to: 10))  "
                        + plural(answerer.replies, "reply", "replies"))
            }
    }
}

/// "1 solution", "2 solutions".
private func plural(_ count: Int, _ one: String, _ many: String? = nil) -> String {
    "\(count) \(count == 1 ? one : many ?? one + "s")"
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
