import ForaCore

/// The one-line editor at the bottom of the screen for `:` commands and `/` searches: typing,
/// Backspace, Left/Right, Tab completion over operation names (commands only), Up/Down
/// through the history of its kind, Enter submits, Esc cancels.
public struct CommandPrompt: Sendable {
    public enum Kind: Sendable, Equatable {
        case command, search
        var prefix: String { self == .command ? ":" : "/" }
    }

    public enum Outcome: Equatable, Sendable {
        case editing
        case cancelled
        case submitted(String)
    }

    public let kind: Kind
    public private(set) var text = ""
    /// Cursor as a count of characters from the start.
    public private(set) var cursor = 0
    private let history: [String]
    private var historyIndex: Int
    /// Values Tab completes after a command's name (`move` → the category names).
    private let arguments: [String: [String]]
    /// Completions cycle on repeated Tab presses.
    private var completions: [String] = []
    private var completionIndex = 0

    /// `text` starts the line ("filter " for the `f` key), the cursor after it; `arguments`
    /// completes a command's argument (category names for `:move`).
    public init(kind: Kind, history: [String], text: String = "", arguments: [String: [String]] = [:]) {
        self.kind = kind
        self.history = history
        self.arguments = arguments
        historyIndex = history.count
        self.text = text
        cursor = text.count
    }

    public mutating func handle(_ event: InputEvent) -> Outcome {
        if event != .tab { completions = [] }
        switch event {
        case .escape: return .cancelled
        case .enter: return .submitted(text)
        case .backspace:
            if text.isEmpty { return .cancelled }
            if cursor > 0 {
                text.remove(at: text.index(text.startIndex, offsetBy: cursor - 1))
                cursor -= 1
            }
        case .delete:
            if cursor < text.count { text.remove(at: text.index(text.startIndex, offsetBy: cursor)) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = text.count
        case .up: recall(-1)
        case .down: recall(1)
        case .tab: complete()
        case .character(let character):
            guard !(character.unicodeScalars.first.map { $0.value < 0x20 } ?? true) else { break }
            text.insert(character, at: text.index(text.startIndex, offsetBy: cursor))
            cursor += 1
        default: break
        }
        return .editing
    }

    private mutating func recall(_ step: Int) {
        let index = historyIndex + step
        guard index >= 0, index <= history.count else { return }
        historyIndex = index
        text = index == history.count ? "" : history[index]
        cursor = text.count
    }

    /// Completes the command name (the first word) from the operation table, or its
    /// argument from `arguments` (case-insensitively: `:move bil` → `:move Billing`).
    private mutating func complete() {
        guard kind == .command else { return }
        let completingArgument = text.contains(" ")
        if completions.isEmpty {
            completions = completingArgument ? argumentCompletions() : Self.completions(for: text)
            completionIndex = 0
            guard !completions.isEmpty else { return }
            // A unique command gets a trailing space, ready for an argument.
            if completions.count == 1 {
                text = completions[0] + (completingArgument ? "" : " ")
                cursor = text.count
                completions = []
                return
            }
            let common = Self.commonPrefix(completions)
            if common.count > text.count {
                text = common
                cursor = text.count
                completions = []
                return
            }
        }
        text = completions[completionIndex % completions.count]
        cursor = text.count
        completionIndex += 1
    }

    /// Whole command lines completing the argument typed so far.
    private func argumentCompletions() -> [String] {
        guard let space = text.firstIndex(of: " ") else { return [] }
        let name = String(text[..<space])
        let typed = text[text.index(after: space)...].lowercased()
        return (arguments[name] ?? []).filter { $0.lowercased().hasPrefix(typed) }.sorted().map { name + " " + $0 }
    }

    public static func completions(for prefix: String) -> [String] {
        OperationTable.all.map(\.name).filter { $0.hasPrefix(prefix) }.sorted()
    }

    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }

    /// The visible line, scrolled so the cursor stays on screen.
    public func draw(on terminal: any Terminal, row: Int) {
        let width = terminal.size.columns
        terminal.draw(String(repeating: " ", count: width), row: row, column: 0, style: .ui(.commandLine))
        let (full, start, cursorIndex) = shown(width: width)
        terminal.draw(String(full[start...]), row: row, column: 0, style: .ui(.commandLine))
        let column = DisplayWidth.of(String(full[start..<cursorIndex]))
        let under = cursorIndex < full.count ? String(full[cursorIndex]) : " "
        terminal.draw(under, row: row, column: column, style: .selected)
    }

    /// The insertion point on the prompt's row, where the terminal's cursor goes.
    public func cursorPosition(width: Int) -> FocusCursor {
        let (full, start, cursorIndex) = shown(width: width)
        return FocusCursor(row: 0, column: DisplayWidth.of(String(full[start..<cursorIndex])), takesText: true)
    }

    /// The prompt and its text, the first character shown (scrolled so the cursor fits).
    private func shown(width: Int) -> (full: [Character], start: Int, cursorIndex: Int) {
        let full = Array(kind.prefix + text)
        let cursorIndex = kind.prefix.count + cursor
        var start = 0
        while start < cursorIndex, DisplayWidth.of(String(full[start..<cursorIndex])) >= width { start += 1 }
        return (full, start, cursorIndex)
    }
}

/// A submitted command line: an operation and an optional count ("goto-post 12").
public struct ParsedCommand: Equatable, Sendable {
    public var operation: OperationID
    public var count: Int?
    /// The text after the name, for the commands that take one (`:category NAME`, `:tag NAME`,
    /// `:find QUERY`).
    public var argument: String?

    /// Commands whose argument is text rather than a count.
    static let takingText: Set<OperationID> = [
        .showCategory, .showTag, .findOnSite, .flagPost, .filterList, .moveTopic, .newMessage,
    ]
    /// Commands whose text may be left out: `:filter` alone clears the filter, `:silence` and
    /// `:suspend` alone open a small form.
    static let optionalText: Set<OperationID> = [.filterList, .silenceUser, .suspendUser]

    public enum Failure: Error, Equatable {
        case unknown(String)
        case badArgument(String)
        case missingArgument(String)
        var message: String {
            switch self {
            case .unknown(let name): return "unknown command: \(name) (? lists them)"
            case .badArgument(let text): return "expected a number, got \(text)"
            case .missingArgument(let name): return ":\(name) needs a name or text after it"
            }
        }
    }

    public static func parse(_ line: String) -> Result<ParsedCommand, Failure>? {
        let words = line.split(separator: " ").map(String.init)
        guard let name = words.first else { return nil }
        // The CLI's `fora search QUERY`: with text, `:search` searches the site as `:find` does.
        if name == "search", words.count > 1 {
            return .success(
                ParsedCommand(operation: .findOnSite, count: nil, argument: words.dropFirst().joined(separator: " ")))
        }
        guard let operation = OperationTable.operation(named: name) else { return .failure(.unknown(name)) }
        if optionalText.contains(operation.id) {
            let text = words.dropFirst().joined(separator: " ")
            return .success(ParsedCommand(operation: operation.id, count: nil, argument: text.isEmpty ? nil : text))
        }
        if takingText.contains(operation.id) {
            let text = words.dropFirst().joined(separator: " ")
            if text.isEmpty, optionalText.contains(operation.id) {
                return .success(ParsedCommand(operation: operation.id, count: nil))
            }
            guard !text.isEmpty else { return .failure(.missingArgument(name)) }
            return .success(ParsedCommand(operation: operation.id, count: nil, argument: text))
        }
        guard words.count > 1 else { return .success(ParsedCommand(operation: operation.id, count: nil)) }
        guard words.count == 2, let count = Int(words[1]), count > 0 else {
            return .failure(.badArgument(words.dropFirst().joined(separator: " ")))
        }
        return .success(ParsedCommand(operation: operation.id, count: count))
    }
}
