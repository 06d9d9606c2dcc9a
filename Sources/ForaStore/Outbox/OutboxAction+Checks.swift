import ForaCore

/// What the sender needs to know about an action before it repeats it.
extension OutboxAction {
    /// Whether an attempt whose outcome is unknown is first looked for on the server: a reply
    /// or a topic could be posted twice, and a like sent again is refused as "already
    /// performed" (and would then show as failed although it was applied).
    var hasDuplicateCheck: Bool {
        switch self {
        case .reply, .newTopic, .like: return true
        default: return false
        }
    }

    /// The post it acts on, for those that act on one.
    var postID: Int? {
        switch self {
        case .edit(let postID, _, _, _), .like(let postID, _), .flag(let postID, _, _, _), .bookmark(let postID, _),
            .accept(let postID, _), .unlike(let postID, _), .unbookmark(let postID, _):
            return postID
        case .reply, .newTopic, .review, .timings: return nil
        }
    }
}
