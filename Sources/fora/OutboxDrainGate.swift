import ForaStore

/// One outbox drain at a time in the interface: the composer's send and the background send
/// after the site answers again both read the due items, and two drains at once could send
/// the same reply twice.
actor OutboxDrainGate {
    static let shared = OutboxDrainGate()
    private var busy = false

    /// Drains with `sender`; when another drain runs, waits for it (`wait`) or skips (nil).
    /// The drain's failure (the store cannot be written, say) is thrown for the status bar.
    func drain(_ sender: OutboxSender, wait: Bool) async throws -> OutboxSender.Report? {
        while busy {
            guard wait else { return nil }
            try? await Task.sleep(for: .milliseconds(50))
        }
        busy = true
        defer { busy = false }
        return try await sender.drain()
    }
}
