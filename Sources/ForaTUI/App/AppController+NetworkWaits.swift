import Foundation

/// A request held back before it goes (again): by fora's own pacing under the site's limits,
/// by a 429's `Retry-After`, or before retrying a transient failure.
public struct NetworkWait: Sendable, Equatable {
    public var message: String
    public var seconds: Double
    /// The server said 429 (the status bar's "rate limited, Ns"); else pacing or a retry.
    public var rateLimited: Bool

    public init(message: String, seconds: Double, rateLimited: Bool) {
        self.message = message
        self.seconds = seconds
        self.rateLimited = rateLimited
    }
}

/// What waits, and for how long, is visible while it waits, from any screen: the HTTP client
/// reports each wait from its own threads; the status bar shows it until the wait is over.
extension AppController {
    /// For the HTTP client's observer: callable from any thread (it goes through the runner).
    nonisolated var networkWaitHandler: @Sendable (NetworkWait) -> Void {
        let runner = self.runner
        return { [weak self] wait in
            runner.run {
            } then: { _ in
                self?.show(wait)
            }
        }
    }

    func show(_ wait: NetworkWait) {
        networkWaitGeneration += 1
        let generation = networkWaitGeneration
        status.message = wait.message
        if wait.rateLimited { status.rateLimitWait = Int(wait.seconds.rounded(.up)) }
        let seconds = max(0, wait.seconds)
        runner.run {
            try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
        } then: { [weak self] _ in
            guard let self, generation == networkWaitGeneration else { return }
            status.rateLimitWait = nil
            if status.message == wait.message { status.message = nil }
        }
    }
}
