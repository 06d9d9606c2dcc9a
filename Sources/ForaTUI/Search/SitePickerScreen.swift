import ForaCore

/// The `[sites.NAME]` of config.toml, the current one marked: Enter switches to the selected
/// site (the app reopens the store and the service for it), q goes back.
@MainActor
public final class SitePickerScreen: Screen, RowSelecting {
    public let context = KeyContext.sites
    public let hintGroups: [[OperationID]] = [[.moveDown, .moveUp], [.open], [.back]]
    public let names: [String]
    public let current: String?
    public private(set) var navigator: ListNavigator
    private let onChoose: (String) -> Void

    public init(names: [String], current: String?, onChoose: @escaping (String) -> Void) {
        self.names = names
        self.current = current
        self.onChoose = onChoose
        navigator = ListNavigator(count: names.count)
        if let current, let index = names.firstIndex(of: current) { navigator.move(by: index) }
    }

    public func select(visibleRow: Int) -> Bool {
        let index = navigator.top + visibleRow
        guard visibleRow >= 0, names.indices.contains(index) else { return false }
        defer { navigator.move(by: index - navigator.cursor) }
        return index == navigator.cursor
    }

    public var position: String? { names.isEmpty ? nil : "site \(navigator.cursor + 1)/\(names.count)" }

    public func perform(_ operation: OperationID, count: Int?) -> ScreenAction {
        switch operation {
        case .moveDown: navigator.move(by: count ?? 1)
        case .moveUp: navigator.move(by: -(count ?? 1))
        case .first: navigator.toFirst()
        case .last: navigator.toLast()
        case .open:
            guard names.indices.contains(navigator.cursor) else { return .message("no sites in config.toml") }
            let name = names[navigator.cursor]
            if name == current { return .back }
            onChoose(name)
            return .message("opening \(name)…")
        case .back: return .back
        default: return .unhandled
        }
        return .none
    }

    public func draw(on terminal: any Terminal, focused: Bool) {
        let (rows, columns) = terminal.size
        terminal.clear()
        terminal.draw(DisplayWidth.pad("Sites (config.toml)", to: columns), row: 0, column: 0, style: .header)
        navigator.update(count: names.count, visibleRows: max(1, rows - 1))
        for (offset, index) in navigator.visibleRange.enumerated() {
            let name = names[index]
            let mark = name == current ? "● " : "  "
            let text = ListRow.text(
                mark + name + (name == current ? "  (current)" : ""), selected: index == navigator.cursor,
                index: index, count: names.count, width: columns, presentation: terminal.presentation)
            terminal.draw(text, row: 1 + offset, column: 0, style: index == navigator.cursor ? .selected : .normal)
        }
    }

    public var cursorPosition: FocusCursor? { ListRow.cursor(row: 1 + navigator.cursor - navigator.top) }
}
