import ForaCore

/// Failures of the local store, each with the sentence the user reads.
public enum StoreError: Error, Equatable, Sendable {
    /// Something was asked for offline that no sync has stored yet.
    case notSynced(String)
    /// The disk (or the configured page limit) is full: the write was rolled back, nothing
    /// already stored was lost.
    case diskFull
    /// SQLite reported the file as damaged; `StoreOpener.recover` moves it aside.
    case corrupt(String)
    /// Any other SQLite or file-system failure.
    case database(String)
    /// An outbox item or draft that does not exist.
    case noSuchItem(String)

    public var message: String {
        switch self {
        case .notSynced(let what): return "\(what) has not been synced yet: run `fora sync` while online"
        case .diskFull: return "the disk is full: nothing was lost, but this change was not saved"
        case .corrupt(let detail): return "the local store is damaged (\(detail))"
        case .database(let detail): return "local store error: \(detail)"
        case .noSuchItem(let what): return "no such \(what)"
        }
    }

    /// The same failure as the CLI and TUI report every other one.
    public var foraError: ForaError {
        switch self {
        case .notSynced: return .notFound(message)
        default: return .other(message)
        }
    }
}
