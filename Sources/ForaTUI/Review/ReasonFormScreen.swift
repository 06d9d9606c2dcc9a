import ForaCore

/// One line of text a review action needs before it runs (a reject reason, the feedback of a
/// revise-and-reject): Enter submits a non-empty reason, Esc cancels. It takes every key.
@MainActor
public final class ReasonFormScreen: DirectKeyScreen {
    public let context = KeyContext.review
    public let hintGroups: [[OperationID]] = []
    public let title: String
    public private(set) var reason = ""
    public private(set) var problem: String?
    private let onSubmit: @MainActor (_ reason: String) -> ScreenAction

    public init(title: String, onSubmit: @escaping @MainActor (_ reason: String) -> ScreenAction) {
        self.title = title
        self.onSubmit = onSubmit
    }

    public var directHints: String { "Enter submit  Esc cancel" }

    public func handleDirect(_ event: InputEvent) -> ScreenAction? {
        switch event {
        case .escape: return .back
        case .backspace: _ = reason.popLast()
        case .enter:
            let trimmed = reason.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else {
                problem = "a reason is required"
                return ScreenAction.none
            }
            switch onSubmit(trimmed) {
            case .present(let next): return .replace(next)
            default: return .back
            }
        case .character(let character):
            guard !(character.unicodeScalars.first.map { $0.value < 0x20 } ?? true) else { break }
            reason.append(character)
        default: break
        }
        return ScreenAction.none
    }

    public func draw(on terminal: any Terminal, focused: Bool) {
        let columns = terminal.size.columns
        terminal.clear()
        terminal.draw(DisplayWidth.pad(title, to: columns), row: 0, column: 0, style: .header)
        terminal.draw(
            DisplayWidth.truncate("Reason: " + reason + "▏", to: columns), row: 2, column: 0, style: .selected)
        if let problem { terminal.draw(DisplayWidth.truncate(problem, to: columns), row: 4, column: 0, style: .accent) }
    }

    /// After the typed reason, where the next character goes.
    public var cursorPosition: FocusCursor? {
        FocusCursor(row: 2, column: DisplayWidth.of("Reason: " + reason), takesText: true)
    }

    public func perform(_ operation: OperationID, count: Int?) -> ScreenAction {
        operation == .back ? .back : .none
    }
}
