import ForaCore
import Foundation

/// Decides whether a reply or topic whose earlier attempt had an unknown outcome is already
/// on the server. Discourse has no client idempotency key, so the match is on what only
/// this write can have produced: same author, same text (whitespace-normalised, since the
/// server strips it), created no earlier than the first attempt (less a clock-skew margin).
/// Discourse itself refuses an identical post by the same user within `unique_posts_mins`
/// (5), so two genuine identical replies that close together cannot both exist anyway.
public enum DuplicateCheck {
    /// Server and client clocks may disagree by this much.
    public static let clockSkew: TimeInterval = 300

    public static func matchingPost(
        for raw: String, by username: String, since firstAttempt: Date?, in posts: [RemotePost]
    ) -> RemotePost? {
        let wanted = normalized(raw)
        return posts.last { post in
            post.username.caseInsensitiveCompare(username) == .orderedSame
                && post.raw.map(normalized) == wanted
                && isRecent(post.createdAt, since: firstAttempt)
        }
    }

    public static func matchingTopic(for title: String, since firstAttempt: Date?, in topics: [RemoteTopic])
        -> RemoteTopic?
    {
        let wanted = normalized(title).lowercased()
        return topics.first { topic in
            normalized(topic.title).lowercased() == wanted && isRecent(topic.createdAt, since: firstAttempt)
        }
    }

    static func isRecent(_ created: Date?, since firstAttempt: Date?) -> Bool {
        guard let created, let firstAttempt else { return true }
        return created >= firstAttempt.addingTimeInterval(-clockSkew)
    }

    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
