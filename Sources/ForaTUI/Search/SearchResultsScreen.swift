import ForaCore

/// The posts a site search found (`/` on the list, `:find QUERY`), two rows each: the topic's
/// title with the post number and author, then the snippet with the matched words
/// highlighted. Enter opens the topic at that post; q goes back to where the search started.
@MainActor
public final class SearchResultsScreen: Screen, RowSelecting {
    public enum LoadState: Equatable {
        case loading, loaded
        case failed(String)
    }

    public let query: String
    public let context = KeyContext.results
    public let hintGroups: [[OperationID]] = [[.moveDown, .moveUp], [.open], [.back]]
    public private(set) var hits: [SearchHit] = []
    public private(set) var state = LoadState.loading
    public private(set) var navigator = ListNavigator()
    /// Each hit takes a title row and a snippet row.
    static let rowsPerHit = 2

    public init(query: String) { self.query = query }

    public var position: String? { hits.isEmpty ? nil : "result \(navigator.cursor + 1)/\(hits.count)" }
    public var selectedHit: SearchHit? { hits.indices.contains(navigator.cursor) ? hits[navigator.cursor] : nil }

    public func show(_ hits: [SearchHit]) {
        self.hits = hits
        state = .loaded
        navigator.update(count: hits.count, visibleRows: navigator.visibleRows)
    }

    public func show(error message: String) { state = .failed(message) }

    /// A click on either row of a hit selects it; true when it was selected already.
    public func select(visibleRow: Int) -> Bool {
        let index = navigator.top + visibleRow / Self.rowsPerHit
        guard visibleRow >= 0, hits.indices.contains(index) else { return false }
        defer { navigator.move(by: index - navigator.cursor) }
        return index == navigator.cursor
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
        case .last: navigator.toLast()
        case .open:
            guard let hit = selectedHit else { return .message("no result to open") }
            return .openPost(topicID: hit.topicID, postNumber: hit.postNumber)
        case .back: return .back
        default: return .unhandled
        }
        return .none
    }

    public func draw(on terminal: any Terminal, focused: Bool) {
        let (rows, columns) = terminal.size
        terminal.clear()
        let count = state == .loaded ? " · \(hits.count) result\(hits.count == 1 ? "" : "s")" : ""
        terminal.draw(DisplayWidth.pad("Search: " + query + count, to: columns), row: 0, column: 0, style: .header)
        navigator.update(count: hits.count, visibleRows: max(1, (rows - 1) / Self.rowsPerHit))
        if hits.isEmpty {
            let text: String
            switch state {
            case .loading: text = "Searching…"
            case .loaded: text = "Nothing found for \(query)."
            case .failed(let message): text = "The search failed: \(message)"
            }
            terminal.draw(DisplayWidth.truncate(text, to: max(0, columns - 2)), row: 2, column: 2, style: .dim)
            return
        }
        for (offset, index) in navigator.visibleRange.enumerated() {
            let row = 1 + offset * Self.rowsPerHit
            draw(
                hits[index], row: row, width: columns, selected: index == navigator.cursor, focused: focused,
                on: terminal)
        }
    }

    private func draw(_ hit: SearchHit, row: Int, width: Int, selected: Bool, focused: Bool, on terminal: any Terminal)
    {
        let presentation = terminal.presentation
        let style: TextStyle = selected ? (focused ? .selected : .ui(.selectionInactive)) : .normal
        if presentation.linear {
            let sentence = hit.title + ", post \(hit.postNumber)" + (hit.username.isEmpty ? "" : " by " + hit.username)
            let line = ListRow.text(
                sentence, selected: selected, index: navigator.cursor, count: hits.count, width: width,
                presentation: presentation)
            terminal.draw(line, row: row, column: 0, style: style)
            drawSnippet(hit, row: row + 1, width: width, on: terminal)
            return
        }
        let place = " #\(hit.postNumber)" + (hit.username.isEmpty ? "" : " @" + hit.username)
        let indent = presentation.rowPrefixColumns
        let titleWidth = max(4, width - indent - DisplayWidth.of(place))
        let line = DisplayWidth.pad(
            presentation.rowPrefix(selected: selected) + DisplayWidth.truncate(hit.title, to: titleWidth) + place,
            to: width)
        terminal.draw(line, row: row, column: 0, style: style)
        if !selected {
            let titleEnd = indent + DisplayWidth.of(DisplayWidth.truncate(hit.title, to: titleWidth))
            terminal.draw(place, row: row, column: titleEnd, style: .dim)
        }
        drawSnippet(hit, row: row + 1, width: width, on: terminal)
    }

    /// The selected hit's title row, or the line saying why there is none.
    public var cursorPosition: FocusCursor? {
        hits.isEmpty
            ? FocusCursor(row: 2, column: 2)
            : ListRow.cursor(row: 1 + (navigator.cursor - navigator.top) * Self.rowsPerHit)
    }

    /// The snippet, indented, cut at the width, with the highlighted ranges drawn over it.
    private func drawSnippet(_ hit: SearchHit, row: Int, width: Int, on terminal: any Terminal) {
        let indent = 4
        let room = width - indent
        guard room > 1, !hit.snippet.isEmpty else { return }
        let shown = Array(DisplayWidth.truncate(hit.snippet, to: room))
        terminal.draw(String(shown), row: row, column: indent, style: .dim)
        // The ellipsis of a cut snippet is not part of the text.
        let visible = DisplayWidth.of(hit.snippet) > room ? shown.count - 1 : shown.count
        for range in hit.highlights where range.lowerBound < visible {
            let end = min(range.upperBound, visible)
            let column = indent + DisplayWidth.of(String(shown[0..<range.lowerBound]))
            terminal.draw(String(shown[range.lowerBound..<end]), row: row, column: column, style: .ui(.searchMatch))
        }
    }
}
