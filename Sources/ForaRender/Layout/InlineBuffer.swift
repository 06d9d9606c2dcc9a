/// One piece of a paragraph before wrapping.
enum InlineItem: Equatable {
    case run(StyledRun)
    /// `<br>`: the line ends here whatever the width.
    case hardBreak
}

/// Collects the inline content of one block the way HTML lays it out: runs of white space
/// collapse to one space, white space at the start and end of the block disappears, and every
/// control character is made visible (see `TerminalSafety`) before it can reach a line.
struct InlineBuffer {
    private(set) var items: [InlineItem] = []
    /// White space was seen since the last visible character; emitted before the next one.
    private var pendingSpace = false
    /// Nothing visible since the block (or a hard break) began: leading space is dropped.
    private var atStart = true

    var isEmpty: Bool { items.isEmpty }

    /// Appends text from the document, collapsing white space.
    mutating func append(_ text: String, role: TextRole, link: Int? = nil) {
        guard !text.isEmpty else { return }
        // White space alone (the newlines between tags): at most one pending space.
        if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D || $0 == 0x0C }) {
            if !atStart { pendingSpace = true }
            return
        }
        if let simple = fastPath(text) {
            emitCarriedSpace()
            atStart = false
            appendRun(StyledRun(simple, role: role, link: link))
            return
        }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\n", "\t", "\r", "\u{0C}":
                if !atStart { pendingSpace = true }
            default:
                if pendingSpace {
                    if out.isEmpty {
                        emitCarriedSpace()
                    } else {
                        out.append(" ")
                        pendingSpace = false
                    }
                }
                atStart = false
                out.append(TerminalSafety.replacement(for: scalar) ?? scalar)
            }
        }
        if !out.isEmpty { appendRun(StyledRun(String(out), role: role, link: link)) }
    }

    /// A space left pending by earlier text or an element boundary goes out as plain text,
    /// so a link or emphasis never starts (or ends) with an underlined space.
    private mutating func emitCarriedSpace() {
        guard pendingSpace else { return }
        appendRun(StyledRun(" "))
        pendingSpace = false
    }

    /// The text to append when it needs no collapsing or cleaning (the common case: single
    /// spaces between words, no controls), or nil to take the slow path.
    private func fastPath(_ text: String) -> String? {
        var previous: UInt8 = 0
        var first = true
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F { return nil }
            if byte == 0x20 && (first || previous == 0x20) { return nil }
            if previous == 0xC2 && byte >= 0x80 && byte <= 0x9F { return nil }
            previous = byte
            first = false
        }
        if previous == 0x20 { return nil }
        return text
    }

    /// Appends text the renderer made up (markers, labels): no collapsing, already safe.
    mutating func appendLiteral(_ text: String, role: TextRole, link: Int? = nil) {
        guard !text.isEmpty else { return }
        emitCarriedSpace()
        atStart = false
        appendRun(StyledRun(text, role: role, link: link))
    }

    /// A space that collapses with neighbouring white space (between two inline elements).
    mutating func appendSpace() {
        if !atStart { pendingSpace = true }
    }

    /// Appends what another buffer collected (a spoiler's words gathered on their own).
    mutating func append(contentsOf other: InlineBuffer) {
        for item in other.items {
            switch item {
            case .run(let run): appendLiteral(run.text, role: run.role, link: run.link)
            case .hardBreak: appendHardBreak()
            }
        }
        if other.pendingSpace { appendSpace() }
    }

    /// The collected text without styles, hard breaks as spaces.
    var plainText: String {
        items.map { item -> String in
            if case .run(let run) = item { return run.text }
            return " "
        }.joined()
    }

    mutating func appendHardBreak() {
        items.append(.hardBreak)
        pendingSpace = false
        atStart = true
    }

    private mutating func appendRun(_ run: StyledRun) {
        guard let lastIndex = items.indices.last, case .run(var last) = items[lastIndex], last.role == run.role,
            last.link == run.link
        else {
            items.append(.run(run))
            return
        }
        // Take the run out first so its text is uniquely referenced and grows in place;
        // otherwise every append would copy the whole paragraph.
        items[lastIndex] = .hardBreak
        last.text += run.text
        items[lastIndex] = .run(last)
    }
}
