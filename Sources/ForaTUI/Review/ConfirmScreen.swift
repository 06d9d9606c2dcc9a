import ForaCore

/// A yes/no question over the screen: `y` runs `onConfirm` (whose action, such as presenting a
/// form, replaces this screen); so does Enter when nothing destructive is asked. Every other
/// key cancels and does nothing else, so a moderator's next keystroke never lands on the
/// question by accident.
@MainActor
public final class ConfirmScreen: DirectKeyScreen {
    public let context = KeyContext.review
    public let hintGroups: [[OperationID]] = []
    public let question: String
    public let details: [String]
    public let destructive: Bool
    private let onConfirm: @MainActor () -> ScreenAction
    /// Where the answer is typed, as last drawn.
    private var answerCell: FocusCursor?

    public init(
        question: String, details: [String] = [], destructive: Bool = false,
        onConfirm: @escaping @MainActor () -> ScreenAction
    ) {
        self.question = question
        self.details = details
        self.destructive = destructive
        self.onConfirm = onConfirm
    }

    public var directHints: String {
        destructive ? "y confirms  any other key cancels" : "y/Enter confirm  any other key cancels"
    }

    public func handleDirect(_ event: InputEvent) -> ScreenAction? {
        switch event {
        case .character("y"), .character("Y"), .character("1"):
            return confirmed()
        case .enter where !destructive:
            return confirmed()
        case .resize, .mouse: return ScreenAction.none
        default: return .backWith("cancelled: nothing done")
        }
    }

    private func confirmed() -> ScreenAction {
        switch onConfirm() {
        case .present(let next): return .replace(next)
        case .message(let text): return .replace(PresentedScreen(NoticeScreen(text)))
        default: return .back
        }
    }

    public func draw(on terminal: any Terminal, focused: Bool) {
        let columns = terminal.size.columns
        terminal.clear()
        let title = destructive ? "Confirm · this cannot be undone · y confirms, any other key cancels" : "Confirm"
        terminal.draw(DisplayWidth.pad(title, to: columns), row: 0, column: 0, style: .header)
        let rows = terminal.size.rows
        let questionLines = TextWrap.lines(self.question, width: max(1, columns))
        for (offset, line) in questionLines.prefix(2).enumerated() {
            terminal.draw(line, row: 2 + offset, column: 0, style: .accent)
        }
        let choices = terminal.presentation.linear ? Self.numberedChoices : []
        let wrapped = details.flatMap { TextWrap.lines($0, width: max(1, columns - 2)) }
        let shown = wrapped.prefix(max(0, rows - 8 - choices.count))
        for (offset, line) in shown.enumerated() {
            terminal.draw("  " + line, row: 5 + offset, column: 0, style: .normal)
        }
        // The answer goes on a line of its own, where the terminal's cursor waits for it.
        var row = 5 + shown.count + (shown.isEmpty ? 0 : 1)
        for choice in choices {
            terminal.draw(DisplayWidth.truncate(choice, to: columns), row: row, column: 0, style: .normal)
            row += 1
        }
        let question = choices.isEmpty ? Self.answerPrompt : Self.numberedPrompt
        terminal.draw(DisplayWidth.truncate(question, to: columns), row: row, column: 0, style: .accent)
        answerCell = FocusCursor(row: row, column: min(DisplayWidth.of(question), max(0, columns - 1)), takesText: true)
    }

    static let answerPrompt = "Answer y or n: "
    /// The linear mode's choices: numbered, one a line, as a screen reader lists them.
    static let numberedChoices = ["1. yes, confirm", "2. no, cancel"]
    static let numberedPrompt = "Choose 1 or 2: "

    public var cursorPosition: FocusCursor? { answerCell }

    public func perform(_ operation: OperationID, count: Int?) -> ScreenAction {
        operation == .back ? .back : .none
    }
}

/// A one-line message that any key dismisses (what a confirmation leaves when it cannot go on).
@MainActor
final class NoticeScreen: DirectKeyScreen {
    let context = KeyContext.review
    let hintGroups: [[OperationID]] = []
    let text: String

    init(_ text: String) { self.text = text }

    var directHints: String { "any key closes" }

    func handleDirect(_ event: InputEvent) -> ScreenAction? { .back }

    func draw(on terminal: any Terminal, focused: Bool) {
        terminal.clear()
        terminal.draw(DisplayWidth.truncate(text, to: terminal.size.columns), row: 1, column: 0, style: .accent)
    }

    func perform(_ operation: OperationID, count: Int?) -> ScreenAction { .back }

    var cursorPosition: FocusCursor? { FocusCursor(row: 1, column: 0) }
}
