import ForaCore

extension ReviewQueueScreen {
    public func draw(on terminal: any Terminal, focused: Bool) {
        let (rows, columns) = terminal.size
        terminal.clear()
        var title = "Review queue · " + filterDescription
        let visible = queue.visible
        title += " · \(visible.count) item" + (visible.count == 1 ? "" : "s")
        if !queue.marked.isEmpty { title += " · \(queue.marked.count) marked" }
        if !queue.inFlight.isEmpty { title += " · \(queue.inFlight.count) sending" }
        terminal.draw(
            DisplayWidth.pad(DisplayWidth.truncate(title, to: columns), to: columns), row: 0, column: 0, style: .header)
        guard !visible.isEmpty else {
            let text = loadingMessage ?? "Nothing to review here (S changes the status filter)."
            terminal.draw(DisplayWidth.truncate(text, to: columns), row: 2, column: 2, style: .dim)
            return
        }
        let capacity = max(1, (rows - 1) / 2)
        scrollTop = min(max(scrollTop, queue.cursor - capacity + 1), queue.cursor)
        scrollTop = max(0, min(scrollTop, max(0, visible.count - capacity)))
        let now = self.now()
        for (offset, item) in visible.dropFirst(scrollTop).prefix(capacity).enumerated() {
            let index = scrollTop + offset
            let selected = index == queue.cursor
            let style: TextStyle = selected ? (focused ? .selected : .ui(.selectionInactive)) : .normal
            let row = 1 + offset * 2
            let stale = queue.stale.contains(item.id)
            // Being refreshed is said in words too, not by the dim colour alone.
            let presentation = terminal.presentation
            let first =
                ReviewRow.first(
                    item, marked: queue.marked.contains(item.id), now: now, keys: keys(for: item).map(\.key),
                    spoken: presentation.linear)
                + (stale ? " · refreshing" : "")
            let second = ReviewRow.second(item)
            terminal.draw(
                ListRow.text(
                    first, selected: selected, index: index, count: visible.count, width: columns,
                    presentation: presentation),
                row: row, column: 0, style: selected ? style : (stale ? .dim : .normal))
            terminal.draw(
                DisplayWidth.pad(
                    DisplayWidth.truncate(presentation.markerBlank + " " + second, to: columns), to: columns),
                row: row + 1, column: 0, style: selected ? style : .dim)
        }
    }

    /// The selected item's first row, or the line saying why the queue is empty.
    public var cursorPosition: FocusCursor? {
        queue.visible.isEmpty ? FocusCursor(row: 2, column: 2) : ListRow.cursor(row: 1 + (queue.cursor - scrollTop) * 2)
    }
}
