import ForaCore

/// The numbered links of a post: Enter or `o` opens one in the browser, `y` copies it.
@MainActor
public final class LinkListScreen: Screen {
    public let context = KeyContext.links
    public let hintGroups: [[OperationID]] = [[.moveDown, .moveUp], [.openLink], [.copyLink], [.back]]
    public let links: [String]
    public private(set) var navigator: ListNavigator

    public init(links: [String]) {
        self.links = links
        navigator = ListNavigator(count: links.count)
    }

    public var position: String? { links.isEmpty ? nil : "link \(navigator.cursor + 1)/\(links.count)" }

    public func draw(on terminal: any Terminal, focused: Bool) {
        let (rows, columns) = terminal.size
        terminal.clear()
        terminal.draw(DisplayWidth.pad("Links in this post", to: columns), row: 0, column: 0, style: .header)
        navigator.update(count: links.count, visibleRows: max(1, rows - 1))
        for (offset, index) in navigator.visibleRange.enumerated() {
            let text = ListRow.text(
                "[\(index + 1)] " + links[index], selected: index == navigator.cursor, index: index, count: links.count,
                width: columns, presentation: terminal.presentation)
            terminal.draw(text, row: 1 + offset, column: 0, style: index == navigator.cursor ? .selected : .role(.link))
        }
    }

    public var cursorPosition: FocusCursor? { ListRow.cursor(row: 1 + navigator.cursor - navigator.top) }

    public func perform(_ operation: OperationID, count: Int?) -> ScreenAction {
        let n = count ?? 1
        switch operation {
        case .moveDown: navigator.move(by: n)
        case .moveUp: navigator.move(by: -n)
        case .pageDown, .halfPageDown: navigator.pageDown()
        case .pageUp, .halfPageUp: navigator.pageUp()
        case .first: navigator.toFirst()
        case .last: navigator.toLast()
        case .openLink, .copyLink:
            let index = count.map { $0 - 1 } ?? navigator.cursor
            guard links.indices.contains(index) else { return .message("there are \(links.count) links") }
            return operation == .openLink ? .openURL(links[index]) : .copy(links[index])
        case .back: return .back
        default: return .unhandled
        }
        return .none
    }
}
