import ForaRender

/// The interface's own elements, named as the `[ui]` table of a theme names them.
public enum UIElement: String, Sendable, CaseIterable {
    case titleBar = "title_bar"
    case statusBar = "status_bar"
    case statusError = "status_error"
    case keyHint = "key_hint"
    case selection
    /// The cursor row of a pane without the focus.
    case selectionInactive = "selection_inactive"
    case unreadMarker = "unread_marker"
    case newMarker = "new_marker"
    case solvedMark = "solved_mark"
    case pinnedMark = "pinned_mark"
    case metadata
    case notice
    case author
    case staffBadge = "staff_badge"
    case border
    case commandLine = "command_line"
    /// The matched words in a search result's snippet.
    case searchMatch = "search_match"
}

/// How text is drawn: a semantic name the driver maps, through the theme, to colours and
/// attributes. Screens never name a colour.
public enum TextStyle: Sendable, Hashable {
    case normal
    case ui(UIElement)
    case role(TextRole)
    /// A category's colour as the API sends it ("0088CC"), mapped to the terminal's palette.
    case category(String)

    public static let header = TextStyle.ui(.titleBar)
    public static let selected = TextStyle.ui(.selection)
    public static let status = TextStyle.ui(.statusBar)
    public static let dim = TextStyle.ui(.metadata)
    public static let accent = TextStyle.ui(.notice)
}

/// One input event from the terminal. Control keys arrive as `.character` with the control
/// scalar (Ctrl-d is U+0004); `KeyName` gives them their `C-d` names.
public enum InputEvent: Sendable, Equatable, Hashable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end, enter, escape, tab, backspace, delete
    case resize
    /// A key pressed with Alt (Meta), which terminals send as Esc and the key: `M-b` is `.alt("b")`.
    case alt(Character)
    /// Text the terminal reported as pasted (bracketed paste); only screens that take text use it.
    case paste(String)
    /// A wheel turn or a click at a terminal cell, when the terminal reports the mouse.
    case mouse(MouseEvent)
}

public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case wheelUp, wheelDown, click
    }

    public var kind: Kind
    public var row: Int
    public var column: Int

    public init(_ kind: Kind, row: Int, column: Int) {
        self.kind = kind
        self.row = row
        self.column = column
    }
}

/// The drawing surface screens use. Only the UI thread touches it (ARCHITECTURE rule 3).
public protocol Terminal: AnyObject {
    var size: (rows: Int, columns: Int) { get }
    func clear()
    /// Draws `text` from (row, column), clipped at the right edge by display width.
    func draw(_ text: String, row: Int, column: Int, style: TextStyle)
    func refresh()
    func beep()
    /// Puts `text` on the system clipboard through the terminal (OSC 52).
    func copyToClipboard(_ text: String)
    /// Forgets what is on the screen, so the next refresh repaints everything.
    func invalidate()
    /// Leaves the terminal's own cursor at (row, column) after the next refresh, shown or
    /// not: the app puts it on the focus after every draw (screen readers follow it).
    func placeCursor(row: Int, column: Int, visible: Bool)
    /// How screens present themselves here (the linear mode, the selection marker).
    var presentation: Presentation { get }
    /// Gives the terminal to `body` (an external editor): curses steps aside and repaints after.
    func suspend(_ body: () -> Void)
    /// While a screen takes text (the composer), C-c, C-z, C-\\, C-s and C-q arrive as keys
    /// instead of signals and flow control, so C-c can ask before dropping a draft.
    func setRawKeys(_ raw: Bool)
}

extension Terminal {
    public func invalidate() {}
    public func placeCursor(row: Int, column: Int, visible: Bool) {}
    public var presentation: Presentation { .standard }
    public func suspend(_ body: () -> Void) { body() }
    public func setRawKeys(_ raw: Bool) {}
}
