import ForaCore
import Foundation

/// The latest topics: a title row, one row per topic, the category in its colour and the tags
/// dimmed after it. A `ListFilter` narrows what is shown without asking the site again.
@MainActor
public final class ThreadListScreen: Screen {
    public enum LoadState: Equatable {
        case loading
        case loaded
        case failed(String)
    }

    public let siteTitle: String
    /// The list's name in the header ("Latest", "Unanswered (oldest first)"…).
    public var listTitle = "Latest"
    /// Whether rows show the replies and views columns: off for lists whose rows are not
    /// topics (notifications), where they would only say 0.
    public var showsCounts = true
    /// The topics shown: the loaded ones the filter accepts.
    public private(set) var topics: [Topic] = []
    /// Every loaded topic, filtered or not.
    public private(set) var allTopics: [Topic] = []
    /// For each shown row, its row in `allTopics` (per-row data such as a notification's post
    /// is kept by loaded row).
    private var sourceRows: [Int] = []
    /// What the list hides; changing it keeps the cursor on the same topic when still shown.
    public var filter = ListFilter() {
        didSet { if filter != oldValue { applyFilter() } }
    }
    public private(set) var categories: [Int: Category] = [:]
    public private(set) var state: LoadState = .loading
    public private(set) var navigator = ListNavigator()
    /// Called when the user asks for a refresh; the app starts the background load.
    public var onRefresh: (() -> Void)?
    private var lastQuery: String?
    private let now: () -> Date

    public init(siteTitle: String, now: @escaping () -> Date = Date.init) {
        self.siteTitle = siteTitle
        self.now = now
    }

    public let context = KeyContext.list
    public let hintGroups: [[OperationID]] = [[.moveDown, .moveUp], [.open], [.search], [.help], [.back]]

    public var position: String? {
        topics.isEmpty ? nil : "\(navigator.cursor + 1)/\(topics.count)"
    }

    public var selectedTopic: Topic? { topics.indices.contains(navigator.cursor) ? topics[navigator.cursor] : nil }

    /// The selected topic's row among all loaded topics (nil when nothing is shown).
    public var selectedLoadedRow: Int? {
        sourceRows.indices.contains(navigator.cursor) ? sourceRows[navigator.cursor] : nil
    }

    public func showLoading() { state = .loading }

    /// A different list is about to be shown: it starts at its first row, never at the row or
    /// the topic the previous list had selected.
    public func startNewList() {
        allTopics = []
        sourceRows = []
        topics = []
        navigator.update(count: 0, visibleRows: navigator.visibleRows)
        navigator.move(by: -navigator.cursor)
    }

    /// Moves the cursor to the topic drawn on `visibleRow` (0 = the first topic row); true
    /// when it was already there (a second click opens it).
    public func select(visibleRow: Int) -> Bool {
        let index = navigator.top + visibleRow
        guard visibleRow >= 0, topics.indices.contains(index) else { return false }
        defer { navigator.move(by: index - navigator.cursor) }
        return index == navigator.cursor
    }

    /// New topics keep the cursor on the same topic when it is still listed.
    public func show(topics: [Topic], categories: [Category]) {
        let selectedID = selectedTopic?.id
        allTopics = topics
        self.categories = Dictionary(categories.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        state = .loaded
        applyFilter(keeping: selectedID)
    }

    private func applyFilter(keeping selectedID: Int? = nil) {
        let selectedID = selectedID ?? selectedTopic?.id
        sourceRows = allTopics.indices.filter {
            let topic = allTopics[$0]
            return filter.accepts(topic, categoryName: topic.categoryID.flatMap { categories[$0]?.name })
        }
        topics = sourceRows.map { allTopics[$0] }
        navigator.update(count: topics.count, visibleRows: navigator.visibleRows)
        if let selectedID, let index = topics.firstIndex(where: { $0.id == selectedID }) {
            navigator.move(by: index - navigator.cursor)
        }
    }

    public func show(error message: String) { state = .failed(message) }

    /// Clears the unread mark of the topic at `loadedRow` of `allTopics` (a notification read).
    public func markRead(loadedRow: Int) {
        guard allTopics.indices.contains(loadedRow) else { return }
        allTopics[loadedRow].unread = false
        applyFilter()
    }

    /// The user read a listed topic: it is no longer new, and `unreadPosts` remain (nil: all
    /// read as far as the list knows).
    public func noteRead(topicID: Int, unreadPosts: Int?) {
        guard let index = allTopics.firstIndex(where: { $0.id == topicID }) else { return }
        allTopics[index].unread = false
        allTopics[index].unreadPosts = min(allTopics[index].unreadPosts, unreadPosts ?? 0)
        applyFilter()
    }

    /// Sets or clears the ✓ of a listed topic (a solution accepted from the reader).
    public func markSolved(topicID: Int, solved: Bool) {
        guard let index = allTopics.firstIndex(where: { $0.id == topicID }) else { return }
        allTopics[index].hasAcceptedAnswer = solved
        applyFilter()
    }

    public var unreadCount: Int { allTopics.filter(\.unread).count }

    /// The title row: the list, the filter and how much of the list it shows, the site.
    var headerText: String {
        guard filter.isActive else { return listTitle + " · " + siteTitle }
        return "\(listTitle) · \(filter.summary) · \(topics.count)/\(allTopics.count) · \(siteTitle)"
    }

    public func perform(_ operation: OperationID, count: Int?) -> ScreenAction {
        let steps = count ?? 1
        switch operation {
        case .moveDown: navigator.move(by: steps)
        case .moveUp: navigator.move(by: -steps)
        case .pageDown: navigator.move(by: navigator.visibleRows * steps)
        case .pageUp: navigator.move(by: -navigator.visibleRows * steps)
        case .halfPageDown: navigator.move(by: max(1, navigator.visibleRows / 2) * steps)
        case .halfPageUp: navigator.move(by: -max(1, navigator.visibleRows / 2) * steps)
        case .first: navigator.toFirst()
        case .last:
            if let count { navigator.move(by: count - 1 - navigator.cursor) } else { navigator.toLast() }
        case .refresh:
            state = .loading
            onRefresh?()
        case .open:
            guard let topic = selectedTopic else { return .message("nothing to open") }
            return .openTopic(topic)
        case .searchNext, .searchPrevious:
            guard let query = lastQuery else { return .message("no search yet: / searches") }
            return search(query, forward: operation == .searchNext) ? .none : .message("not found: \(query)")
        case .back: return .back
        default: return .unhandled
        }
        return .none
    }

    /// Finds the next (or previous) topic whose title contains `query`, wrapping around.
    public func search(_ query: String, forward: Bool) -> Bool {
        lastQuery = query
        guard !topics.isEmpty else { return false }
        for step in 1...topics.count {
            let index = (navigator.cursor + (forward ? step : -step) + topics.count * 2) % topics.count
            if topics[index].title.localizedCaseInsensitiveContains(query) {
                navigator.move(by: index - navigator.cursor)
                return true
            }
        }
        return false
    }

    public func draw(on terminal: any Terminal, focused: Bool) {
        let (rows, columns) = terminal.size
        terminal.clear()
        terminal.draw(DisplayWidth.pad(headerText, to: columns), row: 0, column: 0, style: .header)
        navigator.update(count: topics.count, visibleRows: max(1, rows - 1))
        if topics.isEmpty {
            let text: String
            switch state {
            case .loading: text = "Loading…"
            case .loaded:
                text =
                    filter.isActive
                    ? "No topics match the filter (:filter alone clears it)." : "No topics in this list."
            case .failed: text = "Could not load topics (r retries)."
            }
            terminal.draw(text, row: 2, column: 2, style: .dim)
        }
        let presentation = terminal.presentation
        for (offset, index) in navigator.visibleRange.enumerated() {
            let selected = index == navigator.cursor
            let style: TextStyle = selected ? (focused ? .selected : .ui(.selectionInactive)) : .normal
            if presentation.linear {
                let topic = topics[index]
                let sentence = SpokenText.topicRow(
                    topic, categoryName: topic.categoryID.flatMap { categories[$0]?.name }, now: now())
                let text = ListRow.text(
                    sentence, selected: selected, index: index, count: topics.count, width: columns,
                    presentation: presentation)
                terminal.draw(text, row: 1 + offset, column: 0, style: style)
                continue
            }
            // The marker column first, so the selection is text as well as colour.
            let indent = presentation.rowPrefixColumns
            let layout = row(for: topics[index], width: max(1, columns - indent))
            terminal.draw(
                presentation.rowPrefix(selected: selected) + layout.text, row: 1 + offset, column: 0, style: style)
            if !selected, let (column, name, color) = layout.category {
                terminal.draw(name, row: 1 + offset, column: indent + column, style: .category(color))
            }
            if !selected, let (column, tags) = layout.tags {
                terminal.draw(tags, row: 1 + offset, column: indent + column, style: .dim)
            }
            if !selected, topics[index].unread {
                terminal.draw("•", row: 1 + offset, column: indent, style: .ui(.unreadMarker))
            } else if !selected, topics[index].unreadPosts > 0 {
                terminal.draw("+", row: 1 + offset, column: indent, style: .ui(.newMarker))
            }
        }
    }

    /// The selected topic's row, or the line saying why there is none.
    public var cursorPosition: FocusCursor? {
        topics.isEmpty ? FocusCursor(row: 2, column: 2) : ListRow.cursor(row: 1 + navigator.cursor - navigator.top)
    }

    /// "•" for a topic never opened, "+" for one with posts since the last visit.
    static func readMark(_ topic: Topic) -> String {
        topic.unread ? "•" : (topic.unreadPosts > 0 ? "+" : " ")
    }

    /// The tags column's width: none when no shown topic has tags or the screen is narrow.
    private func tagsWidth(for width: Int) -> Int {
        guard width >= 90, topics.contains(where: { !$0.tags.isEmpty }) else { return 0 }
        return width >= 130 ? 24 : (width >= 110 ? 18 : 12)
    }

    /// Marker columns, title, category, tags, replies, views, activity: fixed columns on the right.
    func row(for topic: Topic, width: Int) -> (
        text: String, category: (Int, String, String)?, tags: (Int, String)?
    ) {
        let marks =
            Self.readMark(topic) + (topic.hasAcceptedAnswer ? "✓" : " ")
            + (topic.closed ? "🔒" : topic.pinned ? "📌" : "  ")
        let activity = topic.lastActivity.map { ForaDate.relative($0, now: now()) } ?? ""
        let category = topic.categoryID.flatMap { categories[$0] }
        // Category names get more room on wide screens ("Troubleshooting" fits from 100 columns).
        let categoryWidth = width >= 100 ? 18 : (width >= 70 ? 14 : 0)
        let tagsWidth = tagsWidth(for: width)
        let fixed =
            DisplayWidth.of(marks) + 1 + (categoryWidth > 0 ? categoryWidth + 1 : 0)
            + (tagsWidth > 0 ? tagsWidth + 1 : 0)
            + (showsCounts ? 6 + 7 : 0) + 5
        let titleWidth = max(4, width - fixed)
        var line = marks + " " + DisplayWidth.pad(topic.title, to: titleWidth)
        var categoryCell: (Int, String, String)?
        if categoryWidth > 0 {
            let name = DisplayWidth.pad(category?.name ?? "", to: categoryWidth)
            if let color = category?.color, !(category?.name ?? "").isEmpty {
                categoryCell = (
                    DisplayWidth.of(line) + 1, DisplayWidth.truncate(category?.name ?? "", to: categoryWidth), color
                )
            }
            line += " " + name
        }
        var tagsCell: (Int, String)?
        if tagsWidth > 0 {
            let tags = DisplayWidth.truncate(topic.tags.joined(separator: " "), to: tagsWidth)
            if !tags.isEmpty { tagsCell = (DisplayWidth.of(line) + 1, tags) }
            line += " " + DisplayWidth.pad(tags, to: tagsWidth)
        }
        if showsCounts {
            line += DisplayWidth.pad(String(topic.replyCount), to: 6, alignRight: true)
            line += DisplayWidth.pad(String(topic.views), to: 7, alignRight: true)
        }
        line += DisplayWidth.pad(activity, to: 5, alignRight: true)
        return (DisplayWidth.pad(line, to: width), categoryCell, tagsCell)
    }
}
