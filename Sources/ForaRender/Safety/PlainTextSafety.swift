/// The command line's last line of defence: what `fora` prints for people and for scripts.
///
/// The CLI prints server text (titles, usernames, the site's error messages, review labels,
/// device codes) on a terminal or into a pipe another program reads. For a terminal it goes
/// through `TerminalSafety` like everything the TUI draws; on top of that, the bidirectional
/// overrides and isolates are dropped (the TUI never draws them either, being zero-width), so a
/// username cannot turn the rest of a line around on a terminal that applies them. For JSON,
/// the controls `JSONSerialization` lets through are escaped.
extension TerminalSafety {
    /// `text` made safe to print as CLI output: controls shown as stand-ins, newlines kept,
    /// tabs as spaces, bidirectional overrides and isolates dropped.
    public static func sanitizeForCommandLine(_ text: String) -> String {
        withoutBidiControls(sanitizeMultiline(text))
    }

    /// `text` without the bidirectional overrides and isolates: for the renderer's output on
    /// the command line, which is otherwise safe already.
    public static func withoutBidiControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isBidiControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isBidiControl(scalar) { out.append(scalar) }
        return String(out)
    }

    /// LRE, RLE, PDF, LRO, RLO (U+202A–U+202E) and LRI, RLI, FSI, PDI (U+2066–U+2069): the
    /// explicit formatting characters that reorder text after them.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// JSON text with DEL, the C1 controls (U+0080–U+009F), the bidirectional controls and
    /// the line/paragraph separators written as `\uXXXX` escapes. `JSONSerialization` escapes
    /// only U+0000–U+001F, so `fora --json | jq -r` could otherwise put an 8-bit CSI (U+009B) on
    /// a terminal. These characters can only occur inside JSON strings, where the escape means
    /// the same character, so a parser reads the same document.
    public static func escapeControls(inJSON bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var escaped: UInt32?
            var length = 1
            if byte == 0x7F {
                escaped = 0x7F
            } else if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
                escaped = UInt32(bytes[index + 1])
                length = 2
            } else if byte == 0xE2, index + 2 < bytes.count {
                let value = 0x2000 | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
                if bytes[index + 1] & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80,
                    (0x2028...0x202E).contains(value) || (0x2066...0x2069).contains(value)
                {
                    escaped = value
                    length = 3
                }
            }
            if let escaped {
                let hex = String(escaped, radix: 16)
                out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            } else {
                out.append(byte)
            }
            index += length
        }
        return out
    }
}
