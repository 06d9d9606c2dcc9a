/// The mouse: the wheel scrolls the pane under the pointer by three rows; a click focuses a
/// pane, selects a topic in the list (or a search result, a site), and opens it when it was
/// already selected.
extension AppController {
    static let wheelStep = 3

    func handle(_ mouse: MouseEvent) {
        let (rows, columns) = terminal.size
        guard let frame = frame(rows: rows, columns: columns),
            prompt == nil
        else { return }
        status.message = nil
        let target: any Screen
        if let overlay = overlays.last {
            target = overlay
        } else if let reader, let rect = frame.reader, Self.contains(rect, mouse) {
            target = reader
            if frame.sideBySide { focusOnList = false }
        } else if Self.contains(frame.list, mouse), reader == nil || frame.sideBySide {
            target = list
            if frame.sideBySide { focusOnList = true }
        } else {
            return
        }
        switch mouse.kind {
        case .wheelUp, .wheelDown:
            let step = mouse.kind == .wheelUp ? -Self.wheelStep : Self.wheelStep
            // In the reader the wheel scrolls rows (j/k move the focused post instead).
            if let reader = target as? ReaderScreen {
                reader.scrollRows(step)
            } else {
                _ = target.perform(step < 0 ? .moveUp : .moveDown, count: Self.wheelStep)
            }
        case .click:
            if let rows = target as? any RowSelecting, target !== list {
                // Overlays fill the content area from row 0, their title.
                if rows.select(visibleRow: mouse.row - 1) { perform(.open, count: nil) }
                return
            }
            guard target === list else { return }
            // Row 0 of the list pane is its title.
            let wasSelected = list.select(visibleRow: mouse.row - frame.list.row - 1)
            if wasSelected { perform(.open, count: nil) }
        }
    }

    private static func contains(_ rect: Rect, _ mouse: MouseEvent) -> Bool {
        (rect.row..<rect.row + rect.rows).contains(mouse.row)
            && (rect.column..<rect.column + rect.columns).contains(mouse.column)
    }
}
