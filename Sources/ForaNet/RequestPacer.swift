import Foundation

/// A rate limit as Discourse counts it: `requests` per `seconds`.
public struct RateLimit: Sendable, Equatable {
    public var requests: Double
    public var seconds: Double
    public var name: String

    public init(_ requests: Double, per seconds: Double, name: String) {
        self.requests = requests
        self.seconds = seconds
        self.name = name
    }

    /// User API keys: 20 a minute and 2,880 a day per key (global settings
    /// `max_user_api_reqs_per_minute` / `_per_day`).
    public static let userAPIKey = [
        RateLimit(20, per: 60, name: "user API key, 20/min"),
        RateLimit(2880, per: 86_400, name: "user API key, 2880/day"),
    ]
    /// Admin API keys: 60 a minute, site-wide (`max_admin_api_reqs_per_minute`).
    public static let adminAPIKey = [RateLimit(60, per: 60, name: "admin API, 60/min")]
    /// The per-IP middleware: 50 per 10 s and 200 a minute. Private and loopback addresses are
    /// exempt by default, so a local site gets no pacing.
    public static let perIP = [
        RateLimit(50, per: 10, name: "per IP, 50/10s"), RateLimit(200, per: 60, name: "per IP, 200/min"),
    ]
}

/// Paces one site's requests with token buckets so a sync stays under the server's limits
/// instead of running into 429s; a 429 also pauses every request to that site until its
/// wait is over. Shared by all copies of a service (it is a class).
public actor RequestPacer {
    private struct Bucket {
        let limit: RateLimit
        var tokens: Double
        var updated: Double
    }

    private var buckets: [Bucket]
    private var pausedUntil: Double = 0
    private let clock: @Sendable () -> Double

    public init(limits: [RateLimit], clock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) {
        let now = clock()
        self.clock = clock
        buckets = limits.map { Bucket(limit: $0, tokens: $0.requests, updated: now) }
    }

    public var limits: [RateLimit] { buckets.map(\.limit) }

    /// Takes a token from every bucket and returns how long the caller must wait first (0 when
    /// it may go now) and the limit that made it wait.
    public func reserve() -> (wait: Double, reason: String?) {
        let now = clock()
        var wait = max(0, pausedUntil - now)
        var reason: String? = wait > 0 ? "server rate limit" : nil
        for index in buckets.indices {
            var bucket = buckets[index]
            let rate = bucket.limit.requests / bucket.limit.seconds
            bucket.tokens = min(bucket.limit.requests, bucket.tokens + (now - bucket.updated) * rate)
            bucket.updated = now
            bucket.tokens -= 1
            if bucket.tokens < 0 {
                let needed = -bucket.tokens / rate
                if needed > wait {
                    wait = needed
                    reason = bucket.limit.name
                }
            }
            buckets[index] = bucket
        }
        return (wait, reason)
    }

    /// After a 429: nobody sends to this site for `seconds`.
    public func pause(for seconds: Double) {
        pausedUntil = max(pausedUntil, clock() + seconds)
    }
}
