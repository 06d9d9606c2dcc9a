/// Makes any string harmless to print to a terminal.
///
/// A post, a topic title, a username or any other server string could carry ESC (and so CSI
/// or OSC sequences, OSC 52 clipboard writes among them), C1 controls (0x80–0x9F, which some
/// terminals treat as 8-bit CSI/OSC introducers), a bare CR or backspaces that overwrite what
/// was drawn, or DEL. Each is replaced by a visible stand-in (the Unicode "control pictures",
/// `␛` for ESC) so a hostile post shows what it tried instead of doing it.
public enum TerminalSafety {
    /// A one-line string (title, username, URL): newlines and tabs become spaces.
    public static func sanitize(_ text: String) -> String {
        clean(text, keepNewlines: false)
    }

    /// A multi-line string: `\n` stays, `\r\n` becomes `\n`, tabs become spaces.
    public static func sanitizeMultiline(_ text: String) -> String {
        clean(text, keepNewlines: true)
    }

    /// Every control except tab, newline and CR replaced by its visible stand-in: applied to
    /// HTML before parsing, because libxml2 silently drops C0 controls, and a reader should see
    /// that a post tried to send an escape sequence (`␛[2J`) rather than a mangled `[2J`.
    public static func revealControls(in text: String) -> String {
        if !hasControls(text, allowingLineBreaks: true) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\t", "\r": out.append(scalar)
            default: out.append(replacement(for: scalar) ?? scalar)
            }
        }
        return String(out)
    }

    /// Numeric character references to controls (`&#27;`, `&#x9B;`) rewritten as references
    /// to their visible stand-ins, for the same reason as `revealControls(in:)`: libxml2
    /// drops most of them silently. Only HTML with "&#" is scanned.
    public static func revealControlReferences(in html: String) -> String {
        var previous: UInt8 = 0
        var found = false
        for byte in html.utf8 {
            if previous == 0x26 && byte == 0x23 {
                found = true
                break
            }
            previous = byte
        }
        guard found else { return html }
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == 0x26, index + 1 < bytes.count, bytes[index + 1] == 0x23 else {
                out.append(bytes[index])
                index += 1
                continue
            }
            var cursor = index + 2
            let hex = cursor < bytes.count && (bytes[cursor] | 0x20) == 0x78
            if hex { cursor += 1 }
            var value: UInt32 = 0
            var digits = 0
            while cursor < bytes.count, digits < 8, let digit = digitValue(bytes[cursor], hex: hex) {
                value = value * (hex ? 16 : 10) + digit
                digits += 1
                cursor += 1
            }
            if digits > 0, value != 0x09, value != 0x0A, value != 0x0D, let scalar = Unicode.Scalar(value),
                let visible = replacement(for: scalar)
            {
                out += Array("&#\(visible.value);".utf8)
                if cursor < bytes.count && bytes[cursor] == 0x3B { cursor += 1 }
            } else {
                out += bytes[index..<cursor]
            }
            index = cursor
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x61...0x66 where hex: return UInt32(byte - 0x61 + 10)
        case 0x41...0x46 where hex: return UInt32(byte - 0x41 + 10)
        default: return nil
        }
    }

    /// True when `text` holds no byte a terminal would interpret as a control.
    public static func isSafe(_ text: String) -> Bool {
        !hasControls(text, allowingLineBreaks: false)
    }

    private static func hasControls(_ text: String, allowingLineBreaks: Bool) -> Bool {
        var copy = text
        return copy.withUTF8 { hasControls($0, allowingLineBreaks: allowingLineBreaks) }
    }

    private static func hasControls(_ bytes: UnsafeBufferPointer<UInt8>, allowingLineBreaks: Bool) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if byte < 0x20 || byte == 0x7F {
                if !(allowingLineBreaks && (byte == 0x0A || byte == 0x09 || byte == 0x0D)) { return true }
            }
            // C1 controls are U+0080…U+009F, encoded as C2 80…C2 9F.
            if previous == 0xC2 && byte >= 0x80 && byte <= 0x9F { return true }
            previous = byte
        }
        return false
    }

    /// The visible stand-in for a control scalar, or nil when `scalar` is not a control.
    static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        if value < 0x20 { return Unicode.Scalar(0x2400 + value) }
        if value == 0x7F { return "\u{2421}" }
        if (0x80...0x9F).contains(value) { return "\u{FFFD}" }
        return nil
    }

    private static func clean(_ text: String, keepNewlines: Bool) -> String {
        if isSafe(text) { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "\n":
                out.append(keepNewlines ? "\n" : " ")
            case "\t":
                out.append(" ")
            case "\r" where index < scalars.count && scalars[index] == "\n":
                continue  // CRLF: the LF that follows makes the line break.
            default:
                out.append(replacement(for: scalar) ?? scalar)
            }
        }
        return String(out)
    }
}
