/// What a Discourse endpoint needs, in words, so a 403 can say which permission was missing
/// rather than only "access denied" (the server's own text is generic).
public enum PermissionHints {
    public static func requirement(method: String, endpoint: String) -> String {
        let path = endpoint.split(separator: "?", maxSplits: 1).first.map(String.init) ?? endpoint
        func has(_ prefix: String) -> Bool { path.hasPrefix(prefix) }
        switch (method, path) {
        case (_, _) where has("/review"), (_, _) where has("/reviewable_claimed_topics"):
            return "the review queue needs a moderator or admin account (or category-group moderation)"
        case (_, _) where has("/admin/"):
            return "this needs an admin account"
        case (_, _) where path.hasSuffix("/status.json"):
            return "changing a topic's status (close, pin, archive, unlist) needs moderator rights"
        case (_, _) where has("/solution/"):
            return "accepting a solution needs to be the topic's author or staff, in a category with solutions enabled"
        case ("POST", "/posts.json"):
            return "posting here needs permission to reply in this topic or create topics in this category"
        case ("PUT", _) where has("/posts/"):
            return "editing needs to be the post's author (within the edit window) or staff"
        case ("DELETE", _) where has("/posts/") || has("/t/"):
            return "deleting needs to be the author (within the time limit) or staff"
        case (_, _) where has("/post_actions"):
            return "this action (like or flag) needs a higher trust level or is over the daily limit"
        case (_, _) where has("/topics/private-messages") || has("/notifications") || has("/drafts"):
            return "this belongs to another user"
        case (_, _) where has("/u/"):
            return "this user's profile is hidden from you"
        case ("GET", _), ("HEAD", _):
            return "viewing \(path) needs access to that category or topic"
        default:
            return "\(method) \(path) needs a permission this account (or API key scope) does not have"
        }
    }
}
