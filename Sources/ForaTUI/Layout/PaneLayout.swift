/// A rectangle of terminal cells.
public struct Rect: Equatable, Sendable {
    public var row: Int
    public var column: Int
    public var rows: Int
    public var columns: Int

    public init(row: Int, column: Int, rows: Int, columns: Int) {
        self.row = row
        self.column = column
        self.rows = rows
        self.columns = columns
    }
}

/// Where the panes go: the thread list and the reader side by side on wide terminals (160
/// columns or more, unless the user toggled to one pane), one pane at a time otherwise. The
/// status bar always takes the last row. Pure maths, so every size is unit-tested.
public struct PaneLayout: Equatable, Sendable {
    public static let minimumSize = (rows: 10, columns: 40)
    public static let sideBySideColumns = 160
    /// The narrowest a pane may be made with the split keys.
    public static let minimumPaneColumns = 40

    public enum Mode: String, Sendable {
        /// Side by side when wide enough.
        case automatic
        /// Always one pane.
        case single
    }

    public var mode: Mode = .automatic
    /// The list pane's share of the width in side-by-side mode, in percent.
    public var listPercent: Int = 40

    public init(mode: Mode = .automatic, listPercent: Int = 40) {
        self.mode = mode
        self.listPercent = listPercent
    }

    /// The panes for a terminal of `rows`×`columns`; nil when it is too small to draw. With
    /// `composerRows`, the composer takes that many rows below the reader (the reader keeps at
    /// least a third of the height).
    public func frame(rows: Int, columns: Int, readerOpen: Bool, composerRows: Int = 0) -> Frame? {
        guard rows >= Self.minimumSize.rows, columns >= Self.minimumSize.columns else { return nil }
        let status = Rect(row: rows - 1, column: 0, rows: 1, columns: columns)
        let content = rows - 1
        var frame: Frame
        if readerOpen, mode == .automatic, columns >= Self.sideBySideColumns {
            let listColumns = listWidth(columns: columns)
            // One column between the panes holds the divider.
            let list = Rect(row: 0, column: 0, rows: content, columns: listColumns)
            let reader = Rect(row: 0, column: listColumns + 1, rows: content, columns: columns - listColumns - 1)
            frame = Frame(list: list, reader: reader, sideBySide: true, status: status)
        } else {
            let whole = Rect(row: 0, column: 0, rows: content, columns: columns)
            frame = Frame(list: whole, reader: readerOpen ? whole : nil, sideBySide: false, status: status)
        }
        if composerRows > 0, var reader = frame.reader {
            let composerHeight = min(composerRows, content - max(3, content / 3))
            reader.rows -= composerHeight
            frame.reader = reader
            frame.composer = Rect(
                row: reader.row + reader.rows, column: reader.column, rows: composerHeight, columns: reader.columns)
        }
        return frame
    }

    func listWidth(columns: Int) -> Int {
        let wanted = columns * listPercent / 100
        return min(max(wanted, Self.minimumPaneColumns), columns - 1 - Self.minimumPaneColumns)
    }

    /// Moves the split by `steps` of 5 percent (negative: narrower list).
    public mutating func adjustSplit(by steps: Int) {
        listPercent = min(75, max(20, listPercent + 5 * steps))
    }

    public mutating func toggleMode() { mode = mode == .automatic ? .single : .automatic }

    /// The rectangles of one frame.
    public struct Frame: Equatable, Sendable {
        public var list: Rect
        /// Nil when no topic is open; equal to `list` when one pane shows at a time.
        public var reader: Rect?
        public var sideBySide: Bool
        public var status: Rect
        /// The composer's pane under the reader, when one is open.
        public var composer: Rect?
    }
}
