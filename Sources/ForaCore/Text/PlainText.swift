/// Cooked HTML to the plain text search indexes: tags dropped (block tags become spaces),
/// the common entities decoded, whitespace collapsed. Deliberately simple: it feeds a
/// tokenizer, not a screen (ForaRender renders for reading).
public enum PlainText {
    public static func fromCooked(_ html: String) -> String {
        var output = String.UnicodeScalarView()
        output.reserveCapacity(html.unicodeScalars.count)
        var inTag = false
        var entity: String.UnicodeScalarView?
        var lastWasSpace = true
        func append(_ scalar: Unicode.Scalar) {
            let isSpace = scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r"
            if isSpace {
                if !lastWasSpace { output.append(" ") }
                lastWasSpace = true
            } else {
                output.append(scalar)
                lastWasSpace = false
            }
        }
        for scalar in html.unicodeScalars {
            if inTag {
                if scalar == ">" {
                    inTag = false
                    append(" ")
                }
                continue
            }
            if var pending = entity {
                if scalar == ";" {
                    for decoded in decode(String(pending)).unicodeScalars { append(decoded) }
                    entity = nil
                } else if pending.count > 10 || scalar == " " || scalar == "<" || scalar == "&" {
                    append("&")
                    for kept in pending { append(kept) }
                    entity = scalar == "&" ? String.UnicodeScalarView() : nil
                    if scalar == "<" { inTag = true }
                    if scalar == " " { append(scalar) }
                } else {
                    pending.append(scalar)
                    entity = pending
                }
                continue
            }
            switch scalar {
            case "<": inTag = true
            case "&": entity = String.UnicodeScalarView()
            default: append(scalar)
            }
        }
        if let pending = entity {
            append("&")
            for kept in pending { append(kept) }
        }
        var text = String(output)
        if text.hasSuffix(" ") { text.removeLast() }
        return text
    }

    static func decode(_ name: String) -> String {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos", "#39", "#x27": return "'"
        case "nbsp": return " "
        case "hellip": return "…"
        case "rsquo", "lsquo": return "'"
        case "ldquo", "rdquo": return "\""
        case "mdash": return "—"
        case "ndash": return "–"
        default:
            if name.hasPrefix("#x"), let code = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code)
            {
                return String(Character(scalar))
            }
            if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
                return String(Character(scalar))
            }
            return "&\(name);"
        }
    }
}
