// The live fault settings of a running server and the counters that make them deterministic.
// Tests change faults at run time (`server.faults.update { … }` or `PUT /__demo/faults`);
// every API request asks for one decision, under a lock, so concurrent requests are counted
// exactly once each.
import Foundation

/// What happens to one API request.
public struct FaultDecision: Sendable, Equatable {
    /// How the answer replaces or alters the endpoint's own response.
    public enum Outcome: Sendable, Equatable {
        /// The endpoint answers, possibly with its body altered by `bodyFault`.
        case normal
        /// A 429 instead of the answer.
        case rateLimited(form: RateLimitForm, retryAfterSeconds: Int, asDate: Bool)
        /// A server error instead of the answer.
        case serverError(status: Int)
    }

    public enum BodyFault: Sendable, Equatable {
        case none
        case dropMidBody
        case malformed(MalformedForm)
        case slowDrip(chunkBytes: Int, delayMs: Int)
    }

    public var latencyMs: Int = 0
    public var outcome: Outcome = .normal
    public var bodyFault: BodyFault = .none

    public static let none = FaultDecision()
}

public final class FaultController: @unchecked Sendable {
    private let lock = NSLock()
    private var current: FaultSettings
    /// API requests seen since the settings were last set.
    private var requestCount = 0
    /// Accumulated error rate; an error fires each time it reaches 1.
    private var errorCredit = 0.0
    /// Which of `errorStatuses` the next error uses.
    private var errorStatusIndex = 0

    public init(_ settings: FaultSettings = FaultSettings()) {
        current = settings
    }

    /// The settings in force, with `next` counts as they stand now.
    public var settings: FaultSettings {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// Replaces every setting and restarts the counters.
    public func set(_ settings: FaultSettings) {
        lock.lock()
        defer { lock.unlock() }
        current = settings
        requestCount = 0
        errorCredit = 0
        errorStatusIndex = 0
    }

    /// Edits the settings in place and restarts the counters.
    public func update(_ change: (inout FaultSettings) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        change(&current)
        requestCount = 0
        errorCredit = 0
        errorStatusIndex = 0
    }

    /// Clears every fault.
    public func reset() { set(FaultSettings()) }

    /// Counts one API request and says what happens to it. At most one fault fires per request (after the latency):
    /// 429, then server error, then dropped, malformed or slow-drip body.
    public func decide() -> FaultDecision {
        lock.lock()
        defer { lock.unlock() }
        guard current.isActive else { return .none }
        requestCount += 1
        var decision = FaultDecision(latencyMs: current.latencyMs)

        // In priority order; a lower fault is not consulted (nor its `next` used up) when a
        // higher one fires.
        if fires(&current.rateLimit) {
            decision.outcome = .rateLimited(
                form: current.rateLimitForm, retryAfterSeconds: current.retryAfterSeconds,
                asDate: current.retryAfterAsDate)
        } else if let status = nextServerError() {
            decision.outcome = .serverError(status: status)
        } else if fires(&current.dropConnection) {
            decision.bodyFault = .dropMidBody
        } else if fires(&current.malformedJSON) {
            decision.bodyFault = .malformed(current.malformedForm)
        } else if fires(&current.slowDrip) {
            decision.bodyFault = .slowDrip(chunkBytes: current.slowDripChunkBytes, delayMs: current.slowDripDelayMs)
        }
        return decision
    }

    /// The status of a server error due on this request, if the error rate says one is.
    private func nextServerError() -> Int? {
        guard current.errorRate > 0, !current.errorStatuses.isEmpty else { return nil }
        errorCredit += current.errorRate
        // Tolerate rounding so a rate of 0.1 fires on exactly every tenth request.
        guard errorCredit >= 1 - 1e-9 else { return nil }
        errorCredit -= 1
        defer { errorStatusIndex += 1 }
        return current.errorStatuses[errorStatusIndex % current.errorStatuses.count]
    }

    /// Whether `schedule` fires on the current request; a `next` count is used up first.
    private func fires(_ schedule: inout FaultSchedule) -> Bool {
        if schedule.next > 0 {
            schedule.next -= 1
            return true
        }
        return schedule.every > 0 && requestCount % schedule.every == 0
    }
}
