import CNcursesw
import ForaCore
import Foundation

/// The real terminal via ncursesw. Create and use it on the UI thread only.
public final class NcursesTerminal: Terminal {
    private let useColour: Bool

    public init() {
        setlocale(LC_ALL, "")
        initscr()
        cbreak()
        noecho()
        keypad(fora_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        wtimeout(fora_stdscr(), 0)
        useColour = ProcessInfo.processInfo.environment["NO_COLOR"] == nil && has_colors()
        if useColour {
            start_color()
            use_default_colors()
            init_pair(1, Int16(COLOR_CYAN), -1)
            init_pair(2, Int16(COLOR_BLACK), Int16(COLOR_CYAN))
            init_pair(3, Int16(COLOR_YELLOW), -1)
        }
        NcursesTerminal.installSignalHandlers()
    }

    /// SIGINT/SIGTERM restore the terminal before exiting.
    private static func installSignalHandlers() {
        signal(SIGINT) { _ in
            endwin()
            _exit(130)
        }
        signal(SIGTERM) { _ in
            endwin()
            _exit(143)
        }
    }

    public func shutdown() { endwin() }

    public var size: (rows: Int, columns: Int) {
        (Int(fora_getmaxy(fora_stdscr())), Int(fora_getmaxx(fora_stdscr())))
    }

    public func clear() { werase(fora_stdscr()) }

    private func attributes(for style: TextStyle) -> (attr_t, Int16) {
        switch style {
        case .normal: return (fora_a_normal(), 0)
        case .header: return (fora_a_bold(), useColour ? 1 : 0)
        case .selected: return (fora_a_reverse(), 0)
        case .status: return (useColour ? fora_a_normal() : fora_a_reverse(), useColour ? 2 : 0)
        case .dim: return (fora_a_dim(), 0)
        case .accent: return (fora_a_bold(), useColour ? 3 : 0)
        }
    }

    public func draw(_ text: String, row: Int, column: Int, style: TextStyle) {
        let (rows, columns) = size
        guard row >= 0, row < rows else { return }
        let (attrs, pair) = attributes(for: style)
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

    public func refresh() { wrefresh(fora_stdscr()) }
    public func beep() { _ = CNcursesw.beep() }

    /// Reads every pending input event without blocking.
    public func pendingEvents() -> [InputEvent] {
        var events: [InputEvent] = []
        var code: wint_t = 0
        while true {
            let kind = wget_wch(fora_stdscr(), &code)
            if kind == ERR { break }
            if kind == fora_key_code_yes() {
                switch Int32(code) {
                case KEY_UP: events.append(.up)
                case KEY_DOWN: events.append(.down)
                case KEY_PPAGE: events.append(.pageUp)
                case KEY_NPAGE: events.append(.pageDown)
                case KEY_HOME: events.append(.home)
                case KEY_END: events.append(.end)
                case KEY_ENTER: events.append(.enter)
                case fora_key_resize(): events.append(.resize)
                default: break
                }
            } else if code == 10 || code == 13 {
                events.append(.enter)
            } else if let scalar = Unicode.Scalar(UInt32(code)) {
                events.append(.character(Character(scalar)))
            }
        }
        return events
    }
}
