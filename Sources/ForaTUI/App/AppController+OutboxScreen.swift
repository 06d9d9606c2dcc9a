/// The outbox screen over the panes (`:outbox`).
extension AppController {
    func openOutbox() {
        guard let outboxSource else {
            status.message = "the outbox needs the local store, which could not be opened"
            return
        }
        overlays.removeAll { $0 is OutboxScreen }
        let screen = OutboxScreen(source: outboxSource)
        screen.onRetry = { [weak self] in self?.sendWaitingOutbox() }
        overlays.append(screen)
    }
}
