/// Text from outside (a config value, a server's answer) made safe for one line of a message
/// or the log: control characters (C0, DEL, C1, line and paragraph separators) become `?`,
/// and it is cut at `limit` characters.
public enum PrintableText {
    public static func oneLine(_ text: String, limit: Int = Int.max) -> String {
        let printable = String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    let value = scalar.value
                    let control = value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
                    return control ? "?" : scalar
                }))
        return printable.count > limit ? printable.prefix(max(0, limit - 3)) + "..." : printable
    }
}
