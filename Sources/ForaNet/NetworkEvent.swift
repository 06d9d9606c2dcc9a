/// Something a caller should be able to show while a request waits: the TUI's status bar
/// and the CLI's stderr say what is waiting, why, and for how long.
public struct NetworkEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Held back by our own pacing to stay under the site's limits.
        case pacing(limit: String)
        /// The server answered 429; waiting out its Retry-After / wait_seconds.
        case rateLimited
        /// A transient failure (connection error, 502/503/504); trying again.
        case retrying(attempt: Int, reason: String)
    }

    public var kind: Kind
    /// Seconds the request waits before going (again).
    public var seconds: Double
    /// The path and query of the request, without credentials.
    public var endpoint: String

    public init(kind: Kind, seconds: Double, endpoint: String) {
        self.kind = kind
        self.seconds = seconds
        self.endpoint = endpoint
    }

    /// "waiting 2.0s: rate limited by the server (/latest.json)".
    public var message: String {
        let wait = String(format: "%.1fs", seconds)
        switch kind {
        case .pacing(let limit): return "waiting \(wait) to stay under the site's limit (\(limit)) for \(endpoint)"
        case .rateLimited: return "rate limited by the server: waiting \(wait) before retrying \(endpoint)"
        case .retrying(let attempt, let reason):
            return "\(reason): retry \(attempt) of \(endpoint) in \(wait)"
        }
    }
}
