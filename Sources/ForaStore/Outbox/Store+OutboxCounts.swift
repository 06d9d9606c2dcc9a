import Foundation
import GRDB

/// How many writes wait in the outbox, for the status bar.
public struct OutboxCounts: Equatable, Sendable {
    /// Pending or being sent: they go out by themselves once the site answers.
    public var waiting: Int
    /// Refused (failed or in conflict): they wait for `fora outbox retry` or `drop`.
    public var failed: Int

    public init(waiting: Int = 0, failed: Int = 0) {
        self.waiting = waiting
        self.failed = failed
    }
}

extension Store {
    /// The outbox's waiting and refused items, counted by state in one query.
    public func outboxCounts() throws -> OutboxCounts {
        try read { db in
            var counts = OutboxCounts()
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM outbox GROUP BY state") {
                let count: Int = row["n"]
                switch OutboxState(rawValue: row["state"] ?? "") {
                case .pending?, .sending?: counts.waiting += count
                case .failed?, .conflict?: counts.failed += count
                default: break
                }
            }
            return counts
        }
    }
}
