import ForaCore

/// A rectangle of another terminal that screens draw into as if it were the whole terminal:
/// coordinates are translated and text is clipped at the region's right edge. This is how
/// two panes share the screen without knowing about each other.
public final class RegionTerminal: Terminal {
    public let base: any Terminal
    public let rect: Rect

    public init(_ base: any Terminal, rect: Rect) {
        self.base = base
        self.rect = rect
    }

    public var size: (rows: Int, columns: Int) { (rect.rows, rect.columns) }

    public func clear() {
        let blank = String(repeating: " ", count: rect.columns)
        for row in 0..<rect.rows { base.draw(blank, row: rect.row + row, column: rect.column, style: .normal) }
    }

    public func draw(_ text: String, row: Int, column: Int, style: TextStyle) {
        guard row >= 0, row < rect.rows, column >= 0, column < rect.columns else { return }
        base.draw(
            Self.clip(text, to: rect.columns - column), row: rect.row + row, column: rect.column + column, style: style)
    }

    /// Cuts at a column without an ellipsis: the neighbouring pane must not be written into.
    static func clip(_ text: String, to width: Int) -> String {
        var used = 0
        var result = ""
        for cluster in text {
            let w = DisplayWidth.of(cluster)
            if used + w > width { break }
            result.append(cluster)
            used += w
        }
        return result
    }

    public func refresh() {}
    public func placeCursor(row: Int, column: Int, visible: Bool) {
        guard row >= 0, row < rect.rows, column >= 0, column < rect.columns else { return }
        base.placeCursor(row: rect.row + row, column: rect.column + column, visible: visible)
    }
    public var presentation: Presentation { base.presentation }
    public func suspend(_ body: () -> Void) { base.suspend(body) }
    public func setRawKeys(_ raw: Bool) { base.setRawKeys(raw) }
    public func beep() { base.beep() }
    public func copyToClipboard(_ text: String) { base.copyToClipboard(text) }
}
