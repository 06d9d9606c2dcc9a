import ForaCore

/// Charts as text: Unicode block elements, or plain ASCII where the terminal's locale is not
/// UTF-8 or NO_COLOR asks for plain output. Two series always differ by their glyph, never by
/// colour alone.
public struct HealthCharts: Sendable {
    public let ascii: Bool
    /// The linear (screen-reader) mode: every chart becomes lines of words and numbers, which a
    /// screen reader reads and a braille display shows; bars of `#` say nothing there.
    public let words: Bool

    public init(ascii: Bool, words: Bool = false) {
        self.ascii = ascii || words
        self.words = words
    }

    /// The glyph of the first series (new topics) and the second (answered).
    public var primaryGlyph: Character { ascii ? "#" : "█" }
    public var secondaryGlyph: Character { ascii ? "=" : "▒" }
    /// Between the figures of one line.
    public var separator: String { ascii ? " | " : " · " }

    private static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
    private static let rising: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// A horizontal bar of `value` out of `maximum` in at most `width` cells, in eighths of a
    /// cell where Unicode allows; a non-zero value always shows at least a sliver.
    public func bar(_ value: Int, of maximum: Int, width: Int) -> String {
        guard value > 0, maximum > 0, width > 0 else { return "" }
        let eighthsTotal = max(1, Int((Double(min(value, maximum)) / Double(maximum) * Double(width * 8)).rounded()))
        if ascii { return String(repeating: "#", count: max(1, (eighthsTotal + 4) / 8)) }
        let full = eighthsTotal / 8
        let rest = eighthsTotal % 8
        return String(repeating: "█", count: full) + (rest > 0 ? String(Self.eighths[rest - 1]) : "")
    }

    /// Vertical paired columns, one pair per value (`primary`, `secondary` side by side, then a
    /// gap), `height` rows tall, top row first. Heights scale to the largest value.
    public func columns(_ pairs: [(primary: Int, secondary: Int)], height: Int) -> [String] {
        guard height > 0 else { return [] }
        let maximum = max(1, pairs.map { max($0.primary, $0.secondary) }.max() ?? 1)
        // A non-zero value shows at least its smallest mark on the bottom row.
        func eighths(_ value: Int, least: Int) -> Int {
            value <= 0 ? 0 : max(least, Int((Double(value) / Double(maximum) * Double(height * 8)).rounded()))
        }
        let scaled = pairs.map { (eighths($0.primary, least: 1), eighths($0.secondary, least: 4)) }
        return (0..<height).map { row in
            let floor = (height - 1 - row) * 8  // eighths below this row
            var line = ""
            for (primary, secondary) in scaled {
                line.append(cell(primary - floor, glyph: primaryGlyph, eighths: true))
                line.append(cell(secondary - floor, glyph: secondaryGlyph, eighths: false))
                line.append(" ")
            }
            return line
        }
    }

    /// One cell of a column: full, a partial top (the first series in eighths; the second
    /// rounded to a whole cell, since its glyph has no partial forms), or empty.
    private func cell(_ filled: Int, glyph: Character, eighths: Bool) -> Character {
        if filled >= 8 { return glyph }
        if filled <= 0 { return " " }
        if ascii || !eighths { return filled >= 4 ? glyph : " " }
        return Self.rising[filled - 1]
    }
}
