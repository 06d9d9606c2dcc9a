import ForaCore
import Foundation

/// The line that introduces a post in the linear mode, in place of the header of marks and
/// abbreviations: "post 3 of 120, by alice, 2 hours ago, reply to post 1, solution, unread".
public enum PostIntroduction {
    /// `position` counts from 0 among the topic's `count` posts; the post's number is said as
    /// well when it differs (deleted posts leave gaps in the numbering).
    public static func text(for post: ReaderPost, position: Int, count: Int, now: Date) -> String {
        var parts = [
            "post \(position + 1) of \(count)" + (post.number == position + 1 ? "" : " (number \(post.number))")
        ]
        var author = "by " + post.username
        if let badge = post.badge { author += ", " + badge.rawValue }
        parts.append(author)
        if let date = post.createdAt.flatMap(ForaDate.parse) { parts.append(SpokenText.age(of: date, now: now)) }
        if let replyTo = post.replyToPostNumber { parts.append("reply to post \(replyTo)") }
        // States the standard look shows as marks, said as words.
        if post.moderation.deleted { parts.append("deleted") }
        if post.moderation.hidden { parts.append("hidden") }
        if post.postType == 4 { parts.append("whisper, staff only") }
        if post.wiki { parts.append("wiki") }
        if post.isSolution { parts.append("solution") }
        if !post.isRead { parts.append("unread") }
        if post.likes > 0 { parts.append(SpokenText.count(post.likes, "like", "likes")) }
        if post.liked { parts.append("liked by you") }
        if post.bookmarked { parts.append("bookmarked") }
        return parts.joined(separator: ", ")
    }
}
