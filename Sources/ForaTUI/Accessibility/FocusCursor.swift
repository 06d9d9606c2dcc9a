/// Where a screen's focus is after its last draw, in the screen's own region: the selected
/// row of a list, the focused post, the insertion point of a text field. The app moves the
/// terminal's cursor there after every draw, because screen readers and braille displays
/// follow that cursor, not a highlight.
public struct FocusCursor: Equatable, Sendable {
    public var row: Int
    public var column: Int
    /// Text is typed here (the composer, a form's field, a prompt's answer): the cursor shows
    /// even when `[ui] cursor` leaves it hidden elsewhere.
    public var takesText: Bool

    public init(row: Int, column: Int = 0, takesText: Bool = false) {
        self.row = row
        self.column = column
        self.takesText = takesText
    }
}
