import ForaCore

/// An in-memory terminal for tests: a grid of cells, same width rules as the real one.
public final class GridTerminal: Terminal {
    public private(set) var rows: Int
    public private(set) var columns: Int
    /// Each cell holds a cluster; the second half of a wide cluster holds "".
    private var cells: [[String]]
    private var styles: [[TextStyle]]
    /// What `copyToClipboard` received, newest last.
    public private(set) var clipboard: [String] = []
    public private(set) var beeps = 0
    /// Where `placeCursor` put the cursor since the last `clear()`.
    public private(set) var cursor: (row: Int, column: Int)?
    /// Whether the last `placeCursor` showed the cursor.
    public private(set) var cursorVisible = false
    public var presentation = Presentation.standard
    /// How many times `suspend` handed the terminal over.
    public private(set) var suspensions = 0
    /// Whether signal keys arrive as keys (`setRawKeys`).
    public private(set) var rawKeys = false

    public init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        cells = Array(repeating: Array(repeating: " ", count: columns), count: rows)
        styles = Array(repeating: Array(repeating: .normal, count: columns), count: rows)
    }

    public var size: (rows: Int, columns: Int) { (rows, columns) }

    public func resize(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        clear()
    }

    public func clear() {
        cursor = nil
        cells = Array(repeating: Array(repeating: " ", count: columns), count: rows)
        styles = Array(repeating: Array(repeating: .normal, count: columns), count: rows)
    }

    public func draw(_ text: String, row: Int, column: Int, style: TextStyle) {
        guard row >= 0, row < rows, column >= 0 else { return }
        let text = presentation.linear ? LinearText.plain(text) : text
        var col = column
        for cluster in text {
            let width = DisplayWidth.of(cluster)
            if width == 0 { continue }
            guard col + width <= columns else { break }
            // Overwriting half of a wide cluster blanks its other half, as a real terminal does.
            if cells[row][col] == "", col > 0 { cells[row][col - 1] = " " }
            cells[row][col] = String(cluster)
            styles[row][col] = style
            if width == 2 {
                cells[row][col + 1] = ""
                styles[row][col + 1] = style
            }
            col += width
        }
    }

    public func refresh() {}
    public func placeCursor(row: Int, column: Int, visible: Bool) {
        cursor = (row, column)
        cursorVisible = visible
    }
    public func setRawKeys(_ raw: Bool) { rawKeys = raw }
    public func suspend(_ body: () -> Void) {
        suspensions += 1
        body()
    }
    public func beep() { beeps += 1 }
    public func copyToClipboard(_ text: String) { clipboard.append(text) }

    public func line(_ row: Int) -> String { cells[row].joined() }
    public var text: String { (0..<rows).map(line).joined(separator: "\n") }
    public func style(row: Int, column: Int) -> TextStyle { styles[row][column] }
}
