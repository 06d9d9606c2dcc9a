import Foundation
import GRDB

extension Store {
    /// The site answered again: waiting items become due now instead of at the end of their
    /// back-off. A reply written offline was postponed each time the host could not be reached,
    /// and its timer (up to minutes) knows nothing of the site being back; a successful answer
    /// is better evidence. Failed and conflicting items stay put (they wait for the user), and
    /// an item whose outcome is unknown is still checked against the site before it is resent.
    /// Returns how many items were woken.
    @discardableResult
    public func wakeWaitingOutboxItems(at date: Date = Date()) throws -> Int {
        try write { db in
            try db.execute(
                sql:
                    "UPDATE outbox SET next_attempt_at = 0, updated_at = ? WHERE state = 'pending' AND next_attempt_at > ?",
                arguments: [date.timeIntervalSince1970, date.timeIntervalSince1970])
            return db.changesCount
        }
    }
}
