import Foundation

/// Discourse's small actions (`post_type` 3): posts with no text of their own that record
/// what someone did to the topic, which the web shows as one line, "moderator closed the
/// topic 2h ago". The phrases follow Discourse's `action_codes` strings.
public enum SmallAction {
    /// Discourse's post type for a small action.
    public static let postType = 3

    /// "closed the topic" for "closed.enabled"; a readable fallback for codes not listed
    /// ("did something: some_code"), so a new code never shows as an empty post.
    public static func phrase(for code: String?) -> String {
        guard let code, !code.isEmpty else { return "took an action on this topic" }
        if let known = phrases[code] { return known }
        let readable = code.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : " " }
        return "took an action: " + String(readable).split(separator: " ").joined(separator: " ")
    }

    /// The whole line: "moderator closed the topic 2h ago" (no age without a date).
    public static func line(code: String?, username: String, createdAt: String?, now: Date = Date()) -> String {
        var text = (username.isEmpty ? "" : username + " ") + phrase(for: code)
        if let date = createdAt.flatMap(ForaDate.parse) {
            let age = ForaDate.relative(date, now: now)
            text += age == "now" ? " just now" : " \(age) ago"
        }
        return text
    }

    private static let phrases: [String: String] = [
        "closed.enabled": "closed the topic",
        "closed.disabled": "opened the topic",
        "autoclosed.enabled": "closed the topic automatically",
        "autoclosed.disabled": "opened the topic automatically",
        "archived.enabled": "archived the topic",
        "archived.disabled": "unarchived the topic",
        "pinned.enabled": "pinned the topic",
        "pinned.disabled": "unpinned the topic",
        "pinned_globally.enabled": "pinned the topic globally",
        "pinned_globally.disabled": "unpinned the topic",
        "banner.enabled": "made this a banner",
        "banner.disabled": "removed this banner",
        "visible.enabled": "listed the topic",
        "visible.disabled": "unlisted the topic",
        "split_topic": "split this topic",
        "invited_user": "invited someone to the message",
        "invited_group": "invited a group to the message",
        "removed_user": "removed someone from the message",
        "removed_group": "removed a group from the message",
        "user_left": "left the message",
        "public_topic": "made this topic public",
        "private_topic": "made this topic a personal message",
        "autobumped": "bumped the topic automatically",
        "open_topic": "converted this to a topic",
        "forwarded": "forwarded an email",
    ]
}
