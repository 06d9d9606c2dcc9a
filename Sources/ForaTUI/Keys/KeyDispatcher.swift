/// Turns key events into operations with an optional count (`5j`, `12G`): digits typed before
/// a key accumulate, unless the digit itself is bound in the context.
public struct KeyDispatcher: Sendable {
    public private(set) var pendingCount: Int?
    private static let maximumCount = 99_999

    public init() {}

    /// The operation to run, or nil while a count is being typed or the key is unbound (which
    /// also drops the count, as vim does).
    public mutating func feed(
        _ event: InputEvent, keymap: Keymap, context: KeyContext
    ) -> (operation: OperationID, count: Int?)? {
        if let operation = keymap.operation(for: event, in: context) {
            defer { pendingCount = nil }
            return (operation, pendingCount)
        }
        if case .character(let character) = event, let digit = character.wholeNumberValue, character.isASCII,
            digit > 0 || pendingCount != nil
        {
            pendingCount = min(Self.maximumCount, (pendingCount ?? 0) * 10 + digit)
            return nil
        }
        pendingCount = nil
        return nil
    }

    public mutating func reset() { pendingCount = nil }
}
