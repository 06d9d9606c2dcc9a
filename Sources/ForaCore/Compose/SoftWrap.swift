/// The composer's text laid out in rows of at most `width` display columns: lines break at
/// the last space that fits, or inside a word longer than the row, never inside a grapheme
/// cluster. Rows map back to buffer offsets so the cursor can be drawn and moved by row.
public struct SoftWrap: Equatable, Sendable {
    /// One screen row: the buffer offsets it shows (`end` excludes the newline or break).
    public struct Row: Equatable, Sendable {
        public var start: Int
        public var end: Int
    }

    public let width: Int
    public private(set) var rows: [Row]

    public init(_ characters: [Character], width: Int) {
        self.width = max(1, width)
        rows = []
        var lineStart = 0
        while lineStart <= characters.count {
            var lineEnd = lineStart
            while lineEnd < characters.count, characters[lineEnd] != "\n" { lineEnd += 1 }
            wrapLine(characters, from: lineStart, to: lineEnd)
            lineStart = lineEnd + 1
        }
    }

    /// Only the rows a pane shows: the logical lines from the one holding `offset` on, until
    /// `rowLimit` rows are laid out. Its cost is that of the window, not of the draft, which
    /// keeps a keystroke in a 20,000-character draft well inside the 2 ms echo budget.
    public init(_ characters: [Character], width: Int, fromLineAt offset: Int, rowLimit: Int) {
        self.width = max(1, width)
        rows = []
        var lineStart = min(max(0, offset), characters.count)
        while lineStart > 0, characters[lineStart - 1] != "\n" { lineStart -= 1 }
        while lineStart <= characters.count, rows.count < rowLimit {
            var lineEnd = lineStart
            while lineEnd < characters.count, characters[lineEnd] != "\n" { lineEnd += 1 }
            wrapLine(characters, from: lineStart, to: lineEnd)
            lineStart = lineEnd + 1
        }
    }

    private mutating func wrapLine(_ characters: [Character], from start: Int, to end: Int) {
        var rowStart = start
        var columns = 0
        var lastSpace: Int?
        var position = start
        while position < end {
            let cellWidth = DisplayWidth.of(characters[position])
            if columns + cellWidth > width, position > rowStart {
                // Break after the last space in the row when there is one, else right here.
                let breakAt = lastSpace.map { $0 + 1 } ?? position
                rows.append(Row(start: rowStart, end: breakAt))
                rowStart = breakAt
                lastSpace = nil
                columns = 0
                position = breakAt
                continue
            }
            if characters[position] == " " { lastSpace = position }
            columns += cellWidth
            position += 1
        }
        rows.append(Row(start: rowStart, end: end))
    }

    /// The row and display column where the cursor at `offset` is drawn.
    public func position(of offset: Int, in characters: [Character]) -> (row: Int, column: Int) {
        let index = rowIndex(containing: offset)
        let row = rows[index]
        let column = characters[row.start..<min(offset, row.end)].reduce(0) { $0 + DisplayWidth.of($1) }
        return (index, column)
    }

    /// The buffer offset nearest to display `column` on `row` (for moving up and down).
    public func offset(row index: Int, column: Int, in characters: [Character]) -> Int {
        let row = rows[min(max(0, index), rows.count - 1)]
        var columns = 0
        var position = row.start
        while position < row.end {
            let cellWidth = DisplayWidth.of(characters[position])
            if columns + cellWidth > column { break }
            columns += cellWidth
            position += 1
        }
        return position
    }

    /// The last row whose start is at or before `offset` (a cursor at a soft break belongs to
    /// the next row, where the typed text will appear).
    public func rowIndex(containing offset: Int) -> Int {
        var low = 0
        var high = rows.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if rows[middle].start <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }
}

extension EditBuffer {
    /// Moves the cursor one screen row up or down at `width`, keeping its display column.
    public mutating func moveVertically(by rows: Int, width: Int, preferredColumn: Int? = nil) {
        let layout = SoftWrap(characters, width: width)
        let (row, column) = layout.position(of: cursor, in: characters)
        let target = row + rows
        guard target >= 0 else { return moveToStart() }
        guard target < layout.rows.count else { return moveToEnd() }
        moveCursor(to: layout.offset(row: target, column: preferredColumn ?? column, in: characters))
    }
}
