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
        case .character("y"), .character("Y"):
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
        let question = TextWrap.lines(self.question, width: max(1, columns))
        for (offset, line) in question.prefix(2).enumerated() {
            terminal.draw(line, row: 2 + offset, column: 0, style: .accent)
        }
        let wrapped = details.flatMap { TextWrap.lines($0, width: max(1, columns - 2)) }
        for (offset, line) in wrapped.prefix(max(0, terminal.size.rows - 6)).enumerated() {
            terminal.draw("  " + line, row: 5 + offset, column: 0, style: .normal)
        }
    }

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
}
