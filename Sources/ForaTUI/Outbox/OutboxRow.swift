import ForaCore
import ForaStore

/// One outbox item as a line of text: the state is a word, never colour alone.
enum OutboxRow {
    static func text(_ item: OutboxItem) -> String {
        var parts = ["#\(item.id)", item.action.kind, target(item.action), item.state.rawValue]
        parts.append(item.attempts == 1 ? "1 attempt" : "\(item.attempts) attempts")
        if let reason = item.reason, !reason.isEmpty { parts.append("reason: " + reason) }
        return parts.joined(separator: "  ")
    }

    /// What the item acts on: the post, the topic, or what it creates.
    static func target(_ action: OutboxAction) -> String {
        switch action {
        case .like(let postID, _), .bookmark(let postID, _), .unlike(let postID, _), .unbookmark(let postID, _),
            .accept(let postID, _), .flag(let postID, _, _, _),
            .edit(let postID, _, _, _):
            return "post \(postID)"
        case .reply(let topicID, _, _), .timings(let topicID, _, _): return "topic \(topicID)"
        case .newTopic(let title, _, _, _): return "new topic \"\(title)\""
        case .review(let reviewableID, let action, _): return "review \(reviewableID) \(action)"
        }
    }
}
