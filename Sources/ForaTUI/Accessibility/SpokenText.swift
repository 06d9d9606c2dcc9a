import ForaCore
import Foundation

/// Words for what the standard look shows as marks and abbreviations, for the linear mode:
/// "2 hours ago" rather than "2h", "unread" rather than a coloured dot.
public enum SpokenText {
    /// "just now", "1 minute ago", "5 hours ago", "3 months ago".
    public static func age(of date: Date, now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        func ago(_ value: Int, _ unit: String) -> String { "\(value) \(unit)\(value == 1 ? "" : "s") ago" }
        switch seconds {
        case ..<60: return "just now"
        case ..<3600: return ago(seconds / 60, "minute")
        case ..<86_400: return ago(seconds / 3600, "hour")
        case ..<(86_400 * 30): return ago(seconds / 86_400, "day")
        case ..<(86_400 * 365): return ago(seconds / (86_400 * 30), "month")
        default: return ago(seconds / (86_400 * 365), "year")
        }
    }

    /// "1 reply", "12 replies".
    public static func count(_ value: Int, _ singular: String, _ plural: String) -> String {
        "\(value) \(value == 1 ? singular : plural)"
    }

    /// A topic of a list as one sentence: the title, its states as words, the category, the
    /// replies and the last activity.
    public static func topicRow(_ topic: Topic, categoryName: String?, now: Date) -> String {
        var parts = [topic.title]
        if topic.unread {
            parts.append("unread")
        } else if topic.unreadPosts > 0 {
            parts.append(count(topic.unreadPosts, "new post", "new posts"))
        }
        if topic.hasAcceptedAnswer { parts.append("solved") }
        if topic.pinned { parts.append("pinned") }
        if topic.closed { parts.append("closed") }
        if let categoryName, !categoryName.isEmpty { parts.append("in " + categoryName) }
        parts.append(count(topic.replyCount, "reply", "replies"))
        if let activity = topic.lastActivity { parts.append("active " + age(of: activity, now: now)) }
        return parts.joined(separator: ", ")
    }
}
