import ForaCore

/// The site's categories, one a row with its slug and topic count: Enter shows the selected
/// one's latest topics (as `:category SLUG` does), q goes back.
@MainActor
public final class CategoryListScreen: Screen, RowSelecting {
    public let context = KeyContext.sites
    public let hintGroups: [[OperationID]] = [[.moveDown, .moveUp], [.open], [.back]]
    public let categories: [ForaCore.Category]
    public private(set) var navigator: ListNavigator
    private let onOpen: (ForaCore.Category) -> Void

    public init(categories: [ForaCore.Category], onOpen: @escaping (ForaCore.Category) -> Void) {
        self.categories = categories.sorted { $0.name.lowercased() < $1.name.lowercased() }
        self.onOpen = onOpen
        navigator = ListNavigator(count: categories.count)
    }

    public var position: String? {
        categories.isEmpty ? nil : "category \(navigator.cursor + 1)/\(categories.count)"
    }

    public func select(visibleRow: Int) -> Bool {
        let index = navigator.top + visibleRow
        guard visibleRow >= 0, categories.indices.contains(index) else { return false }
        defer { navigator.move(by: index - navigator.cursor) }
        return index == navigator.cursor
    }

    public func perform(_ operation: OperationID, count: Int?) -> ScreenAction {
        switch operation {
        case .moveDown: navigator.move(by: count ?? 1)
        case .moveUp: navigator.move(by: -(count ?? 1))
        case .first: navigator.toFirst()
        case .last: navigator.toLast()
        case .open:
            guard categories.indices.contains(navigator.cursor) else { return .message("no categories") }
            onOpen(categories[navigator.cursor])
            return .back
        case .back: return .back
        default: return .unhandled
        }
        return .none
    }

    public func draw(on terminal: any Terminal, focused: Bool) {
        let (rows, columns) = terminal.size
        terminal.clear()
        terminal.draw(DisplayWidth.pad("Categories · Enter shows one", to: columns), row: 0, column: 0, style: .header)
        navigator.update(count: categories.count, visibleRows: max(1, rows - 1))
        for (offset, index) in navigator.visibleRange.enumerated() {
            let category = categories[index]
            var text = category.name + "  (" + category.slug + ")"
            if let count = category.topicCount { text += " · \(count) topics" }
            let row = ListRow.text(
                text, selected: index == navigator.cursor, index: index, count: categories.count, width: columns,
                presentation: terminal.presentation)
            terminal.draw(row, row: 1 + offset, column: 0, style: index == navigator.cursor ? .selected : .normal)
        }
    }

    /// The selected row, where a screen reader's cursor follows the selection.
    public var cursorPosition: FocusCursor? { ListRow.cursor(row: 1 + navigator.cursor - navigator.top) }
}
