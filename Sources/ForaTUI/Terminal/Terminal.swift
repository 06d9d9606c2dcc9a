/// How text is drawn: a few semantic roles the driver maps to attributes and colours.
public enum TextStyle: Sendable, Equatable {
    case normal, header, selected, status, dim, accent
}

/// One input event from the terminal.
public enum InputEvent: Sendable, Equatable, Hashable {
    case character(Character)
    case up, down, pageUp, pageDown, home, end, enter
    case resize
}

/// The drawing surface screens use. Only the UI thread touches it (ARCHITECTURE rule 3).
public protocol Terminal: AnyObject {
    var size: (rows: Int, columns: Int) { get }
    func clear()
    /// Draws `text` from (row, column), clipped at the right edge by display width.
    func draw(_ text: String, row: Int, column: Int, style: TextStyle)
    func refresh()
    func beep()
}
