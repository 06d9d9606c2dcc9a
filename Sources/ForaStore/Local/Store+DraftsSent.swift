import ForaCore
import Foundation
import GRDB

extension Store {
    /// Whether `draft`'s text went into the outbox (queued or sent) after the draft was last
    /// saved: its deletion after sending failed (a locked or full store), and it must not come
    /// back as a draft of something already posted.
    public func isDraftAlreadyQueued(_ draft: Draft) throws -> Bool {
        let body = draft.body.trimmingCharacters(in: .whitespacesAndNewlines)
        return try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM outbox WHERE kind IN ('reply', 'new_topic', 'edit')
                        AND state IN ('pending', 'sending', 'sent') AND created_at >= ?
                    """,
                arguments: [draft.updatedAt.timeIntervalSince1970])
            return try rows.map(Self.item).contains { item in
                guard let (key, raw) = Self.draftKeyAndText(of: item.action) else { return false }
                return key == draft.key && raw.trimmingCharacters(in: .whitespacesAndNewlines) == body
            }
        }
    }

    /// The composer's draft key of a post-writing action, and its text.
    static func draftKeyAndText(of action: OutboxAction) -> (String, String)? {
        switch action {
        case .reply(let topicID, let raw, _): return ("topic_\(topicID)", raw)
        case .newTopic(_, let raw, _, _): return ("new_topic", raw)
        case .edit(let postID, _, let raw, _): return ("edit_post_\(postID)", raw)
        default: return nil
        }
    }
}
