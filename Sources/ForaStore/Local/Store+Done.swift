import Foundation
import GRDB

/// "Done" marks of the work lists (unanswered, unsolved, mine): a topic marked done stays
/// hidden from them until it gets a post beyond the one it had when marked.
extension Store {
    public func markDone(topicID: Int, highestPostNumber: Int, at date: Date = Date()) throws {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO done_topics (topic_id, highest_post_number, marked_at) VALUES (?, ?, ?)
                    ON CONFLICT(topic_id) DO UPDATE SET
                        highest_post_number = excluded.highest_post_number, marked_at = excluded.marked_at
                    """,
                arguments: [topicID, highestPostNumber, date.timeIntervalSince1970])
        }
    }

    public func unmarkDone(topicID: Int) throws {
        try write { db in try db.execute(sql: "DELETE FROM done_topics WHERE topic_id = ?", arguments: [topicID]) }
    }

    /// Topic id → the highest post number it had when marked done.
    public func doneTopics() throws -> [Int: Int] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT topic_id, highest_post_number FROM done_topics")
            return Dictionary(rows.map { ($0["topic_id"], $0["highest_post_number"]) }) { first, _ in first }
        }
    }

    /// Whether a topic with `highestPostNumber` posts is still done (no new reply since).
    public func isDone(topicID: Int, highestPostNumber: Int, marks: [Int: Int]) -> Bool {
        guard let marked = marks[topicID] else { return false }
        return highestPostNumber <= marked
    }
}
