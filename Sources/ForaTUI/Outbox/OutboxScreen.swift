import ForaCore
import ForaRender
import ForaStore

/// The outbox (`:outbox`): every write waiting, sent or refused, with `r` to send a failed or
/// waiting one now and `d` to drop one after a `y` that names it (any other key cancels).
@MainActor
public final class OutboxScreen: DirectKeyScreen {
    public let context = KeyContext.results
    public let hintGroups: [[OperationID]] = [[.moveDown, .moveUp], [.back]]

    private let source: OutboxSource
    /// Called after a retry so the app sends what is now due.
    var onRetry: (() -> Void)?
    public private(set) var items: [OutboxItem] = []
    private var failure: String?
    public private(set) var selected = 0
    private var top = 0
    private var visibleRows = 1
    /// The item a `d` asked to drop, waiting for `y`.
    public private(set) var pendingDrop: OutboxItem?

    public init(source: OutboxSource) {
        self.source = source
        reload()
    }

    public var directHints: String { pendingDrop == nil ? "r retry  d drop" : "y drop  any other key cancels" }

    public var helpLines: [String] {
        [
            "r      send the selected failed or waiting item now",
            "d      drop the selected item (asks for y first)",
        ]
    }

    public var position: String? { items.isEmpty ? nil : "item \(selected + 1)/\(items.count)" }

    /// Re-reads the outbox, keeping the selection on the same item when it is still there.
    func reload() {
        let current = items.indices.contains(selected) ? items[selected].id : nil
        do {
            items = try source.items()
            failure = nil
        } catch {
            items = []
            failure = "the outbox could not be read: \(error)"
        }
        selected = items.firstIndex { $0.id == current } ?? min(selected, max(0, items.count - 1))
    }

    public func draw(on terminal: any Terminal, focused: Bool) {
        let (rows, columns) = terminal.size
        terminal.clear()
        let title = "Outbox: \(items.count) item" + (items.count == 1 ? "" : "s")
        terminal.draw(
            DisplayWidth.pad(DisplayWidth.truncate(title, to: columns), to: columns), row: 0, column: 0, style: .header)
        visibleRows = max(1, rows - 1)
        if let failure {
            terminal.draw(DisplayWidth.truncate(failure, to: columns), row: 1, column: 0, style: .ui(.statusError))
            return
        }
        if items.isEmpty {
            terminal.draw("Nothing in the outbox: every write has been sent.", row: 1, column: 0, style: .dim)
            return
        }
        if selected < top { top = selected }
        if selected >= top + visibleRows { top = selected - visibleRows + 1 }
        for row in 0..<visibleRows where top + row < items.count {
            let index = top + row
            let isSelected = index == selected
            let text = ListRow.text(
                TerminalSafety.sanitize(OutboxRow.text(items[index])), selected: isSelected, index: index,
                count: items.count, width: columns, presentation: terminal.presentation)
            terminal.draw(text, row: 1 + row, column: 0, style: isSelected ? .selected : .normal)
        }
    }

    /// The selected item's row, where a screen reader's cursor follows the selection.
    public var cursorPosition: FocusCursor? { ListRow.cursor(row: 1 + max(0, selected - top)) }

    public func perform(_ operation: OperationID, count: Int?) -> ScreenAction {
        let n = count ?? 1
        let last = max(0, items.count - 1)
        switch operation {
        case .moveDown: selected = min(last, selected + n)
        case .moveUp: selected = max(0, selected - n)
        case .pageDown, .halfPageDown: selected = min(last, selected + visibleRows)
        case .pageUp, .halfPageUp: selected = max(0, selected - visibleRows)
        case .first: selected = 0
        case .last: selected = last
        case .open:
            guard items.indices.contains(selected) else { return .message("the outbox is empty") }
            return .message(TerminalSafety.sanitize(OutboxRow.text(items[selected])))
        case .back: return .back
        default: return .unhandled
        }
        return .none
    }

    public func ownsKey(_ event: InputEvent) -> Bool {
        guard case .character(let key) = event else { return false }
        return key == "r" || key == "d"
    }

    public func handleDirect(_ event: InputEvent) -> ScreenAction? {
        if let item = pendingDrop {
            pendingDrop = nil
            guard case .character("y") = event else { return .message("drop cancelled: nothing done") }
            do {
                try source.drop(item.id)
                reload()
                return .message(
                    "dropped outbox item #\(item.id) (\(item.action.kind) \(OutboxRow.target(item.action)))")
            } catch {
                reload()
                return .message("could not drop item #\(item.id): \(error)")
            }
        }
        guard case .character(let key) = event, key == "r" || key == "d" else { return nil }
        guard items.indices.contains(selected) else { return .message("the outbox is empty") }
        let item = items[selected]
        if key == "d" {
            guard item.state != .sending else {
                return .message("item #\(item.id) is being sent: it cannot be dropped now")
            }
            pendingDrop = item
            return .message(
                "drop #\(item.id) \(item.action.kind) \(OutboxRow.target(item.action)) (\(item.state.rawValue))? "
                    + "It will never be sent. y drops, any other key cancels")
        }
        guard item.state == .failed || item.state == .conflict || item.state == .pending else {
            return .message("item #\(item.id) is \(item.state.rawValue): only a failed or waiting item can be retried")
        }
        do {
            try source.retry(item.id)
        } catch {
            return .message("could not retry item #\(item.id): \(error)")
        }
        reload()
        onRetry?()
        return .message("item #\(item.id) will be sent now")
    }
}
