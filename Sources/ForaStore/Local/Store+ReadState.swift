import Foundation
import GRDB

/// What the user has read, recorded here as they read (so unread/new counts are right
/// offline). Per-post reading times accumulate in `pending_timings` and are batched into one
/// `timings` outbox item per topic by `flushTimings`, which the sender then delivers as
/// `POST /topics/timings`.
extension Store {
    /// Records that the user read `topicID` up to `postNumber`, spending `milliseconds` on
    /// each post number given.
    public func markRead(topicID: Int, upTo postNumber: Int, timings: [Int: Int] = [:], at date: Date = Date())
        throws
    {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO read_state (topic_id, last_read_post_number, last_read_at) VALUES (?, ?, ?)
                    ON CONFLICT(topic_id) DO UPDATE SET
                        last_read_post_number = MAX(last_read_post_number, excluded.last_read_post_number),
                        last_read_at = excluded.last_read_at
                    """,
                arguments: [topicID, postNumber, date.timeIntervalSince1970])
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO pending_timings (topic_id, post_number, ms) VALUES (?, ?, ?)
                    ON CONFLICT(topic_id, post_number) DO UPDATE SET ms = ms + excluded.ms
                    """)
            for (number, ms) in timings where ms > 0 {
                try statement.execute(arguments: [topicID, number, ms])
            }
        }
    }

    /// The highest post number read in a topic, nil if never opened.
    public func lastReadPostNumber(topicID: Int) throws -> Int? {
        try read { db in
            try Int.fetchOne(
                db, sql: "SELECT last_read_post_number FROM read_state WHERE topic_id = ?", arguments: [topicID])
        }
    }

    /// Turns the accumulated timings into outbox items (one per topic) in one transaction;
    /// returns how many were queued.
    @discardableResult
    public func flushTimings(at date: Date = Date()) throws -> Int {
        try write { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT topic_id, post_number, ms FROM pending_timings ORDER BY topic_id, post_number")
            var byTopic: [Int: [Int: Int]] = [:]
            for row in rows {
                byTopic[row["topic_id"], default: [:]][row["post_number"]] = row["ms"]
            }
            for (topicID, timings) in byTopic.sorted(by: { $0.key < $1.key }) {
                let total = timings.values.reduce(0, +)
                _ = try Self.insert(
                    .timings(topicID: topicID, topicTimeMs: total, timings: timings), at: date, db)
            }
            try db.execute(sql: "DELETE FROM pending_timings")
            return byTopic.count
        }
    }
}
