import ForaStore

/// Where the outbox screen reads and changes the outbox: the local store, through closures, so
/// the interface never opens the database itself.
public struct OutboxSource: Sendable {
    public var items: @Sendable () throws -> [OutboxItem]
    /// Makes a failed, conflicting or waiting item due now.
    public var retry: @Sendable (Int) throws -> Void
    /// Removes an item that is not being sent.
    public var drop: @Sendable (Int) throws -> Void

    public init(
        items: @escaping @Sendable () throws -> [OutboxItem], retry: @escaping @Sendable (Int) throws -> Void,
        drop: @escaping @Sendable (Int) throws -> Void
    ) {
        self.items = items
        self.retry = retry
        self.drop = drop
    }
}
