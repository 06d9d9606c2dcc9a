/// A one-line question inside the composer (a snippet's name): typing, Backspace, Tab
/// completion over `choices` (the common prefix, then cycling), Enter answers, Esc cancels.
struct LinePrompt: Sendable {
    enum Outcome: Equatable, Sendable {
        case editing
        case cancelled
        case submitted(String)
    }

    let label: String
    private(set) var text = ""
    let choices: [String]
    private var cycle: (matches: [String], index: Int)?

    init(label: String, choices: [String]) {
        self.label = label
        self.choices = choices
    }

    /// The names that complete what is typed.
    var matches: [String] { choices.filter { $0.hasPrefix(text) } }

    mutating func handle(_ event: InputEvent) -> Outcome {
        if event != .tab { cycle = nil }
        switch event {
        case .escape: return .cancelled
        case .enter: return .submitted(text)
        case .backspace:
            if text.isEmpty { return .cancelled }
            text.removeLast()
        case .tab: complete()
        case .character(let character) where !character.isControl:
            text.append(character)
        default: break
        }
        return .editing
    }

    private mutating func complete() {
        if var current = cycle {
            current.index = (current.index + 1) % current.matches.count
            text = current.matches[current.index]
            cycle = current
            return
        }
        let found = matches
        guard let first = found.first else { return }
        let common = CommandPrompt.commonPrefix(found)
        if found.count == 1 || common.count > text.count {
            text = found.count == 1 ? first : common
            return
        }
        text = first
        cycle = (found, 0)
    }

    /// The line as shown: the label, the text, and the choices that match.
    var line: String {
        let shown = matches.prefix(6).joined(separator: " ")
        return label + text + (shown.isEmpty ? "   (no match)" : "   [" + shown + (matches.count > 6 ? " …]" : "]"))
    }
}

extension Character {
    /// C0 controls and DEL: keys, never text.
    var isControl: Bool {
        unicodeScalars.count == 1 && (unicodeScalars.first.map { $0.value < 0x20 || $0.value == 0x7F } ?? false)
    }
}
