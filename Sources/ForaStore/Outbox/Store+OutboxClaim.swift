import Foundation
import GRDB

/// Claims on outbox items: before a sender checks or sends an item it claims it with a
/// conditional update, which only one process can win. A live claim is never taken over; an
/// expired one is, and so is one whose process has died on this host.
extension Store {
    /// Claims item `id` for `claimant` until `expiry` when it is due (pending and past its
    /// back-off, or left `sending`) and nobody else holds a live claim on it. Returns the item
    /// as it was before the claim (its state says whether an earlier attempt may have reached
    /// the server), or nil when it is not claimable.
    func claimOutboxItem(id: Int, for claimant: OutboxClaimant, until expiry: Date, now: Date) throws -> OutboxItem? {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM outbox WHERE id = ?", arguments: [id]) else {
                return nil
            }
            let item = try Self.item(row)
            // A claim whose process is gone may be taken over before it expires.
            let abandoned = item.leaseOwner.flatMap { owner in
                OutboxClaimant(id: owner).map { $0.processIsGone ? owner : nil } ?? nil
            }
            try db.execute(
                sql: """
                    UPDATE outbox SET lease_owner = ?, lease_expires_at = ?
                    WHERE id = ?
                        AND ((state = 'pending' AND next_attempt_at <= ?) OR state = 'sending')
                        AND (lease_owner IS NULL OR lease_expires_at IS NULL OR lease_expires_at <= ?
                             OR lease_owner = ? OR lease_owner = ?)
                    """,
                arguments: [
                    claimant.id, expiry.timeIntervalSince1970, id, now.timeIntervalSince1970,
                    now.timeIntervalSince1970, claimant.id, abandoned,
                ])
            return db.changesCount == 1 ? item : nil
        }
    }
}
