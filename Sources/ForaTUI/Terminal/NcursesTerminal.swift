import CNcursesw
import CQuitSignal
import ForaCore
import Foundation

/// The real terminal via ncursesw. Create and use it on the UI thread only.
public final class NcursesTerminal: Terminal {
    private let styler: CursesStyler
    /// Where the cursor goes at the next refresh (the focus), and whether it shows. curses
    /// leaves the real cursor where stdscr's is at `wrefresh`, so it is moved there last;
    /// `leaveok` stays false (never TRUE: screen readers follow this cursor).
    private var cursor: (row: Int32, column: Int32, visible: Bool)?
    public var presentation = Presentation.standard
    private var rawKeys = false
    private var paste = BracketedPaste()

    /// `noColor` is NO_COLOR's answer: attributes only, whatever the theme says. `mouse` asks
    /// the terminal for wheel and click reports (holding Shift still selects text in most).
    /// `environment` decides 24-bit colour (`ColorSupport`).
    public init(
        theme: Theme = .fallback, noColor: Bool = ProcessInfo.processInfo.environment["NO_COLOR"] != nil,
        mouse: Bool = true, environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        setlocale(LC_ALL, "")
        // ESC alone must feel instant; curses waits this long for the rest of an escape sequence.
        set_escdelay(25)
        Self.startCurses(noColor: noColor, environment: environment)
        set_escdelay(25)
        cbreak()
        noecho()
        nonl()
        keypad(fora_stdscr(), true)
        curs_set(0)
        wtimeout(fora_stdscr(), 0)
        if mouse {
            _ = mousemask(fora_button1_clicked() | fora_button4_pressed() | fora_button5_pressed(), nil)
            // Report clicks at once instead of waiting to tell a click from a double click.
            _ = mouseinterval(0)
        }
        var colors = 0
        if !noColor, has_colors() {
            start_color()
            use_default_colors()
            colors = ColorSupport.colors(noColor: noColor, hasColors: true, terminfoColors: Int(fora_colors()))
        }
        styler = CursesStyler(theme: theme, colors: colors, maximumPairs: Int(fora_color_pairs()))
        Self.writeRaw(BracketedPaste.enable)
        NcursesTerminal.installSignalHandlers()
    }

    /// `initscr()`, or, when the environment or the entry announces 24-bit colour but the
    /// entry has fewer (`COLORTERM=truecolor`, or `RGB`/`Tc` in its terminfo, with
    /// `TERM=xterm-256color`), the entry's `-direct` variant when the system has one, so theme
    /// `#rrggbb` colours are drawn exactly.
    private static func startCurses(noColor: Bool, environment: [String: String]) {
        let term = environment["TERM"] ?? ""
        var flags = ColorSupport.TerminfoFlags()
        var entryColors = 0
        if !noColor, !term.isEmpty, fora_load_terminfo(term) == 1 {
            // tigetflag: 1 present, 0 absent, -1 not a flag (RGB may be numeric: tigetnum).
            flags = ColorSupport.TerminfoFlags(
                rgb: tigetflag("RGB") == 1 || tigetnum("RGB") > 0, tc: tigetflag("Tc") == 1)
            entryColors = Int(tigetnum("colors"))
        }
        guard
            let direct = ColorSupport.directEntry(
                noColor: noColor, term: term, environment: environment, flags: flags, terminfoColors: entryColors),
            let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
            let screen = newterm(direct, output, input)
        else {
            initscr()
            return
        }
        set_term(screen)
    }

    /// SIGINT/SIGTERM only record the signal (see CQuitSignal); the event loop asks
    /// `quitSignal`, saves the drafts, restores the terminal and exits 128+signal.
    private static func installSignalHandlers() {
        fora_install_quit_handlers()
    }

    /// The SIGINT or SIGTERM received, 0 when none.
    public static var quitSignal: Int32 { fora_quit_signal() }

    /// A signal also writes a byte to `descriptor` (the interface's wake-up pipe), so the
    /// event loop wakes whichever thread the signal landed on.
    public static func wakeOnQuitSignal(_ descriptor: Int32) { fora_quit_wake(descriptor) }

    public func shutdown() {
        Self.writeRaw(BracketedPaste.disable)
        endwin()
    }

    /// Bytes straight to the terminal, outside curses (mode switches, OSC 52).
    private static func writeRaw(_ sequence: String) {
        let bytes = Array(sequence.utf8)
        _ = bytes.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    public var size: (rows: Int, columns: Int) {
        (Int(fora_getmaxy(fora_stdscr())), Int(fora_getmaxx(fora_stdscr())))
    }

    public func clear() {
        cursor = nil
        werase(fora_stdscr())
    }

    public func draw(_ text: String, row: Int, column: Int, style: TextStyle) {
        let (rows, columns) = size
        guard row >= 0, row < rows, column >= 0 else { return }
        let (attrs, pair) = styler.attributes(for: style)
        // The linear mode's promise: no line or block drawing reaches the screen.
        let text = presentation.linear ? LinearText.plain(text) : text
        var col = column
        wmove(fora_stdscr(), Int32(row), Int32(col))
        for cluster in text {
            let width = DisplayWidth.of(cluster)
            if width == 0 { continue }
            // Never write the bottom-right cell's right neighbour: curses would scroll.
            guard col + width <= columns else { break }
            var chars = cluster.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
            _ = chars.withUnsafeMutableBufferPointer { buffer in
                fora_add_cluster(fora_stdscr(), buffer.baseAddress, Int32(buffer.count), attrs, pair)
            }
            col += width
        }
    }

    public func refresh() {
        let (rows, columns) = size
        let place = cursor ?? (0, 0, false)
        curs_set(place.visible ? 1 : 0)
        wmove(fora_stdscr(), min(place.row, Int32(max(0, rows - 1))), min(place.column, Int32(max(0, columns - 1))))
        wrefresh(fora_stdscr())
    }

    public func placeCursor(row: Int, column: Int, visible: Bool) {
        cursor = (Int32(clamping: row), Int32(clamping: column), visible)
    }

    public func setRawKeys(_ raw: Bool) {
        guard raw != rawKeys else { return }
        rawKeys = raw
        if raw {
            CNcursesw.raw()
        } else {
            noraw()
            cbreak()
        }
    }

    /// Leaves curses for `body` (an editor on this terminal) and repaints everything after.
    /// Ctrl-C then belongs to the editor: fora catches SIGINT with a no-op meanwhile (a caught
    /// signal is reset to the default in the child, an ignored one would not be).
    public func suspend(_ body: () -> Void) {
        Self.writeRaw(BracketedPaste.disable)
        endwin()
        let previous = signal(SIGINT) { _ in }
        body()
        signal(SIGINT, previous)
        clearok(fora_stdscr(), true)
        refresh()
        Self.writeRaw(BracketedPaste.enable)
    }

    /// The next refresh repaints every cell (Ctrl-L after something scribbled on the screen).
    public func invalidate() { clearok(fora_stdscr(), true) }
    public func beep() { _ = CNcursesw.beep() }

    /// OSC 52, written straight to the terminal after curses has flushed its own output.
    public func copyToClipboard(_ text: String) {
        let sequence = "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
        let bytes = Array(sequence.utf8)
        _ = bytes.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    /// Reads every pending input event without blocking.
    public func pendingEvents() -> [InputEvent] {
        var events: [InputEvent] = []
        var code: wint_t = 0
        while true {
            let kind = wget_wch(fora_stdscr(), &code)
            if kind == ERR { break }
            // Alt-x arrives as Esc and x in the same read; a lone Esc has nothing behind it.
            if kind != fora_key_code_yes(), code >= 32, code != 127, events.last == .escape,
                let scalar = Unicode.Scalar(UInt32(code))
            {
                events[events.count - 1] = .alt(Character(scalar))
                continue
            }
            if kind == fora_key_code_yes() {
                if let event = Self.functionKeys[Int32(code)] {
                    events.append(event)
                } else if Int32(code) == fora_key_resize() {
                    events.append(.resize)
                } else if Int32(code) == fora_key_mouse(), let event = Self.mouseEvent() {
                    events.append(.mouse(event))
                }
                continue
            }
            switch code {
            case 10, 13: events.append(.enter)
            case 27: events.append(.escape)
            case 9: events.append(.tab)
            case 8, 127: events.append(.backspace)
            default:
                if let scalar = Unicode.Scalar(UInt32(code)) { events.append(.character(Character(scalar))) }
            }
        }
        return paste.filter(events)
    }

    private static func mouseEvent() -> MouseEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let row = Int(event.y)
        let column = Int(event.x)
        if event.bstate & fora_button4_pressed() != 0 { return MouseEvent(.wheelUp, row: row, column: column) }
        if event.bstate & fora_button5_pressed() != 0 { return MouseEvent(.wheelDown, row: row, column: column) }
        if event.bstate & fora_button1_clicked() != 0 { return MouseEvent(.click, row: row, column: column) }
        return nil
    }

    private static let functionKeys: [Int32: InputEvent] = [
        KEY_UP: .up, KEY_DOWN: .down, KEY_LEFT: .left, KEY_RIGHT: .right, KEY_PPAGE: .pageUp,
        KEY_NPAGE: .pageDown, KEY_HOME: .home, KEY_END: .end, KEY_ENTER: .enter, KEY_BACKSPACE: .backspace,
        KEY_DC: .delete,
    ]
}
