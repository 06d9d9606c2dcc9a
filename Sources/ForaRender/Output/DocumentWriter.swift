/// Writes a rendered document as text for `fora read`.
///
/// `.plain` emits no escape byte at all (pipes, `NO_COLOR`); `.ansi` adds SGR colours per
/// role and, when asked, OSC 8 hyperlinks. Either way the text passes `TerminalSafety`
/// again here, so nothing a server sent can reach the terminal as a control.
public struct DocumentWriter: Sendable {
    public enum Style: Sendable, Equatable {
        case plain
        case ansi(hyperlinks: Bool)
    }

    public var style: Style
    public var palette: RolePalette

    public init(style: Style, palette: RolePalette = .standard) {
        self.style = style
        self.palette = palette
    }

    /// Picks the style for standard output: plain for a pipe or when `NO_COLOR` is set
    /// (https://no-color.org: any non-empty value); `force` (`--color`) overrides both.
    public static func style(isTerminal: Bool, environment: [String: String], force: Bool = false) -> Style {
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        if force || (isTerminal && !noColor) {
            // OSC 8 is widely supported, but a terminal that lacks it may print the URL;
            // `FORA_HYPERLINKS=0` turns it off.
            return .ansi(hyperlinks: (environment["FORA_HYPERLINKS"] ?? "") != "0")
        }
        return .plain
    }

    /// The document's lines, then (when it has links) a blank line and the numbered URLs.
    public func write(_ document: RenderedDocument) -> String {
        var out = ""
        var lines = document.lines
        if !document.links.isEmpty { lines += [StyledLine()] + document.linkListLines }
        for line in lines {
            write(line, links: document.links, into: &out)
            out += "\n"
        }
        return out
    }

    public func write(_ line: StyledLine, links: [String], into out: inout String) {
        for run in line.runs {
            let text = TerminalSafety.sanitize(run.text)
            guard case .ansi(let hyperlinks) = style else {
                out += text
                continue
            }
            var url: String?
            if hyperlinks, let number = run.link, number >= 1, number <= links.count { url = links[number - 1] }
            if let url { out += "\u{1B}]8;;\(Self.hyperlinkTarget(url))\u{1B}\\" }
            if let sgr = palette.parameters[run.role] {
                out += "\u{1B}[\(sgr)m\(text)\u{1B}[0m"
            } else {
                out += text
            }
            if url != nil { out += "\u{1B}]8;;\u{1B}\\" }
        }
    }

    /// An OSC 8 target may hold only printable ASCII: anything else is percent-encoded, so
    /// a URL can never end the sequence early or smuggle a control.
    static func hyperlinkTarget(_ url: String) -> String {
        var out = ""
        for byte in url.utf8 {
            if byte > 0x20 && byte < 0x7F && byte != 0x3B {
                out.append(Character(Unicode.Scalar(byte)))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
