import ForaCore

/// The small form a silence or suspension needs: a reason and a duration in days. Tab moves
/// between the fields, Enter submits (with a reason), Esc cancels. It takes every key.
@MainActor
public final class PenaltyFormScreen: DirectKeyScreen {
    public enum Field: Sendable { case reason, days }

    public let context = KeyContext.review
    public let hintGroups: [[OperationID]] = []
    public let title: String
    public private(set) var reason = ""
    public private(set) var days = "7"
    public private(set) var field = Field.reason
    public private(set) var problem: String?
    private let onSubmit: @MainActor (_ reason: String, _ days: Int) -> ScreenAction

    public init(title: String, onSubmit: @escaping @MainActor (_ reason: String, _ days: Int) -> ScreenAction) {
        self.title = title
        self.onSubmit = onSubmit
    }

    public var directHints: String { "Tab next field  Enter submit  Esc cancel" }

    public func handleDirect(_ event: InputEvent) -> ScreenAction? {
        switch event {
        case .escape: return .back
        case .tab, .down, .up:
            field = field == .reason ? .days : .reason
        case .backspace:
            if field == .reason { _ = reason.popLast() } else { _ = days.popLast() }
        case .enter:
            let trimmed = reason.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else {
                problem = "a reason is required"
                return ScreenAction.none
            }
            guard let count = Int(days), count > 0 else {
                problem = "the duration must be a number of days"
                return ScreenAction.none
            }
            switch onSubmit(trimmed, count) {
            case .present(let next): return .replace(next)
            default: return .back
            }
        case .character(let character):
            guard !(character.unicodeScalars.first.map { $0.value < 0x20 } ?? true) else { break }
            if field == .reason {
                reason.append(character)
            } else if character.isASCII, character.isNumber, days.count < 5 {
                days.append(character)
            }
        default: break
        }
        return ScreenAction.none
    }

    public func draw(on terminal: any Terminal, focused: Bool) {
        let columns = terminal.size.columns
        terminal.clear()
        terminal.draw(DisplayWidth.pad(title, to: columns), row: 0, column: 0, style: .header)
        let reasonLine = "Reason: " + reason + (field == .reason ? "▏" : "")
        let daysLine = "Days:   " + days + (field == .days ? "▏" : "")
        terminal.draw(
            DisplayWidth.truncate(reasonLine, to: columns), row: 2, column: 0,
            style: field == .reason ? .selected : .normal)
        terminal.draw(daysLine, row: 3, column: 0, style: field == .days ? .selected : .normal)
        if let problem { terminal.draw(DisplayWidth.truncate(problem, to: columns), row: 5, column: 0, style: .accent) }
    }

    /// After the text of the field being typed in.
    public var cursorPosition: FocusCursor? {
        field == .reason
            ? FocusCursor(row: 2, column: DisplayWidth.of("Reason: " + reason), takesText: true)
            : FocusCursor(row: 3, column: DisplayWidth.of("Days:   " + days), takesText: true)
    }

    public func perform(_ operation: OperationID, count: Int?) -> ScreenAction {
        operation == .back ? .back : .none
    }
}
