/// A write the user asked for, as it waits in the outbox. Stored as JSON so a new kind of
/// action needs no migration.
public enum OutboxAction: Codable, Equatable, Sendable {
    case reply(topicID: Int, raw: String, replyToPostNumber: Int?)
    case newTopic(title: String, raw: String, categoryID: Int?, tags: [String])
    case edit(postID: Int, topicID: Int?, raw: String, originalRaw: String?)
    case like(postID: Int, topicID: Int?)
    case flag(postID: Int, topicID: Int?, typeID: Int, message: String?)
    case bookmark(postID: Int, topicID: Int?)
    case unlike(postID: Int, topicID: Int?)
    /// Removes the viewer's bookmark on the post (its id is looked up on the site when sent).
    case unbookmark(postID: Int, topicID: Int?)
    case accept(postID: Int, topicID: Int?)
    case review(reviewableID: Int, action: String, version: Int?)
    case timings(topicID: Int, topicTimeMs: Int, timings: [Int: Int])

    /// A short name for lists and `--json`.
    public var kind: String {
        switch self {
        case .reply: return "reply"
        case .newTopic: return "new_topic"
        case .edit: return "edit"
        case .like: return "like"
        case .flag: return "flag"
        case .bookmark: return "bookmark"
        case .unlike: return "unlike"
        case .unbookmark: return "unbookmark"
        case .accept: return "accept"
        case .review: return "review"
        case .timings: return "timings"
        }
    }

    /// The topic it concerns, when known (eviction keeps topics with unsent work).
    public var topicID: Int? {
        switch self {
        case .reply(let topicID, _, _), .timings(let topicID, _, _): return topicID
        case .newTopic, .review: return nil
        case .edit(_, let topicID, _, _), .like(_, let topicID), .flag(_, let topicID, _, _),
            .bookmark(_, let topicID), .accept(_, let topicID), .unlike(_, let topicID), .unbookmark(_, let topicID):
            return topicID
        }
    }

    /// Whether repeating it blindly could make a second copy on the server (a reply or a
    /// topic). Those are checked against the server before any re-send.
    public var createsContent: Bool {
        switch self {
        case .reply, .newTopic: return true
        default: return false
        }
    }
}
