import ForaCore
import Foundation

/// Delivers the outbox: oldest first, paced, with back-off on transient failures, the
/// server's wait on a 429, and a duplicate check before re-sending anything whose earlier
/// attempt may have reached the server. Each state change is committed before the next step,
/// so the sender can die at any point and the next one carries on correctly. Each item is
/// claimed first (`Store.claimOutboxItem`), so two senders on one store, in one process or
/// two, never work on the same item at once.
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
        /// How long a claim on an item lasts. Longer than any one request can take (the HTTP
        /// client waits out 429s for up to two minutes): a claim that expires while its sender
        /// still works lets another sender check the server and perhaps send again. A claim
        /// left by a process that died on this host is taken over at once anyway.
        public var leaseDuration: TimeInterval = 600

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
        /// Left alone because another sender holds a live claim on them.
        public var claimedElsewhere: [Int] = []
        /// When the earliest deferred item is due again.
        public var nextAttemptAt: Date?
    }

    private let store: Store
    private let transport: any OutboxTransport
    private let options: Options
    private let now: @Sendable () -> Date
    /// This sender's name on the items it claims.
    let claimant: OutboxClaimant

    public init(
        store: Store, transport: any OutboxTransport, options: Options = Options(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.transport = transport
        self.options = options
        self.now = now
        claimant = OutboxClaimant()
    }

    /// Sends every item that is due, once each.
    public func drain() async throws -> Report {
        var report = Report()
        var lastSend: ContinuousClock.Instant?
        let due = try store.dueOutboxItems(now: now())
        for (index, candidate) in due.enumerated() {
            try Task.checkCancellation()
            guard
                let item = try store.claimOutboxItem(
                    id: candidate.id, for: claimant, until: leaseExpiry(), now: now())
            else {
                report.claimedElsewhere.append(candidate.id)
                continue
            }
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
            case .claimLost: report.claimedElsewhere.append(item.id)
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
        case sent, alreadyOnServer, failed, conflict, claimLost
        case deferred(until: Date, stopAll: Bool)
    }

    private func leaseExpiry() -> Date { now().addingTimeInterval(options.leaseDuration) }

    /// Sends one claimed item (`item` as it was before the claim).
    private func deliver(_ item: OutboxItem) async throws -> Outcome {
        let unknown = item.outcomeUnknown || item.state == .sending
        if unknown && item.action.hasDuplicateCheck {
            do {
                if let remoteID = try await existingRemoteID(for: item) {
                    try store.finishAttempt(
                        id: item.id, state: .sent, reason: "found on the server; not sent again", remoteID: remoteID,
                        claimant: claimant, at: now())
                    return .alreadyOnServer
                }
            } catch {
                // Cannot tell yet: sending now could duplicate, so wait and check again. The
                // check counts as an attempt, so an item that can never be checked ends.
                return try postpone(
                    item, attempts: item.attempts + 1, error: error, outcomeUnknown: true, countsAttempt: true)
            }
        }
        guard try store.beginAttempt(id: item.id, claimant: claimant, leaseUntil: leaseExpiry(), at: now()) else {
            return .claimLost
        }
        let attempts = item.attempts + 1
        do {
            let result = try await transport.perform(item.action)
            try store.finishAttempt(
                id: item.id, state: .sent, reason: result.queuedForApproval ? "awaiting moderator approval" : nil,
                remoteID: result.remoteID, claimant: claimant, at: now())
            return .sent
        } catch let error as ForaError {
            switch error {
            case .conflict:
                try store.finishAttempt(
                    id: item.id, state: .conflict, reason: error.message, claimant: claimant, at: now())
                return .conflict
            case .forbidden where try await alreadyApplied(item):
                // "You already performed this action": an earlier attempt whose answer was lost
                // did it.
                try store.finishAttempt(
                    id: item.id, state: .sent, reason: "found on the server; not sent again",
                    remoteID: item.action.postID, claimant: claimant, at: now())
                return .alreadyOnServer
            case .validation, .forbidden, .notFound, .notLoggedIn, .usage, .redirectRefused:
                // A redirected write was not followed: failed, with where it pointed, never sent.
                try store.finishAttempt(
                    id: item.id, state: .failed, reason: error.message, claimant: claimant, at: now())
                return .failed
            case .rateLimited(let wait):
                let until = now().addingTimeInterval(wait.map(TimeInterval.init) ?? options.defaultRateLimitWait)
                try store.finishAttempt(
                    id: item.id, state: .pending, reason: error.message, outcomeUnknown: item.outcomeUnknown,
                    nextAttemptAt: until, claimant: claimant, at: now())
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
                id: item.id, state: .pending, reason: "interrupted", outcomeUnknown: true, claimant: claimant, at: now()
            )
            throw CancellationError()
        } catch {
            return try postpone(item, attempts: attempts, error: error, outcomeUnknown: true)
        }
    }

    /// Back to pending after a back-off, or failed once attempts run out.
    private func postpone(
        _ item: OutboxItem, attempts: Int, error: any Error, outcomeUnknown: Bool, stopAll: Bool = false,
        countsAttempt: Bool = false
    ) throws -> Outcome {
        let message = (error as? ForaError)?.message ?? "\(error)"
        let added = countsAttempt ? 1 : 0
        if attempts >= options.maxAttempts {
            try store.finishAttempt(
                id: item.id, state: .failed, reason: "gave up after \(attempts) attempts: \(message)",
                outcomeUnknown: outcomeUnknown, claimant: claimant, addingAttempts: added, at: now())
            return .failed
        }
        let backoff = min(options.maxBackoff, options.baseBackoff * pow(2, Double(max(0, attempts - 1))))
        let until = now().addingTimeInterval(backoff)
        try store.finishAttempt(
            id: item.id, state: .pending, reason: message, outcomeUnknown: outcomeUnknown, nextAttemptAt: until,
            claimant: claimant, addingAttempts: added, at: now())
        return .deferred(until: until, stopAll: stopAll)
    }

    /// The server id of this item's result if an earlier attempt produced it. Throws when
    /// that cannot be told (the site does not answer, or the account's username is unknown).
    private func existingRemoteID(for item: OutboxItem) async throws -> Int? {
        switch item.action {
        case .reply(let topicID, let raw, _):
            let username = try checkedUsername()
            let posts = try await transport.recentPosts(topicID: topicID, count: options.duplicateWindow)
            return DuplicateCheck.matchingPost(for: raw, by: username, since: item.firstAttemptAt, in: posts)?.id
        case .newTopic(let title, _, _, _):
            let topics = try await transport.recentTopics(createdBy: try checkedUsername())
            return DuplicateCheck.matchingTopic(for: title, since: item.firstAttemptAt, in: topics)?.id
        case .like(let postID, _):
            return try await transport.hasLiked(postID: postID) == true ? postID : nil
        default:
            return nil
        }
    }

    /// Whether a refused write was refused because it had already been applied (a like
    /// whose earlier answer was lost).
    private func alreadyApplied(_ item: OutboxItem) async throws -> Bool {
        guard case .like(let postID, _) = item.action else { return false }
        return (try? await transport.hasLiked(postID: postID)) == true
    }

    private func checkedUsername() throws -> String {
        let username = transport.username
        guard !username.isEmpty else {
            throw ForaError.other(
                "cannot check whether an earlier attempt arrived: the account's username is unknown"
                    + " (run `fora login` again, or set api_username)")
        }
        return username
    }
}
