/// Cursor and scroll window over a list: pure maths, no drawing.
public struct ListNavigator: Equatable, Sendable {
    public private(set) var count: Int
    public private(set) var cursor: Int = 0
    /// Index of the first visible row.
    public private(set) var top: Int = 0
    public private(set) var visibleRows: Int

    public init(count: Int = 0, visibleRows: Int = 1) {
        self.count = max(0, count)
        self.visibleRows = max(1, visibleRows)
    }

    public mutating func update(count: Int, visibleRows: Int) {
        self.count = max(0, count)
        self.visibleRows = max(1, visibleRows)
        clamp()
    }

    public mutating func move(by delta: Int) {
        cursor += delta
        clamp()
    }

    public mutating func pageDown() { move(by: visibleRows) }
    public mutating func pageUp() { move(by: -visibleRows) }
    public mutating func toFirst() { move(by: -count) }
    public mutating func toLast() { move(by: count) }

    public var visibleRange: Range<Int> { top..<min(count, top + visibleRows) }

    private mutating func clamp() {
        cursor = count == 0 ? 0 : min(max(0, cursor), count - 1)
        if cursor < top { top = cursor }
        if cursor >= top + visibleRows { top = cursor - visibleRows + 1 }
        top = max(0, min(top, max(0, count - visibleRows)))
    }
}
