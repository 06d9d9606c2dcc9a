/// Bracketed paste: terminals asked with `ESC [ ? 2004 h` wrap pasted text in `ESC [ 200 ~`
/// and `ESC [ 201 ~`. Curses hands those over as Alt-[ and plain characters; this filter turns
/// everything between them into one `.paste` event, so pasted text is never taken for keys (a
/// pasted Tab is not completion, a pasted `q` in the reader does not go back) and a paste is
/// one undo step. State carries across reads, since a long paste spans several.
struct BracketedPaste: Sendable {
    static let enable = "\u{1B}[?2004h"
    static let disable = "\u{1B}[?2004l"
    private static let start: [InputEvent] = [
        .alt("["), .character("2"), .character("0"), .character("0"), .character("~"),
    ]
    private static let end: [InputEvent] = [
        .alt("["), .character("2"), .character("0"), .character("1"), .character("~"),
    ]
    /// A paste that never ends (a confused terminal) is let through at this size.
    private static let limit = 4_000_000

    /// The text pasted so far, while inside a paste.
    private var text: String?
    /// Events that may be the start of a marker.
    private var pending: [InputEvent] = []

    var isPasting: Bool { text != nil }

    /// The events of one read, with pastes folded into `.paste` events.
    mutating func filter(_ events: [InputEvent]) -> [InputEvent] {
        var output: [InputEvent] = []
        for event in events { feed(event, into: &output) }
        if text == nil {
            output += pending
            pending = []
        } else if let pasted = text, pasted.utf8.count > Self.limit {
            output.append(.paste(pasted))
            text = nil
            pending = []
        }
        return output
    }

    private mutating func feed(_ event: InputEvent, into output: inout [InputEvent]) {
        let marker = text == nil ? Self.start : Self.end
        if marker[pending.count] == event {
            pending.append(event)
            guard pending.count == marker.count else { return }
            pending = []
            if let pasted = text {
                output.append(.paste(pasted))
                text = nil
            } else {
                text = ""
            }
            return
        }
        if !pending.isEmpty {
            let held = pending
            pending = []
            for earlier in held { emit(earlier, into: &output) }
            feed(event, into: &output)
            return
        }
        emit(event, into: &output)
    }

    private mutating func emit(_ event: InputEvent, into output: inout [InputEvent]) {
        guard var pasted = text else {
            output.append(event)
            return
        }
        switch event {
        case .character(let character): pasted.append(character)
        case .enter: pasted.append("\n")
        case .tab: pasted.append("\t")
        case .alt(let character): pasted += "\u{1B}" + String(character)
        default: break
        }
        text = pasted
    }
}
