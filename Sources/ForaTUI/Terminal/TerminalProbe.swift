import CNcursesw
import Foundation

/// What `fora doctor` and `fora --version` ask of the terminal side without starting curses:
/// the ncurses in use, the locale's character set, and the terminfo entry for a `$TERM`.
public enum TerminalProbe {
    /// ncurses's own version string, e.g. `ncurses 6.4.20221231`.
    public static var cursesVersion: String {
        curses_version().map { String(cString: $0) } ?? "ncurses (unknown version)"
    }

    /// The character set of the user's locale (`UTF-8` when wide text will draw), after
    /// `setlocale(LC_ALL, "")` as the interface does it.
    public static func localeCharacterSet() -> String {
        setlocale(LC_ALL, "")
        return nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } ?? ""
    }

    /// The terminfo entry for `term`: nil when there is none, else its colour count (0 for a
    /// monochrome entry).
    public static func terminfoColors(term: String) -> Int? {
        guard !term.isEmpty, !term.contains("/"), fora_load_terminfo(term) == 1 else { return nil }
        return max(0, Int(tigetnum("colors")))
    }
}
