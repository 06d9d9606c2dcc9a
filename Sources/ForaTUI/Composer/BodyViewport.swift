import ForaCore

/// Which rows of the body the pane shows, and moving the cursor by screen rows, laying out
/// only the logical lines around the window and the cursor: a keystroke costs the lines on
/// screen, not the whole draft.
struct BodyViewport: Sendable {
    /// The buffer offset where the first shown row starts.
    private(set) var top = 0

    /// The rows to draw (at most `rows` of them) and where the cursor is among them; the
    /// window moves only as far as needed to show the cursor.
    mutating func layout(
        _ characters: [Character], cursor: Int, width: Int, rows: Int
    ) -> (rows: [SoftWrap.Row], cursor: (row: Int, column: Int)) {
        let rows = max(1, rows)
        top = min(top, characters.count)
        if cursor < top { top = Self.rowStart(containing: cursor, in: characters, width: width) }
        var window = Self.window(characters, from: top, width: width, rows: rows)
        if window.index(of: cursor, rows: rows) == nil {
            top = Self.topShowingLast(cursor, in: characters, width: width, rows: rows)
            window = Self.window(characters, from: top, width: width, rows: rows)
        }
        top = window.rows.first?.start ?? 0
        let index = window.index(of: cursor, rows: rows) ?? 0
        let row = window.rows[index]
        let end = min(max(cursor, row.start), row.end)
        let column = characters[row.start..<end].reduce(0) { $0 + DisplayWidth.of($1) }
        return (Array(window.rows.prefix(rows)), (index, column))
    }

    /// The rows from the one holding `top` to the end of the last logical line laid out, so a
    /// cursor at a soft break finds the row after it.
    private struct Window {
        var rows: [SoftWrap.Row]

        /// The row holding `offset` when it is among the first `rows` shown.
        func index(of offset: Int, rows shown: Int) -> Int? {
            guard let first = rows.first, let last = rows.last, offset >= first.start, offset <= last.end,
                let index = rows.lastIndex(where: { $0.start <= offset }), index < shown
            else { return nil }
            return index
        }
    }

    private static func window(_ characters: [Character], from top: Int, width: Int, rows: Int) -> Window {
        let first = lineRows(characters, at: top, width: width)
        let skip = first.lastIndex { $0.start <= top } ?? 0
        let layout = SoftWrap(characters, width: width, fromLineAt: top, rowLimit: skip + rows)
        return Window(rows: Array(layout.rows.dropFirst(skip)))
    }

    /// The rows of the logical line holding `offset`.
    static func lineRows(_ characters: [Character], at offset: Int, width: Int) -> [SoftWrap.Row] {
        SoftWrap(characters, width: width, fromLineAt: offset, rowLimit: 1).rows
    }

    static func lineStart(_ offset: Int, in characters: [Character]) -> Int {
        var position = min(offset, characters.count)
        while position > 0, characters[position - 1] != "\n" { position -= 1 }
        return position
    }

    private static func rowStart(containing offset: Int, in characters: [Character], width: Int) -> Int {
        let rows = lineRows(characters, at: offset, width: width)
        return rows.last { $0.start <= offset }?.start ?? lineStart(offset, in: characters)
    }

    /// The top that puts the cursor's row last on screen (or the text's start).
    private static func topShowingLast(_ cursor: Int, in characters: [Character], width: Int, rows: Int) -> Int {
        var above = lineRows(characters, at: cursor, width: width)
        var index = above.lastIndex { $0.start <= cursor } ?? 0
        while index < rows - 1, let first = above.first, first.start > 0 {
            let previous = lineRows(characters, at: first.start - 1, width: width)
            above = previous + above
            index += previous.count
        }
        return above[max(0, index - (rows - 1))].start
    }

    /// The offset `delta` screen rows away from `cursor`, at display `column` (or the
    /// cursor's own); the text's ends when there are no more rows.
    static func move(
        _ characters: [Character], cursor: Int, by delta: Int, column: Int?, width: Int
    ) -> (offset: Int, column: Int) {
        var rows = lineRows(characters, at: cursor, width: width)
        var index = rows.lastIndex { $0.start <= cursor } ?? 0
        let current = rows[index]
        let goal =
            column ?? characters[current.start..<min(cursor, current.end)].reduce(0) { $0 + DisplayWidth.of($1) }
        while index + delta >= rows.count, let last = rows.last, last.end < characters.count {
            rows += lineRows(characters, at: last.end + 1, width: width)
        }
        while index + delta < 0, let first = rows.first, first.start > 0 {
            let previous = lineRows(characters, at: first.start - 1, width: width)
            rows = previous + rows
            index += previous.count
        }
        let target = index + delta
        guard target >= 0 else { return (0, goal) }
        guard target < rows.count else { return (characters.count, goal) }
        let row = rows[target]
        var used = 0
        var position = row.start
        while position < row.end {
            let cell = DisplayWidth.of(characters[position])
            if used + cell > goal { break }
            used += cell
            position += 1
        }
        return (position, goal)
    }
}
