import ForaCore
import Foundation

/// Delivers the outbox: oldest first, paced, with back-off on transient failures, the
/// server's wait on a 429, and a duplicate check before re-sending anything whose earlier
/// attempt may have reached the server. Each state change is committed before the next step,
/// so the sender can die at any point and the next one carries on correctly.
public final class OutboxSender: Sendable {
    public struct Options: Sendable {
        /// The least time between two sends (Discourse limits replies to one per 5 s per user
        /// by default; likes and timings are cheaper).
        public var minimumInterval: Duration = .seconds(1)
        /// Attempts before an item that keeps failing transiently is marked failed.
        public var maxAttempts = 8
        public var baseBackoff: TimeInterval = 2
        public var maxBackoff: TimeInterval = 300
        /// The wait when a 429 does not say how long.
        public var defaultRateLimitWait: TimeInterval = 10
        /// How many of a topic's last posts the duplicate check reads.
        public var duplicateWindow = 30

        public init() {}
    }

    /// What one `drain` did, by item id.
    public struct Report: Equatable, Sendable {
        public var sent: [Int] = []
        public var failed: [Int] = []
        public var conflicts: [Int] = []
        /// Left pending (back-off, rate limit, offline).
        public var deferred: [Int] = []
        /// Found already on the server and not sent again.
        public var alreadyOnServer: [Int] = []
        /// When the earliest deferred item is due again.
        public var nextAttemptAt: Date?
    }

    private let store: Store
    private let transport: any OutboxTransport
    private let options: Options
    private let now: @Sendable () -> Date

    public init(
        store: Store, transport: any OutboxTransport, options: Options = Options(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.transport = transport
        self.options = options
        self.now = now
    }

    /// Sends every item that is due, once each.
    public func drain() async throws -> Report {
        var report = Report()
        var lastSend: ContinuousClock.Instant?
        let due = try store.dueOutboxItems(now: now())
        for (index, item) in due.enumerated() {
            try Task.checkCancellation()
            if let lastSend {
                let elapsed = ContinuousClock.now - lastSend
                if elapsed < options.minimumInterval { try await Task.sleep(for: options.minimumInterval - elapsed) }
            }
            lastSend = ContinuousClock.now
            let outcome = try await deliver(item)
            switch outcome {
            case .sent: report.sent.append(item.id)
            case .alreadyOnServer: report.alreadyOnServer.append(item.id)
            case .failed: report.failed.append(item.id)
            case .conflict: report.conflicts.append(item.id)
            case .deferred(let until, let stopAll):
                report.deferred.append(item.id)
                report.nextAttemptAt = min(report.nextAttemptAt ?? until, until)
                if stopAll {
                    // Offline or rate limited: the rest waits too.
                    report.deferred += due[(index + 1)...].map(\.id)
                    return report
                }
            }
        }
        return report
    }

    enum Outcome {
        case sent, alreadyOnServer, failed, conflict
        case deferred(until: Date, stopAll: Bool)
    }

    private func deliver(_ item: OutboxItem) async throws -> Outcome {
        let unknown = item.outcomeUnknown || item.state == .sending
        if unknown && item.action.createsContent {
            do {
                if let remoteID = try await existingRemoteID(for: item) {
                    try store.finishAttempt(
                        id: item.id, state: .sent, reason: "found on the server; not sent again", remoteID: remoteID,
                        at: now())
                    return .alreadyOnServer
                }
            } catch {
                // Cannot tell yet: sending now could duplicate, so wait and check again.
                return try postpone(item, attempts: item.attempts, error: error, outcomeUnknown: true)
            }
        }
        try store.beginAttempt(id: item.id, at: now())
        let attempts = item.attempts + 1
        do {
            let result = try await transport.perform(item.action)
            try store.finishAttempt(
                id: item.id, state: .sent, reason: result.queuedForApproval ? "awaiting moderator approval" : nil,
                remoteID: result.remoteID, at: now())
            return .sent
        } catch let error as ForaError {
            switch error {
            case .conflict:
                try store.finishAttempt(id: item.id, state: .conflict, reason: error.message, at: now())
                return .conflict
            case .validation, .forbidden, .notFound, .notLoggedIn, .usage, .redirectRefused:
                // A redirected write was not followed: failed, with where it pointed, never sent.
                try store.finishAttempt(id: item.id, state: .failed, reason: error.message, at: now())
                return .failed
            case .rateLimited(let wait):
                let until = now().addingTimeInterval(wait.map(TimeInterval.init) ?? options.defaultRateLimitWait)
                try store.finishAttempt(
                    id: item.id, state: .pending, reason: error.message, outcomeUnknown: item.outcomeUnknown,
                    nextAttemptAt: until, at: now())
                return .deferred(until: until, stopAll: true)
            case .hostUnreachable, .dns, .tls:
                // Nothing reached the server: an earlier unknown outcome stays unknown.
                return try postpone(
                    item, attempts: attempts, error: error, outcomeUnknown: item.outcomeUnknown, stopAll: true)
            case .serverError, .malformedResponse, .responseLimit, .other:
                return try postpone(item, attempts: attempts, error: error, outcomeUnknown: true)
            }
        } catch is CancellationError {
            try store.finishAttempt(
                id: item.id, state: .pending, reason: "interrupted", outcomeUnknown: true, at: now())
            throw CancellationError()
        } catch {
            return try postpone(item, attempts: attempts, error: error, outcomeUnknown: true)
        }
    }

    /// Back to pending after a back-off, or failed once attempts run out.
    private func postpone(
        _ item: OutboxItem, attempts: Int, error: any Error, outcomeUnknown: Bool, stopAll: Bool = false
    ) throws -> Outcome {
        let message = (error as? ForaError)?.message ?? "\(error)"
        if attempts >= options.maxAttempts {
            try store.finishAttempt(
                id: item.id, state: .failed, reason: "gave up after \(attempts) attempts: \(message)",
                outcomeUnknown: outcomeUnknown, at: now())
            return .failed
        }
        let backoff = min(options.maxBackoff, options.baseBackoff * pow(2, Double(max(0, attempts - 1))))
        let until = now().addingTimeInterval(backoff)
        try store.finishAttempt(
            id: item.id, state: .pending, reason: message, outcomeUnknown: outcomeUnknown, nextAttemptAt: until,
            at: now())
        return .deferred(until: until, stopAll: stopAll)
    }

    /// The server id of this item's content if an earlier attempt created it.
    private func existingRemoteID(for item: OutboxItem) async throws -> Int? {
        switch item.action {
        case .reply(let topicID, let raw, _):
            let posts = try await transport.recentPosts(topicID: topicID, count: options.duplicateWindow)
            return DuplicateCheck.matchingPost(
                for: raw, by: transport.username, since: item.firstAttemptAt, in: posts)?.id
        case .newTopic(let title, _, _, _):
            let topics = try await transport.recentTopics(createdBy: transport.username)
            return DuplicateCheck.matchingTopic(for: title, since: item.firstAttemptAt, in: topics)?.id
        default:
            return nil
        }
    }
}
