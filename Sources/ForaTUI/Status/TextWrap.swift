import ForaCore

/// Plain text cut into rows of at most `width` display columns at spaces (inside a word only
/// when it is longer than a row), for messages, confirmations and help lines that must be
/// read whole rather than cut at the edge of the terminal.
enum TextWrap {
    static func lines(_ text: String, width: Int) -> [String] {
        let characters = Array(text)
        let layout = SoftWrap(characters, width: max(1, width))
        return layout.rows.map { row in
            var line = String(characters[row.start..<row.end])
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
