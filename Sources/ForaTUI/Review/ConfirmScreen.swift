import ForaCore

/// A yes/no question over the screen: `y` or Enter runs `onConfirm` (whose action, such as
/// presenting a form, replaces this screen), `n`, `q` or Esc cancels. Every other key is
/// swallowed so nothing happens by accident.
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

    public var directHints: String { "y/Enter confirm  n/Esc cancel" }

    public func handleDirect(_ event: InputEvent) -> ScreenAction? {
        switch event {
        case .character("y"), .character("Y"), .character("1"), .enter:
            switch onConfirm() {
            case .present(let next): return .replace(next)
            case .message(let text): return .replace(PresentedScreen(NoticeScreen(text)))
            default: return .back
            }
        case .character("n"), .character("N"), .character("2"), .character("q"), .escape: return .back
        default: return ScreenAction.none
        }
    }

    public func draw(on terminal: any Terminal, focused: Bool) {
        let columns = terminal.size.columns
        terminal.clear()
        let title = destructive ? "Confirm · this cannot be undone" : "Confirm"
        terminal.draw(DisplayWidth.pad(title, to: columns), row: 0, column: 0, style: .header)
        terminal.draw(DisplayWidth.truncate(question, to: columns), row: 2, column: 0, style: .accent)
        let rows = terminal.size.rows
        let choices = terminal.presentation.linear ? Self.numberedChoices : []
        let shown = details.prefix(max(0, rows - 7 - choices.count))
        for (offset, line) in shown.enumerated() {
            terminal.draw(DisplayWidth.truncate("  " + line, to: columns), row: 4 + offset, column: 0, style: .normal)
        }
        // The answer goes on a line of its own, where the terminal's cursor waits for it.
        var row = 4 + shown.count + (shown.isEmpty ? 0 : 1)
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
