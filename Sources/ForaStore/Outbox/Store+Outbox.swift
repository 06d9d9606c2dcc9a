import ForaCore
import Foundation
import GRDB

/// The outbox table: every write is committed here before any request is made.
extension Store {
    /// Commits `action` to the outbox; it is durable when this returns.
    @discardableResult
    public func enqueue(_ action: OutboxAction, at date: Date = Date()) throws -> OutboxItem {
        try write { db in try Self.insert(action, at: date, db) }
    }

    static func insert(_ action: OutboxAction, at date: Date, _ db: Database) throws -> OutboxItem {
        let payload = String(decoding: try JSONEncoder().encode(action), as: UTF8.self)
        let now = date.timeIntervalSince1970
        try db.execute(
            sql: """
                INSERT INTO outbox (kind, payload, topic_id, state, created_at, updated_at, next_attempt_at)
                VALUES (?, ?, ?, 'pending', ?, ?, 0)
                """,
            arguments: [action.kind, payload, action.topicID, now, now])
        let id = Int(db.lastInsertedRowID)
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM outbox WHERE id = ?", arguments: [id]) else {
            throw StoreError.noSuchItem("outbox item \(id)")
        }
        return try item(row)
    }

    /// Items in the given states (all when empty), oldest first.
    public func outboxItems(states: Set<OutboxState> = []) throws -> [OutboxItem] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM outbox ORDER BY id")
            return try rows.map(Self.item).filter { states.isEmpty || states.contains($0.state) }
        }
    }

    public func outboxItem(id: Int) throws -> OutboxItem {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM outbox WHERE id = ?", arguments: [id]) else {
                throw StoreError.noSuchItem("outbox item \(id)")
            }
            return try Self.item(row)
        }
    }

    /// Items the sender may try now: pending and due, plus any left `sending` by a process
    /// that died (their outcome is unknown).
    func dueOutboxItems(now: Date) throws -> [OutboxItem] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM outbox WHERE (state = 'pending' AND next_attempt_at <= ?) OR state = 'sending'
                    ORDER BY id
                    """,
                arguments: [now.timeIntervalSince1970]
            ).map(Self.item)
        }
    }

    /// Puts a failed or conflicting item back in the queue, due now.
    public func retryOutboxItem(id: Int, at date: Date = Date()) throws {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET state = 'pending', reason = NULL, next_attempt_at = 0, updated_at = ?
                    WHERE id = ? AND state IN ('failed', 'conflict', 'pending')
                    """,
                arguments: [date.timeIntervalSince1970, id])
            if db.changesCount == 0 { throw StoreError.noSuchItem("failed outbox item \(id)") }
        }
    }

    /// Drops an item that was not sent (a sent one stays as history until cleared), unless a
    /// sender holds a live claim on it (it may be on its way).
    public func dropOutboxItem(id: Int, at date: Date = Date()) throws {
        try write { db in
            try db.execute(
                sql: """
                    DELETE FROM outbox WHERE id = ? AND state != 'sending'
                        AND (lease_owner IS NULL OR lease_expires_at IS NULL OR lease_expires_at <= ?)
                    """,
                arguments: [id, date.timeIntervalSince1970])
            if db.changesCount == 0 { throw StoreError.noSuchItem("outbox item \(id) that is not being sent") }
        }
    }

    /// Records an attempt's start durably *before* the request goes out, so a crash leaves
    /// the item `sending` and the next sender checks the server before sending again. Only
    /// the holder of the item's claim may start it (its claim is extended to `leaseUntil`);
    /// false when the claim was lost.
    func beginAttempt(id: Int, claimant: OutboxClaimant, leaseUntil: Date, at date: Date) throws -> Bool {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ?,
                        first_attempt_at = COALESCE(first_attempt_at, ?), lease_expires_at = ?
                    WHERE id = ? AND lease_owner = ? AND state IN ('pending', 'sending')
                    """,
                arguments: [
                    date.timeIntervalSince1970, date.timeIntervalSince1970, leaseUntil.timeIntervalSince1970, id,
                    claimant.id,
                ])
            return db.changesCount == 1
        }
    }

    /// Records an attempt's end and releases the claim. With a `claimant`, only while it still
    /// holds the claim (a sender whose claim expired and was taken over records nothing: the
    /// new holder checks the server before sending again).
    func finishAttempt(
        id: Int, state: OutboxState, reason: String?, remoteID: Int? = nil, outcomeUnknown: Bool = false,
        nextAttemptAt: Date? = nil, claimant: OutboxClaimant? = nil, addingAttempts: Int = 0, at date: Date
    ) throws {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET state = ?, reason = ?, remote_id = COALESCE(?, remote_id), outcome_unknown = ?,
                        next_attempt_at = ?, updated_at = ?, lease_owner = NULL, lease_expires_at = NULL,
                        attempts = attempts + ?
                    WHERE id = ? AND (? IS NULL OR lease_owner = ?)
                    """,
                arguments: [
                    state.rawValue, reason, remoteID, outcomeUnknown, nextAttemptAt?.timeIntervalSince1970 ?? 0,
                    date.timeIntervalSince1970, addingAttempts, id, claimant?.id, claimant?.id,
                ])
        }
    }

    static func item(_ row: Row) throws -> OutboxItem {
        let payload: String = row["payload"]
        let action = try JSONDecoder().decode(OutboxAction.self, from: Data(payload.utf8))
        let stateName: String = row["state"]
        let firstAttempt: Double? = row["first_attempt_at"]
        let leaseExpiry: Double? = row["lease_expires_at"]
        return OutboxItem(
            id: row["id"], action: action, state: OutboxState(rawValue: stateName) ?? .pending, reason: row["reason"],
            attempts: row["attempts"], outcomeUnknown: row["outcome_unknown"],
            createdAt: Date(timeIntervalSince1970: row["created_at"]),
            updatedAt: Date(timeIntervalSince1970: row["updated_at"]),
            nextAttemptAt: Date(timeIntervalSince1970: row["next_attempt_at"]),
            firstAttemptAt: firstAttempt.map { Date(timeIntervalSince1970: $0) }, remoteID: row["remote_id"],
            leaseOwner: row["lease_owner"], leaseExpiresAt: leaseExpiry.map { Date(timeIntervalSince1970: $0) })
    }
}
