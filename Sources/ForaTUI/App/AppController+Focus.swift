import ForaCore

/// The terminal's cursor on the focus: after every draw the app asks the focused screen (or
/// the prompt) where its focus is and leaves the cursor there, because screen readers and
/// braille displays follow that cursor and nothing else.
extension AppController {
    /// The rectangle the focused screen is drawn in (what `focused` answers, on the layout).
    func focusedRect(in frame: PaneLayout.Frame, content: Rect) -> Rect {
        if !overlays.isEmpty { return content }
        if composer != nil, reader != nil, !focusOnReader, let rect = frame.composer { return rect }
        if reader != nil, !(focusOnList && frame.sideBySide), let rect = frame.reader { return rect }
        return frame.list
    }

    /// Moves the cursor to `cursor`, a cell of `rect`, kept inside it.
    func placeFocusCursor(_ cursor: FocusCursor, in rect: Rect) {
        let row = rect.row + min(max(0, cursor.row), max(0, rect.rows - 1))
        let column = rect.column + min(max(0, cursor.column), max(0, rect.columns - 1))
        let visible = CursorVisibility.shows(
            cursorVisibility, linear: terminal.presentation.linear, takingText: cursor.takesText)
        terminal.placeCursor(row: row, column: column, visible: visible)
    }
}
