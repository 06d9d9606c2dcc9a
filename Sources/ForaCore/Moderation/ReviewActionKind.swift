/// What a review action does, read from its id, with the one key that kind of action has on
/// every item. A moderator works from muscle memory: a key must mean the same thing on every
/// reviewable, whatever the order of the server's buttons, so keys come from this fixed table
/// and never from a payload's order. Lower-case keys leave the post and the user as they can be
/// put back; capitals destroy or punish something and always ask first. Digits are never
/// action keys: they are counts.
public enum ReviewActionKind: String, CaseIterable, Sendable {
    case keep, hide, edit, ignore, noActionUser, restore, approve
    case disagree, deletePost, deletePostAndReplies, ignoreAndDelete, ignoreAndDeleteReplies, reject
    case deleteUser, deleteAndBlockUser, silence, suspend

    /// The key, the same on every item.
    public var key: Character {
        switch self {
        case .keep: return "a"
        case .hide: return "h"
        case .edit: return "e"
        case .ignore: return "i"
        case .noActionUser: return "n"
        case .restore: return "w"
        case .approve: return "y"
        case .disagree: return "N"
        case .deletePost: return "D"
        case .deletePostAndReplies: return "R"
        case .ignoreAndDelete: return "I"
        case .ignoreAndDeleteReplies: return "W"
        case .reject: return "E"
        case .deleteUser: return "U"
        case .deleteAndBlockUser: return "B"
        case .silence: return "H"
        case .suspend: return "Z"
        }
    }

    /// What the key does, for the help screen's table of review keys.
    public var summary: String {
        switch self {
        case .keep: return "agree with the flag, keep the post"
        case .hide: return "agree with the flag, hide the post"
        case .edit: return "edit the post (agreeing), or revise a queued post"
        case .ignore: return "ignore the flag, or no action on the post"
        case .noActionUser: return "no action against the user"
        case .restore: return "restore or unhide the post"
        case .approve: return "approve the queued post or user"
        case .disagree: return "disagree with the flag (confirms)"
        case .deletePost: return "delete the post, agreeing (confirms)"
        case .deletePostAndReplies: return "delete the post and its replies (confirms)"
        case .ignoreAndDelete: return "ignore the flag and delete the post (confirms)"
        case .ignoreAndDeleteReplies: return "ignore the flag, delete the post and replies (confirms)"
        case .reject: return "reject the queued post (confirms)"
        case .deleteUser: return "delete the user and their posts (confirms)"
        case .deleteAndBlockUser: return "delete and block the user (confirms)"
        case .silence: return "silence the user (asks reason and days)"
        case .suspend: return "suspend the user (asks reason and days)"
        }
    }

    /// Whether the action cannot be taken back from fora: it asks before it runs.
    public var isIrreversible: Bool { key.isUppercase }

    /// What cannot be undone, said in the confirmation.
    public var consequence: String? {
        switch self {
        case .disagree: return "the flags are rejected and the flaggers' records change"
        case .deletePost, .ignoreAndDelete: return "the post is deleted"
        case .deletePostAndReplies, .ignoreAndDeleteReplies: return "the post and every reply to it are deleted"
        case .reject: return "the post is rejected and never published"
        case .deleteUser: return "the user and all their posts are deleted"
        case .deleteAndBlockUser: return "the user and all their posts are deleted and their IP and email blocked"
        case .silence, .suspend: return "the user is told at once"
        default: return nil
        }
    }

    /// The kind of the action `id`, known ids first, then by the words in the id; nil for an
    /// action fora does not know (it gets no key and the help says so).
    public init?(actionID id: String) {
        if let known = Self.known[id] {
            self = known
            return
        }
        let words = Set(id.split(separator: "_").map(String.init))
        let replies = words.contains("replies")
        if words.contains("user"), words.contains("block") {
            self = .deleteAndBlockUser
        } else if words.contains("user"), words.contains("delete") {
            self = .deleteUser
        } else if words.contains("suspend") {
            self = .suspend
        } else if words.contains("silence") {
            self = .silence
        } else if words.contains("delete"), words.contains("ignore") {
            self = replies ? .ignoreAndDeleteReplies : .ignoreAndDelete
        } else if words.contains("delete") {
            self = replies ? .deletePostAndReplies : .deletePost
        } else if words.contains("disagree") {
            self = .disagree
        } else if words.contains("reject") {
            self = .reject
        } else if words.contains("approve") {
            self = .approve
        } else if words.contains("restore") || words.contains("unhide") {
            self = .restore
        } else if words.contains("hide") {
            self = .hide
        } else if words.contains("edit") || words.contains("revise") {
            self = .edit
        } else if words.contains("ignore") {
            self = .ignore
        } else if words.contains("keep") || words == ["agree"] {
            self = .keep
        } else {
            return nil
        }
    }

    private static let known: [String: ReviewActionKind] = [
        "agree_and_keep": .keep, "agree_and_keep_hidden": .keep, "agree": .keep,
        "agree_and_hide": .hide, "hide_post": .hide,
        "agree_and_edit": .edit, "edit_post": .edit, "revise_and_reject_post": .edit,
        "ignore_and_do_nothing": .ignore, "ignore": .ignore, "no_action_post": .ignore,
        "no_action_user": .noActionUser,
        "agree_and_restore": .restore, "restore_post": .restore, "unhide_post": .restore,
        "approve_post": .approve, "approve_user": .approve,
        "disagree": .disagree, "disagree_and_restore": .disagree,
        "delete_and_agree": .deletePost, "delete_post": .deletePost,
        "delete_and_agree_replies": .deletePostAndReplies, "delete_post_and_replies": .deletePostAndReplies,
        "delete_and_ignore": .ignoreAndDelete, "delete_and_ignore_replies": .ignoreAndDeleteReplies,
        "reject_post": .reject,
        "delete_user": .deleteUser, "reject_user_delete": .deleteUser,
        "delete_user_block": .deleteAndBlockUser, "delete_and_block_user": .deleteAndBlockUser,
        "reject_user_block": .deleteAndBlockUser,
        "agree_and_silence": .silence, "silence_user": .silence,
        "agree_and_suspend": .suspend, "suspend_user": .suspend,
    ]

    /// Every action key, for refusing one an item does not offer.
    public static let allKeys: Set<Character> = Set(allCases.map(\.key))
}
