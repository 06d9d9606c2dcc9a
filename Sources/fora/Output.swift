import ForaCore
import ForaRender
import Foundation

/// Writing for people and for scripts: JSON with stable keys, aligned columns, and colour
/// only on a terminal and never when NO_COLOR is set.
enum Output {
    static func json(_ value: Any) throws {
        let data = try JSONSerialization.data(
            withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
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
    /// CR, backspace, DEL) becomes a visible stand-in, as in the renderer. Table cells always
    /// pass here.
    static func clean(_ text: String) -> String { TerminalSafety.sanitize(text) }

    static func styled(_ text: String, _ style: Style) -> String {
        colour ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
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
