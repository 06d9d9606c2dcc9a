// Faults the demo server injects on demand, so the client's reliability (retries, back-off,
// Retry-After, truncated and slow bodies) is tested against real HTTP misbehaviour. They are
// deterministic, counted per API request rather than drawn at random, so a test can say
// "the third request gets a 429" and rely on it. `/__demo/*` requests are never faulted nor
// counted.
import Foundation

/// When a counted fault fires: on every Nth API request, and/or on each of the next K.
public struct FaultSchedule: Sendable, Codable, Equatable {
    /// Fires on API requests number N, 2N, 3N… counted from when the settings were set;
    /// 0 never.
    public var every: Int
    /// Fires on each of the next K API requests, then stops (counted down as it fires).
    public var next: Int

    public init(every: Int = 0, next: Int = 0) {
        self.every = every
        self.next = next
    }

    public static let never = FaultSchedule()

    public var isActive: Bool { every > 0 || next > 0 }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        every = try container.decodeIfPresent(Int.self, forKey: .every) ?? 0
        next = try container.decodeIfPresent(Int.self, forKey: .next) ?? 0
    }
}

/// The two shapes of a 429 that Discourse really sends.
public enum RateLimitForm: String, Sendable, Codable, CaseIterable {
    /// The admin/user API key limiter: JSON `{errors, error_type: "rate_limit", extras:
    /// {wait_seconds, time_left}}`.
    case json
    /// The per-IP middleware: a `text/plain` "Slow down, you're making too many requests." body.
    case text
}

/// How a malformed JSON body is broken.
public enum MalformedForm: String, Sendable, Codable, CaseIterable {
    /// The body cut in half (with a matching Content-Length, so HTTP itself is fine).
    case truncate
    /// The body at full length with bytes in the middle overwritten by garbage.
    case corrupt
}

/// Every fault knob. Decoded from the JSON of `PUT /__demo/faults` (snake_case keys; missing
/// keys take their defaults, so `{}` clears every fault) and set by `fora-demo-server` flags.
public struct FaultSettings: Sendable, Codable, Equatable {
    /// Milliseconds added before every API answer.
    public var latencyMs: Int = 0
    /// Fraction (0…1) of API requests answered with a server error; deterministic: 0.25
    /// fails exactly every fourth request.
    public var errorRate: Double = 0
    /// The statuses used for those errors, in turn.
    public var errorStatuses: [Int] = [500, 502, 503]
    /// When to answer 429.
    public var rateLimit: FaultSchedule = .never
    public var rateLimitForm: RateLimitForm = .json
    /// The wait announced by a 429 (Retry-After, `wait_seconds`).
    public var retryAfterSeconds: Int = 5
    /// Send Retry-After as an HTTP date instead of seconds.
    public var retryAfterAsDate: Bool = false
    /// When to drop the connection mid-body (headers with the full Content-Length, then half
    /// of the body, then close).
    public var dropConnection: FaultSchedule = .never
    /// When to send a broken JSON body with status 200.
    public var malformedJSON: FaultSchedule = .never
    public var malformedForm: MalformedForm = .truncate
    /// When to trickle the body slowly.
    public var slowDrip: FaultSchedule = .never
    /// Bytes per chunk and the pause between chunks of a slow-drip body.
    public var slowDripChunkBytes: Int = 64
    public var slowDripDelayMs: Int = 20
    /// Answer `/message-bus/…` with 404, as a site without the message bus does, so clients
    /// fall back to polling.
    public var messageBusDisabled: Bool = false

    public init() {}

    /// Whether any fault is switched on.
    public var isActive: Bool {
        latencyMs > 0 || errorRate > 0 || rateLimit.isActive || dropConnection.isActive
            || malformedJSON.isActive || slowDrip.isActive || messageBusDisabled
    }

    enum CodingKeys: String, CodingKey {
        case latencyMs = "latency_ms"
        case errorRate = "error_rate"
        case errorStatuses = "error_statuses"
        case rateLimit = "rate_limit"
        case rateLimitForm = "rate_limit_form"
        case retryAfterSeconds = "retry_after_seconds"
        case retryAfterAsDate = "retry_after_as_date"
        case dropConnection = "drop_connection"
        case malformedJSON = "malformed_json"
        case malformedForm = "malformed_form"
        case slowDrip = "slow_drip"
        case slowDripChunkBytes = "slow_drip_chunk_bytes"
        case slowDripDelayMs = "slow_drip_delay_ms"
        case messageBusDisabled = "message_bus_disabled"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = FaultSettings()
        latencyMs = try c.decodeIfPresent(Int.self, forKey: .latencyMs) ?? defaults.latencyMs
        errorRate = try c.decodeIfPresent(Double.self, forKey: .errorRate) ?? defaults.errorRate
        errorStatuses = try c.decodeIfPresent([Int].self, forKey: .errorStatuses) ?? defaults.errorStatuses
        rateLimit = try c.decodeIfPresent(FaultSchedule.self, forKey: .rateLimit) ?? defaults.rateLimit
        rateLimitForm = try c.decodeIfPresent(RateLimitForm.self, forKey: .rateLimitForm) ?? defaults.rateLimitForm
        retryAfterSeconds = try c.decodeIfPresent(Int.self, forKey: .retryAfterSeconds) ?? defaults.retryAfterSeconds
        retryAfterAsDate = try c.decodeIfPresent(Bool.self, forKey: .retryAfterAsDate) ?? defaults.retryAfterAsDate
        dropConnection = try c.decodeIfPresent(FaultSchedule.self, forKey: .dropConnection) ?? defaults.dropConnection
        malformedJSON = try c.decodeIfPresent(FaultSchedule.self, forKey: .malformedJSON) ?? defaults.malformedJSON
        malformedForm = try c.decodeIfPresent(MalformedForm.self, forKey: .malformedForm) ?? defaults.malformedForm
        slowDrip = try c.decodeIfPresent(FaultSchedule.self, forKey: .slowDrip) ?? defaults.slowDrip
        slowDripChunkBytes = try c.decodeIfPresent(Int.self, forKey: .slowDripChunkBytes) ?? defaults.slowDripChunkBytes
        slowDripDelayMs = try c.decodeIfPresent(Int.self, forKey: .slowDripDelayMs) ?? defaults.slowDripDelayMs
        messageBusDisabled =
            try c.decodeIfPresent(Bool.self, forKey: .messageBusDisabled) ?? defaults.messageBusDisabled
    }

    /// The reasons these settings cannot be used, empty when they are fine.
    public var problems: [String] {
        var problems: [String] = []
        if latencyMs < 0 { problems.append("latency_ms must be ≥ 0") }
        if !(0...1).contains(errorRate) { problems.append("error_rate must be between 0 and 1") }
        if errorRate > 0 && errorStatuses.isEmpty { problems.append("error_statuses must not be empty") }
        if errorStatuses.contains(where: { !(400...599).contains($0) }) {
            problems.append("error_statuses must be HTTP error statuses (400…599)")
        }
        if retryAfterSeconds < 0 { problems.append("retry_after_seconds must be ≥ 0") }
        for (name, schedule) in [
            ("rate_limit", rateLimit), ("drop_connection", dropConnection),
            ("malformed_json", malformedJSON), ("slow_drip", slowDrip),
        ]
        where schedule.every < 0 || schedule.next < 0 {
            problems.append("\(name).every and \(name).next must be ≥ 0")
        }
        if slowDripChunkBytes < 1 { problems.append("slow_drip_chunk_bytes must be ≥ 1") }
        if slowDripDelayMs < 0 { problems.append("slow_drip_delay_ms must be ≥ 0") }
        return problems
    }
}
