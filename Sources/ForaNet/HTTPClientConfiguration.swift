import ForaCore

/// How the HTTP client behaves: parallelism, timeouts, TLS trust and retries. The defaults
/// suit an interactive client on an ordinary network.
public struct HTTPClientConfiguration: Sendable, Equatable {
    /// Transfers running at once on the multi handle (more wait in a queue).
    public var maximumConcurrentTransfers: Int = 4
    public var connectTimeoutMilliseconds: Int = 10_000
    /// A transfer slower than this many bytes a second for `lowSpeedTimeSeconds` is aborted.
    public var lowSpeedLimitBytes: Int = 1
    public var lowSpeedTimeSeconds: Int = 30
    /// The longest a request may take from start to end (0: no limit). A server that
    /// trickles a byte at a time stays above the low-speed limit; this ends it.
    public var totalTimeoutSeconds: Int = 300
    /// The largest response body, counted after decompression; larger ones are cut off with
    /// `ForaError.responseLimit`.
    public var maximumResponseBytes: Int = 64 * 1024 * 1024
    /// Redirects followed within the site's origin (others are refused, see `RedirectPolicy`).
    public var maximumRedirects: Int = 5
    /// An extra CA bundle to trust. Verification itself is always on.
    public var caFile: String?
    public var retry: RetryPolicy = RetryPolicy()

    public init() {}

    /// The configuration for a site: its CA file and its `[network]` limits.
    public init(site: SiteConfiguration) {
        caFile = site.caFile
        totalTimeoutSeconds = site.limits.timeoutSeconds
        maximumResponseBytes = site.limits.maximumResponseBytes
    }

    public init(maximumConcurrentTransfers: Int, caFile: String? = nil, retry: RetryPolicy = RetryPolicy()) {
        self.maximumConcurrentTransfers = max(1, maximumConcurrentTransfers)
        self.caFile = caFile
        self.retry = retry
    }
}

/// When and how long to try again. Idempotent requests are retried on connection errors and
/// 502/503/504 with exponential back-off and jitter; any request is retried after a 429 once
/// the announced wait is over (the server did not process it), within `maximumRateLimitWait`.
public struct RetryPolicy: Sendable, Equatable {
    /// Extra attempts after the first for connection errors and 502/503/504.
    public var maximumRetries: Int = 3
    /// The first back-off; each later one doubles, up to `maximumDelay`.
    public var baseDelay: Double = 0.5
    public var maximumDelay: Double = 8
    /// 429s waited out per request before giving up.
    public var maximumRateLimitRetries: Int = 3
    /// The longest total a request waits on 429s before reporting "rate limited".
    public var maximumRateLimitWait: Double = 120
    /// The wait assumed when a 429 says nothing about it.
    public var defaultRateLimitWait: Double = 5

    public init() {}

    public init(maximumRetries: Int, baseDelay: Double, maximumRateLimitWait: Double = 120) {
        self.maximumRetries = maximumRetries
        self.baseDelay = baseDelay
        self.maximumRateLimitWait = maximumRateLimitWait
    }

    /// Full-jitter exponential back-off: a random delay in [d/2, d] with d = base·2^attempt.
    public func backoff(attempt: Int, random: Double = Double.random(in: 0...1)) -> Double {
        let ceiling = min(maximumDelay, baseDelay * Double(1 << min(attempt, 20)))
        return ceiling / 2 + ceiling / 2 * random
    }

    public static let none = RetryPolicy(maximumRetries: 0, baseDelay: 0, maximumRateLimitWait: 0)
}
