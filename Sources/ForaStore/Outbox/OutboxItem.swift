import ForaCore
import Foundation

/// Where an outbox item is in its life.
public enum OutboxState: String, Codable, Sendable, CaseIterable {
    /// Waiting to be sent (again, after `nextAttemptAt`).
    case pending
    /// A send is (or was, if the process died) under way.
    case sending
    case sent
    /// The server refused it; `reason` says why. `retry` puts it back to pending.
    case failed
    /// The content changed on the server meanwhile (an edit conflict).
    case conflict
}

/// One durable write.
public struct OutboxItem: Equatable, Sendable {
    public var id: Int
    public var action: OutboxAction
    public var state: OutboxState
    public var reason: String?
    public var attempts: Int
    /// A previous attempt may have reached the server (dropped connection, crash mid-send):
    /// before sending again, the sender looks for its result on the server.
    public var outcomeUnknown: Bool
    public var createdAt: Date
    public var updatedAt: Date
    public var nextAttemptAt: Date
    /// When the first attempt started: the duplicate check only considers server content
    /// created after it.
    public var firstAttemptAt: Date?
    /// The created post's (or topic's) id once sent.
    public var remoteID: Int?
    /// Which sender (`host pid token`) has claimed it, and until when: see `OutboxClaimant`.
    public var leaseOwner: String?
    public var leaseExpiresAt: Date?
}
