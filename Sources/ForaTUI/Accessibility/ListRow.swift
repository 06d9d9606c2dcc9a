import ForaCore

/// A list row as text, the same on every list: the selection marker (blanks on other rows),
/// the row's own text, and in the linear mode the position ("12 of 60") at the end of the
/// selected row, which is kept when the text is cut.
public enum ListRow {
    public static func text(
        _ body: String, selected: Bool, index: Int, count: Int, width: Int, presentation: Presentation
    ) -> String {
        let prefix = presentation.rowPrefix(selected: selected)
        let suffix = presentation.linear && selected ? ", \(index + 1) of \(count)" : ""
        var body = body
        if !suffix.isEmpty {
            while body.last == " " { body.removeLast() }
        }
        let room = max(0, width - DisplayWidth.of(prefix) - DisplayWidth.of(suffix))
        return DisplayWidth.pad(prefix + DisplayWidth.truncate(body, to: room) + suffix, to: width)
    }

    /// Where the cursor goes on a list's selected row: its first column, the marker.
    public static func cursor(row: Int) -> FocusCursor { FocusCursor(row: row, column: 0) }
}

/// What the linear mode puts on the screen instead of line and block drawing characters
/// (quote bars, rules, table grids, the panes' divider): plain ASCII a braille display shows
/// and a screen reader does not spell out as "box drawings light vertical".
public enum LinearText {
    public static func plain(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isLineDrawing) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(isLineDrawing(scalar) ? replacement(for: scalar) : scalar)
        }
        return String(result)
    }

    /// Box drawing (U+2500–U+257F) and block elements (U+2580–U+259F).
    static func isLineDrawing(_ scalar: Unicode.Scalar) -> Bool { (0x2500...0x259F).contains(scalar.value) }

    private static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar {
        let name = scalar.properties.name ?? ""
        if name.contains("DOUBLE HORIZONTAL") && !name.contains("VERTICAL") { return "=" }
        if name.contains("HORIZONTAL") && !name.contains("VERTICAL") && !name.contains(" AND ") { return "-" }
        if name.contains("VERTICAL") && !name.contains("HORIZONTAL") && !name.contains(" AND ") { return "|" }
        if name.contains("BLOCK") || name.contains("SHADE") { return name.contains("EIGHTH") ? "|" : "#" }
        return "+"
    }
}
