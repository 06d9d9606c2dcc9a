import ForaCore
import Foundation

/// The latest topics: header, one row per topic, and a status bar.
@MainActor
public final class ThreadListScreen: Screen {
    public enum LoadState: Equatable {
        case loading
        case loaded
        case failed(String)
    }

    static let keyTable: [InputEvent: Operation] = [
        .character("j"): .moveDown, .down: .moveDown,
        .character("k"): .moveUp, .up: .moveUp,
        .pageDown: .pageDown, .character(" "): .pageDown,
        .pageUp: .pageUp,
        .character("g"): .first, .home: .first,
        .character("G"): .last, .end: .last,
        .character("r"): .refresh,
        .character("q"): .quit,
    ]

    public static let minimumSize = (rows: 10, columns: 40)

    public let siteTitle: String
    public private(set) var topics: [Topic] = []
    public private(set) var categoryNames: [Int: String] = [:]
    public private(set) var state: LoadState = .loading
    public private(set) var navigator = ListNavigator()
    /// Called when the user asks for a refresh; the app starts the background load.
    public var onRefresh: (() -> Void)?
    private let now: () -> Date

    public init(siteTitle: String, now: @escaping () -> Date = Date.init) {
        self.siteTitle = siteTitle
        self.now = now
    }

    public func showLoading() { state = .loading }

    public func show(topics: [Topic], categories: [Category]) {
        self.topics = topics
        categoryNames = Dictionary(categories.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        state = .loaded
        navigator.update(count: topics.count, visibleRows: navigator.visibleRows)
    }

    public func show(error message: String) { state = .failed(message) }

    public func handle(_ event: InputEvent) -> ScreenAction {
        guard let operation = Self.keyTable[event] else { return .none }
        switch operation {
        case .moveDown: navigator.move(by: 1)
        case .moveUp: navigator.move(by: -1)
        case .pageDown: navigator.pageDown()
        case .pageUp: navigator.pageUp()
        case .first: navigator.toFirst()
        case .last: navigator.toLast()
        case .refresh:
            state = .loading
            onRefresh?()
        case .quit: return .quit
        }
        return .none
    }

    public func draw(on terminal: any Terminal) {
        terminal.clear()
        let (rows, columns) = terminal.size
        guard rows >= Self.minimumSize.rows, columns >= Self.minimumSize.columns else {
            terminal.draw(DisplayWidth.truncate("Terminal too small", to: columns), row: 0, column: 0, style: .normal)
            if rows > 1 {
                terminal.draw(DisplayWidth.truncate("need 40x10, q quits", to: columns), row: 1, column: 0, style: .dim)
            }
            terminal.refresh()
            return
        }
        terminal.draw(DisplayWidth.pad(siteTitle, to: columns), row: 0, column: 0, style: .header)
        navigator.update(count: topics.count, visibleRows: rows - 2)
        if topics.isEmpty {
            let text: String
            switch state {
            case .loading: text = "Loading…"
            case .loaded: text = "No topics yet."
            case .failed: text = "Could not load topics (r retries)."
            }
            terminal.draw(text, row: 2, column: 2, style: .dim)
        }
        for (offset, index) in navigator.visibleRange.enumerated() {
            let style: TextStyle = index == navigator.cursor ? .selected : .normal
            terminal.draw(row(for: topics[index], width: columns), row: 1 + offset, column: 0, style: style)
        }
        terminal.draw(DisplayWidth.pad(statusText, to: columns), row: rows - 1, column: 0, style: .status)
        terminal.refresh()
    }

    /// Marker columns, title, category, replies, views, activity: fixed columns on the right.
    func row(for topic: Topic, width: Int) -> String {
        let marks = (topic.unread ? "•" : " ") + (topic.hasAcceptedAnswer ? "✓" : " ") + (topic.pinned ? "📌" : "  ")
        let activity = topic.lastActivity.map { ForaDate.relative($0, now: now()) } ?? ""
        let category = topic.categoryID.flatMap { categoryNames[$0] } ?? ""
        // Category names get more room on wide screens ("Troubleshooting" fits from 100 columns).
        let categoryWidth = width >= 100 ? 18 : (width >= 70 ? 14 : 0)
        let fixed = DisplayWidth.of(marks) + 1 + (categoryWidth > 0 ? categoryWidth + 1 : 0) + 6 + 7 + 5
        let title = DisplayWidth.pad(topic.title, to: max(4, width - fixed))
        var line = marks + " " + title
        if categoryWidth > 0 { line += " " + DisplayWidth.pad(category, to: categoryWidth) }
        line += DisplayWidth.pad(String(topic.replyCount), to: 6, alignRight: true)
        line += DisplayWidth.pad(String(topic.views), to: 7, alignRight: true)
        line += DisplayWidth.pad(activity, to: 5, alignRight: true)
        return DisplayWidth.pad(line, to: width)
    }

    var statusText: String {
        let condition: String
        switch state {
        case .loading: condition = "connecting…"
        case .loaded: condition = "online"
        case .failed(let message): condition = message
        }
        return "\(siteTitle)  \(condition)  j/k move  q quit  r refresh"
    }
}
