import ForaStore

/// The outbox as the status bar shows it ("2 pending", "1 failed"), and sending what waits
/// once the site answers again. The counts are read from the store at start, after each
/// send or queue from the composer, after each list load and when a background send ends,
/// whatever screen is open.
public struct OutboxWiring {
    /// Reads the store's outbox counts (nil: no store, nothing shown).
    public var counts: (@Sendable () throws -> OutboxCounts)?
    /// Sends what waits in the outbox (nil: nothing sends it but the composer). Its failure
    /// (the store cannot be written, say) shows in the status bar.
    public var send: (@Sendable () async throws -> Void)?
    /// A background send is under way (one at a time).
    var sending = false

    public init(
        counts: (@Sendable () throws -> OutboxCounts)? = nil, send: (@Sendable () async throws -> Void)? = nil
    ) {
        self.counts = counts
        self.send = send
    }
}

extension AppController {
    /// Re-reads the outbox counts into the status bar (a SQLite count: cheap enough to do here).
    func refreshOutboxCount() {
        guard let counts = outbox.counts, let current = try? counts() else { return }
        status.pendingOutbox = current.waiting
        status.failedOutbox = current.failed
    }

    /// The site answered: sends what waits in the outbox, in the background, then recounts.
    func sendWaitingOutbox() {
        refreshOutboxCount()
        guard status.pendingOutbox > 0, !outbox.sending, let send = outbox.send else { return }
        outbox.sending = true
        runner.run {
            try await send()
        } then: { [weak self] result in
            guard let self else { return }
            outbox.sending = false
            if case .failure(let error) = result {
                status.lastError = "outbox: " + ((error as? StoreError)?.message ?? Self.message(for: error))
            }
            refreshOutboxCount()
        }
    }
}
