import Foundation

/// A request held back before it goes (again): by fora's own pacing under the site's limits,
/// by a 429's `Retry-After`, or before retrying a transient failure.
public struct NetworkWait: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case pacing, rateLimited, retrying
    }

    public var kind: Kind
    public var seconds: Double

    public init(kind: Kind, seconds: Double) {
        self.kind = kind
        self.seconds = seconds
    }
}

/// What waits, and for how long, is visible while it waits, from any screen: the HTTP client
/// reports each wait from its own threads; the status bar's facts show it until the wait is
/// over (beside, not instead of, the message a user is reading, such as "queued").
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
        // The wait comes from the server (Retry-After): never trust it to fit an Int.
        let seconds = wait.seconds.isFinite ? min(max(0, wait.seconds), 86_400) : 0
        let rounded = Int(seconds.rounded(.up))
        switch wait.kind {
        case .rateLimited: status.rateLimitWait = rounded
        case .pacing: status.networkWait = "waiting \(rounded)s (site limit)"
        case .retrying: status.networkWait = "retrying in \(rounded)s"
        }
        runner.run {
            try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
        } then: { [weak self] _ in
            guard let self, generation == networkWaitGeneration else { return }
            status.rateLimitWait = nil
            status.networkWait = nil
        }
    }
}
