import ForaCore
import ForaRender
import Foundation

/// Writing for people and for scripts: JSON with stable keys, aligned columns, and colour
/// only on a terminal and never when NO_COLOR is set.
///
/// Every byte the CLI prints goes through here (standard output, standard error, prompts and
/// progress), and every text is sanitised on its way out: whatever server text a message
/// carries (a title, a username, the site's `errors[]`, a review label, a device code) cannot
/// put a control on the terminal. Styles are passed beside the text, never inside it, so
/// fora's own escapes are the only ones written. The one exception is `rendered(_:)`, the
/// renderer's own output, which is sanitised as it is laid out.
enum Output {
    static func json(_ value: Any) throws {
        let data = try JSONSerialization.data(
            withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        FileHandle.standardOutput.write(Data(TerminalSafety.escapeControls(inJSON: Array(data)) + [0x0A]))
    }

    /// One line (or several, when `text` holds newlines) on standard output, in `style`.
    static func line(_ text: String, style: Style? = nil) {
        line([(text, style)])
    }

    /// One line made of differently styled pieces.
    static func line(_ pieces: [(text: String, style: Style?)]) {
        let text = pieces.map { styled(safe($0.text), $0.style) }.joined()
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// A message on standard error (diagnostics, progress notes, what `fora login` asks for),
    /// so a script's standard output stays clean.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((safe(text) + "\n").utf8))
    }

    /// A question on standard error, the cursor left after it.
    static func prompt(_ text: String) {
        FileHandle.standardError.write(Data(safe(text).utf8))
    }

    /// A progress line on standard error that the next one replaces; nil clears it.
    static func progress(_ text: String?) {
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + (text.map(safe) ?? "")).utf8))
    }

    /// Text from `DocumentWriter`: the renderer sanitised every run while laying it out and
    /// adds only its own styles and OSC 8 links; the bidi overrides it keeps go here.
    static func rendered(_ text: String) {
        FileHandle.standardOutput.write(Data(TerminalSafety.withoutBidiControls(text).utf8))
    }

    static let colour: Bool = {
        let environment = ProcessInfo.processInfo.environment
        if environment["NO_COLOR"] != nil { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) == 1
    }()

    enum Style: String {
        case bold = "1"
        case dim = "2"
        case green = "32"
        case yellow = "33"
        case cyan = "36"
    }

    /// A server string made harmless for a terminal: every control (ESC, CSI, OSC, C1, bare
    /// CR, backspace, DEL) becomes a visible stand-in, as in the renderer, and newlines become
    /// spaces. Table cells always pass here.
    static func clean(_ text: String) -> String { TerminalSafety.sanitize(text) }

    /// What every printed text passes through: controls become visible stand-ins, newlines
    /// stay, bidirectional overrides go.
    private static func safe(_ text: String) -> String { TerminalSafety.sanitizeForCommandLine(text) }

    private static func styled(_ text: String, _ style: Style?) -> String {
        guard let style, colour, !text.isEmpty else { return text }
        return "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m"
    }

    /// Rows as columns padded to their display width; the last column is left as it is.
    static func table(_ rawRows: [[String]], rightAligned: Set<Int> = []) -> [String] {
        let rows = rawRows.map { $0.map(clean) }
        guard let columns = rows.map(\.count).max() else { return [] }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() where index < columns - 1 {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1
                    ? cell : DisplayWidth.pad(cell, to: widths[index], alignRight: rightAligned.contains(index))
            }.joined(separator: "  ")
        }
    }

    /// JSON null for a missing value.
    static func nullable(_ value: Any?) -> Any { value ?? NSNull() }

    /// "2026-11-01 07:30" from an ISO 8601 string, in UTC; the string itself when unparseable.
    static func shortDate(_ iso: String?) -> String {
        guard let iso else { return "" }
        guard let date = ForaDate.parse(iso) else { return iso }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
