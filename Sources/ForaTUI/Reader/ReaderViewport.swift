/// The reader's scroll position as (post position, line within that post). Anchoring to a
/// post rather than to a global line number means a topic of any length never needs its
/// total height, and posts loading or re-wrapping elsewhere never move what the user reads.
public struct ReaderViewport: Equatable, Sendable {
    public var slot: Int = 0
    public var line: Int = 0

    public init(slot: Int = 0, line: Int = 0) {
        self.slot = slot
        self.line = line
    }

    /// Scrolls by `delta` lines through posts of the given heights, stopping at the top and
    /// at the last screenful.
    public mutating func scroll(by delta: Int, count: Int, rows: Int, height: (Int) -> Int) {
        guard count > 0 else {
            self = ReaderViewport()
            return
        }
        line += delta
        while line < 0 {
            if slot == 0 {
                line = 0
                break
            }
            slot -= 1
            line += height(slot)
        }
        while slot < count - 1, line >= height(slot) {
            line -= height(slot)
            slot += 1
        }
        clampToEnd(count: count, rows: rows, height: height)
    }

    /// The furthest position that still fills the screen: the last `rows` lines of the topic.
    public static func end(count: Int, rows: Int, height: (Int) -> Int) -> ReaderViewport {
        var remaining = rows
        var slot = count - 1
        while slot >= 0 {
            let h = height(slot)
            if h >= remaining { return ReaderViewport(slot: slot, line: h - remaining) }
            remaining -= h
            slot -= 1
        }
        return ReaderViewport()
    }

    public mutating func clampToEnd(count: Int, rows: Int, height: (Int) -> Int) {
        guard count > 0 else {
            self = ReaderViewport()
            return
        }
        slot = min(max(0, slot), count - 1)
        line = max(0, line)
        let end = Self.end(count: count, rows: rows, height: height)
        if (slot, line) > (end.slot, end.line) { self = end }
    }
}
