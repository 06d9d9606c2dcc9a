import ForaCore

/// The community-health screen (`:stats`, `%` on the list): the cache's figures and charts for
/// a category and a period, switched from the screen (`c`/`C` category, `p`/`P` period), with
/// the oldest unanswered topics one Enter away so a super-user goes straight to work.
@MainActor
public final class HealthScreen: DirectKeyScreen {
    public let context = KeyContext.results
    public let hintGroups: [[OperationID]] = [[.moveDown, .moveUp], [.open], [.back]]

    /// The periods `p` steps through: everything cached, then the last N days.
    static let periods: [(label: String, days: Int?)] = [
        ("everything cached", nil), ("last 7 days", 7), ("last 30 days", 30), ("last 90 days", 90),
        ("last 365 days", 365),
    ]

    private let categories: [ForaCore.Category]
    private let compute: (HealthScope) throws -> CommunityHealth
    /// Opens a topic from the screen (the app keeps the screen to come back to).
    var onOpen: ((Topic) -> Void)?
    private let now: () -> Int64
    private let charts: HealthCharts
    /// 0 is every category; then `categories` in order.
    private(set) var categoryIndex = 0
    private(set) var periodIndex = 0
    public private(set) var health: CommunityHealth?
    private var failure: String?
    private var lines: [HealthLine] = []
    private var linesWidth = 0
    /// The first line shown, and the selected line (a topic line, when there is one).
    private var top = 0
    private var selected: Int?
    private var visibleRows = 1
    /// Set by j/k: the next draw scrolls so the selected line shows.
    private var followSelection = false
    /// Where the terminal's cursor goes: the selected topic's row, else the first line shown.
    private var focusRow = 1

    public init(
        categories: [ForaCore.Category], ascii: Bool, now: @escaping () -> Int64,
        compute: @escaping (HealthScope) throws -> CommunityHealth
    ) {
        self.categories = categories
        self.compute = compute
        self.now = now
        charts = HealthCharts(ascii: ascii)
        reload()
    }

    public var scopeDescription: String {
        let place = categoryIndex == 0 ? "all categories" : categories[categoryIndex - 1].name
        return place + charts.separator + Self.periods[periodIndex].label
    }

    public var directHints: String { "c/C category  p/P period" }

    public var helpLines: [String] {
        [
            "c / C  next / previous category (subcategories included)",
            "p / P  next / previous period (everything cached, 7, 30, 90, 365 days)",
            "Enter  open the selected unanswered topic",
        ]
    }

    public var position: String? {
        let topicLines = lines.indices.filter { lines[$0].topic != nil }
        guard let selected, let index = topicLines.firstIndex(of: selected) else { return nil }
        return "unanswered \(index + 1)/\(topicLines.count)"
    }

    /// Computes the figures for the current category and period.
    func reload() {
        let until = now()
        let since = Self.periods[periodIndex].days.map { until - Int64($0) * 86_400_000 }
        let category = categoryIndex == 0 ? nil : categories[categoryIndex - 1].id
        do {
            health = try compute(HealthScope(sinceMs: since, untilMs: until, categoryID: category))
            failure = nil
        } catch {
            health = nil
            failure = "the cache could not be read: \(error)"
        }
        linesWidth = 0
        top = 0
        selected = nil
    }

    public func draw(on terminal: any Terminal, focused: Bool) {
        let (rows, columns) = terminal.size
        terminal.clear()
        terminal.draw(
            DisplayWidth.pad(
                DisplayWidth.truncate("Community health" + charts.separator + scopeDescription, to: columns),
                to: columns),
            row: 0, column: 0, style: .header)
        visibleRows = max(1, rows - 1)
        guard let health else {
            terminal.draw(failure ?? "", row: 1, column: 0, style: .ui(.statusError))
            return
        }
        if linesWidth != columns {
            let charts = terminal.presentation.linear ? HealthCharts(ascii: true, words: true) : self.charts
            lines = HealthReportLines.lines(health, width: columns, charts: charts)
            linesWidth = columns
            if selected == nil { selected = lines.firstIndex { $0.topic != nil } }
        }
        if health.topics == 0 {
            terminal.draw(
                "No topics in the cache for this scope: run fora sync, or widen it (c, p).", row: 1, column: 0,
                style: .dim)
            return
        }
        if followSelection {
            keepSelectionVisible()
            followSelection = false
        } else {
            top = max(0, min(top, max(0, lines.count - visibleRows)))
            if let selected, !visibleLines.contains(selected),
                let shown = visibleLines.first(where: { lines.indices.contains($0) && lines[$0].topic != nil })
            {
                self.selected = shown  // paging carries the selection along
            }
        }
        focusRow = 1
        for row in 0..<visibleRows where top + row < lines.count {
            let index = top + row
            let line = lines[index]
            let isSelected = index == selected
            if isSelected { focusRow = 1 + row }
            let marker = isSelected ? ">" : " "
            let text = line.topic != nil ? marker + String(line.text.dropFirst()) : line.text
            terminal.draw(
                DisplayWidth.pad(DisplayWidth.truncate(text, to: columns), to: columns), row: 1 + row, column: 0,
                style: isSelected ? .selected : line.style)
        }
    }

    public var cursorPosition: FocusCursor? { FocusCursor(row: focusRow) }

    private var visibleLines: Range<Int> { top..<(top + visibleRows) }

    private func keepSelectionVisible() {
        if let selected {
            if selected < top { top = selected }
            if selected >= top + visibleRows { top = selected - visibleRows + 1 }
        }
        top = max(0, min(top, max(0, lines.count - visibleRows)))
    }

    /// Moves the selection among the topic lines, or scrolls when there are none.
    private func move(by delta: Int) {
        let topicLines = lines.indices.filter { lines[$0].topic != nil }
        guard let current = selected, let index = topicLines.firstIndex(of: current) else {
            top = max(0, min(top + delta, max(0, lines.count - visibleRows)))
            return
        }
        followSelection = true
        if !visibleLines.contains(current) { return }  // first j/k: go to the selected topic
        let next = topicLines[max(0, min(topicLines.count - 1, index + delta))]
        if next == current {
            followSelection = false
            top = max(0, min(top + delta, max(0, lines.count - visibleRows)))  // past the ends: scroll on
            return
        }
        selected = next
    }

    public func perform(_ operation: OperationID, count: Int?) -> ScreenAction {
        let n = count ?? 1
        switch operation {
        case .moveDown: move(by: n)
        case .moveUp: move(by: -n)
        case .pageDown, .halfPageDown: top = min(top + visibleRows, max(0, lines.count - visibleRows))
        case .pageUp, .halfPageUp: top = max(0, top - visibleRows)
        case .first: top = 0
        case .last: top = max(0, lines.count - visibleRows)
        case .open:
            guard let selected, let topic = lines[selected].topic else {
                return .message("no unanswered topic to open here")
            }
            guard visibleLines.contains(selected) else {
                followSelection = true
                return .message("j/k go to the oldest unanswered topics; Enter opens one")
            }
            guard let onOpen else { return .openTopic(topic) }
            onOpen(topic)
        case .back: return .back
        default: return .unhandled
        }
        return .none
    }

    public func handleDirect(_ event: InputEvent) -> ScreenAction? {
        guard case .character(let key) = event else { return nil }
        switch key {
        case "c", "C":
            let count = categories.count + 1
            categoryIndex = (categoryIndex + (key == "c" ? 1 : count - 1)) % count
        case "p", "P":
            let count = Self.periods.count
            periodIndex = (periodIndex + (key == "p" ? 1 : count - 1)) % count
        default: return nil
        }
        reload()
        return .message("health of " + scopeDescription)
    }
}
