/// Which key does what, per context: the defaults of `OperationTable` with the user's
/// overrides applied. Lookups fall back from the screen's context to `global`.
public struct Keymap: Sendable {
    private var bindings: [KeyContext: [InputEvent: OperationID]] = [:]
    /// Keys per operation and context in the order they were declared (the first is the one
    /// the status line shows).
    private var keysByOperation: [KeyContext: [OperationID: [InputEvent]]] = [:]

    /// The defaults from the operation table.
    public init() {
        for operation in OperationTable.all {
            for (context, names) in operation.keys {
                bind(operation.id, to: names.compactMap(KeyName.parse), in: context)
            }
        }
    }

    /// The operation `event` triggers in `context`, else in `global`.
    public func operation(for event: InputEvent, in context: KeyContext) -> OperationID? {
        bindings[context]?[event] ?? bindings[.global]?[event]
    }

    /// The operation `event` triggers in `context` itself, without the global fallback.
    public func ownOperation(for event: InputEvent, in context: KeyContext) -> OperationID? {
        bindings[context]?[event]
    }

    /// The keys of `operation` in `context` (or in `global` when the context has none).
    public func keys(for operation: OperationID, in context: KeyContext) -> [InputEvent] {
        if let own = keysByOperation[context]?[operation], !own.isEmpty { return own }
        return keysByOperation[.global]?[operation] ?? []
    }

    /// The keys bound in `context` itself, without the global fallback.
    public func ownKeys(for operation: OperationID, in context: KeyContext) -> [InputEvent] {
        keysByOperation[context]?[operation] ?? []
    }

    /// The operations reachable in `context`, own first, then the global ones it does not shadow.
    public func operations(in context: KeyContext) -> [OperationID] {
        OperationTable.all.map(\.id).filter { !keys(for: $0, in: context).isEmpty }
    }

    /// Replaces the keys of `operation` in `context` with `keys` (an empty list unbinds it).
    /// A key taken from another operation in the same context is removed from that one.
    public mutating func rebind(_ operation: OperationID, to keys: [InputEvent], in context: KeyContext) {
        for old in keysByOperation[context]?[operation] ?? [] { bindings[context]?[old] = nil }
        keysByOperation[context, default: [:]][operation] = []
        bind(operation, to: keys, in: context)
    }

    private mutating func bind(_ operation: OperationID, to keys: [InputEvent], in context: KeyContext) {
        for key in keys {
            if let previous = bindings[context]?[key], previous != operation {
                keysByOperation[context]?[previous]?.removeAll { $0 == key }
            }
            bindings[context, default: [:]][key] = operation
            if !(keysByOperation[context]?[operation]?.contains(key) ?? false) {
                keysByOperation[context, default: [:]][operation, default: []].append(key)
            }
        }
    }
}
