// The actions a moderator is offered on a reviewable, generated from its kind, status and
// action style as Discourse builds them (api-brief §11a): the legacy `{id}-agree` /
// `disagree` / `{id}-ignore` bundles of ReviewableFlaggedPost, the 2025 "refresh" bundles
// `{id}-post-actions` + `{id}-user-actions` (the item is finished only after one action of
// each), and the approve/reject actions of queued posts and users. Nothing pending, nothing
// offered.
import DemoCommunity
import Foundation

struct ReviewAction: Sendable, Equatable {
    var id: String
    var label: String
    var description: String? = nil
    var icon: String? = nil
    var buttonClass: String? = nil
    /// The web UI opens a modal first (`edit`, `silence`, `suspend`).
    var clientAction: String? = nil
    var confirmMessage: String? = nil
    var requireRejectReason = false

    var json: JSONValue {
        var object: JSONObject = ["id": .string(id), "server_action": .string(id), "label": .string(label)]
        if let description { object["description"] = .string(description) }
        object["icon"] = .optional(icon)
        object["button_class"] = .optional(buttonClass)
        if let clientAction { object["client_action"] = .string(clientAction) }
        if let confirmMessage {
            object["confirm_message"] = .string(confirmMessage)
            object["confirm_destructive"] = true
        }
        object["require_reject_reason"] = .bool(requireRejectReason)
        return .object(object)
    }
}

struct ReviewBundle: Sendable, Equatable {
    var id: String
    var label: String
    var icon: String?
    var actions: [ReviewAction]

    var json: JSONValue {
        [
            "id": .string(id), "icon": .optional(icon), "label": .string(label),
            "action_ids": .array(actions.map { .string($0.id) }),
        ]
    }
}

enum ReviewableActions {
    /// The refreshed style's two bundles, by the suffix stored in `completedBundles`.
    static let postBundle = "post-actions", userBundle = "user-actions"

    /// Legacy action ids Discourse still accepts, and the action each stands for.
    static let aliases: [String: String] = [
        "ignore": "ignore_and_do_nothing", "agree": "agree_and_keep", "delete_and_block_user": "delete_user_block",
    ]

    static func bundles(for item: ReviewItem) -> [ReviewBundle] {
        let reviewable = item.reviewable
        guard reviewable.status == .pending else { return [] }
        switch reviewable.kind {
        case .flaggedPost:
            return reviewable.actionStyle == .legacy
                ? legacyFlagBundles(reviewable, post: item.post, author: item.targetUser)
                : refreshedFlagBundles(reviewable, post: item.post, author: item.targetUser)
        case .queuedPost:
            return queuedPostBundles(reviewable, author: item.targetUser)
        case .user:
            return [
                ReviewBundle(
                    id: "approve_user", label: "Approve User", icon: "user-plus",
                    actions: [
                        ReviewAction(
                            id: "approve_user", label: "Approve User", icon: "user-plus", buttonClass: "btn-success")
                    ]),
                ReviewBundle(
                    id: "\(reviewable.id)-reject_user", label: "Reject…", icon: "user-xmark",
                    actions: [
                        ReviewAction(
                            id: "reject_user_delete", label: "Delete User",
                            description: "The user will be deleted from the forum."),
                        ReviewAction(
                            id: "reject_user_block", label: "Delete and Block User",
                            description: "The user will be deleted, and we'll block their IP and email address."),
                    ]),
            ]
        }
    }

    /// Every action offered, flattened.
    static func actions(for item: ReviewItem) -> [ReviewAction] {
        bundles(for: item).flatMap(\.actions)
    }

    /// The offered action `id` names (aliases resolved), or nil when it is not offered now.
    static func resolve(_ id: String, for item: ReviewItem) -> ReviewAction? {
        let offered = actions(for: item)
        if let action = offered.first(where: { $0.id == id }) { return action }
        if let target = aliases[id], let action = offered.first(where: { $0.id == target }) { return action }
        // `agree_and_keep_hidden`, `disagree_and_restore` and their plain forms stand for each other.
        let pairs = ["agree_and_keep": "agree_and_keep_hidden", "disagree": "disagree_and_restore"]
        for (plain, variant) in pairs where id == plain || id == variant {
            if let action = offered.first(where: { $0.id == plain || $0.id == variant }) { return action }
        }
        return nil
    }

    /// The bundle an action belongs to, as stored in `completedBundles` for the refreshed
    /// style (`post-actions` or `user-actions`), nil for the other styles.
    static func refreshedBundle(of actionId: String, for item: ReviewItem) -> String? {
        guard item.reviewable.kind == .flaggedPost, item.reviewable.actionStyle == .refreshed else { return nil }
        let bundle = bundles(for: item).first { $0.actions.contains { $0.id == actionId } }
        return bundle.map { String($0.id.drop(while: { $0 != "-" }).dropFirst()) }
    }

    private static func legacyFlagBundles(_ reviewable: DemoReviewable, post: DemoPost?, author: DemoUser?)
        -> [ReviewBundle]
    {
        let hidden = post?.hidden ?? false
        let deleted = post?.deletedAt != nil
        var agree: [ReviewAction] = []
        if deleted {
            agree.append(
                ReviewAction(
                    id: "agree_and_restore", label: "Restore Post",
                    description: "Agree with the flag and restore the post.", icon: "far-eye"))
        } else {
            agree.append(
                hidden
                    ? ReviewAction(
                        id: "agree_and_keep_hidden", label: "Keep Post Hidden",
                        description: "Agree with the flag and keep the post hidden.", icon: "far-eye-slash")
                    : ReviewAction(
                        id: "agree_and_hide", label: "Hide Post",
                        description:
                            "Agree with the flag and hide this post + automatically send the user a message urging them to edit it.",
                        icon: "far-eye-slash"))
            agree.append(
                ReviewAction(
                    id: "agree_and_keep", label: "Keep Post",
                    description: "Agree with the flag and keep the post unchanged.", icon: "thumbs-up"))
            agree.append(ReviewAction(id: "agree_and_edit", label: "Edit Post", icon: "pencil", clientAction: "edit"))
            agree.append(
                ReviewAction(
                    id: "delete_and_agree", label: "Delete Post",
                    description: "Agree with the flag and delete the post.", icon: "trash-can"))
            agree.append(
                ReviewAction(
                    id: "delete_and_agree_replies", label: "Delete Post and Replies", icon: "trash-can",
                    confirmMessage: "Are you sure you want to delete the replies to the post as well?"))
        }
        if let author, !author.isStaff {
            agree.append(
                ReviewAction(id: "agree_and_suspend", label: "Suspend User", icon: "ban", clientAction: "suspend"))
            agree.append(
                ReviewAction(
                    id: "agree_and_silence", label: "Silence User", icon: "microphone-slash", clientAction: "silence"))
            agree.append(
                ReviewAction(
                    id: "delete_user", label: "Delete User", icon: "user-xmark",
                    confirmMessage: "Are you sure you want to delete this user and all their posts?"))
            agree.append(
                ReviewAction(
                    id: "delete_user_block", label: "Delete and Block User", icon: "ban",
                    confirmMessage: "Are you sure you want to delete this user and block their IP and email address?"))
        }
        let disagree =
            hidden || deleted
            ? ReviewAction(id: "disagree_and_restore", label: "Disagree and Restore Post", icon: "thumbs-down")
            : ReviewAction(id: "disagree", label: "Disagree", icon: "thumbs-down")
        let ignore =
            [
                ReviewAction(
                    id: "ignore_and_do_nothing", label: "Do Nothing",
                    description: "Ignore the flag; the post stays as it is.", icon: "up-right-from-square")
            ]
            + (deleted
                ? []
                : [
                    ReviewAction(id: "delete_and_ignore", label: "Ignore and Delete Post", icon: "trash-can"),
                    ReviewAction(
                        id: "delete_and_ignore_replies", label: "Ignore and Delete Post and Replies", icon: "trash-can",
                        confirmMessage: "Are you sure you want to delete the replies to the post as well?"),
                ])
        return [
            ReviewBundle(id: "\(reviewable.id)-agree", label: "Agree…", icon: "thumbs-up", actions: agree),
            ReviewBundle(id: disagree.id, label: disagree.label, icon: "thumbs-down", actions: [disagree]),
            ReviewBundle(id: "\(reviewable.id)-ignore", label: "Ignore", icon: "up-right-from-square", actions: ignore),
        ]
    }

    private static func refreshedFlagBundles(_ reviewable: DemoReviewable, post: DemoPost?, author: DemoUser?)
        -> [ReviewBundle]
    {
        var bundles: [ReviewBundle] = []
        if !reviewable.completedBundles.contains(postBundle) {
            var actions = [
                ReviewAction(
                    id: "no_action_post", label: "No action", description: "Keep the post as it is.", icon: "check")
            ]
            if post?.deletedAt != nil {
                actions.append(ReviewAction(id: "restore_post", label: "Restore post", icon: "far-eye"))
            } else {
                actions.append(
                    post?.hidden == true
                        ? ReviewAction(id: "unhide_post", label: "Unhide post", icon: "far-eye")
                        : ReviewAction(id: "hide_post", label: "Hide post", icon: "far-eye-slash"))
                actions.append(ReviewAction(id: "edit_post", label: "Edit post", icon: "pencil", clientAction: "edit"))
                actions.append(ReviewAction(id: "delete_post", label: "Delete post", icon: "trash-can"))
                actions.append(
                    ReviewAction(
                        id: "delete_post_and_replies", label: "Delete post and replies", icon: "trash-can",
                        confirmMessage: "Are you sure you want to delete the replies to the post as well?"))
            }
            bundles.append(
                ReviewBundle(
                    id: "\(reviewable.id)-\(postBundle)", label: "Post actions", icon: "far-file",
                    actions: actions))
        }
        if !reviewable.completedBundles.contains(userBundle) {
            var actions = [
                ReviewAction(
                    id: "no_action_user", label: "No action", description: "Take no action against the author.",
                    icon: "check")
            ]
            if let author, !author.isStaff {
                actions += [
                    ReviewAction(
                        id: "silence_user", label: "Silence user", icon: "microphone-slash", clientAction: "silence"),
                    ReviewAction(id: "suspend_user", label: "Suspend user", icon: "ban", clientAction: "suspend"),
                    ReviewAction(
                        id: "delete_user", label: "Delete user", icon: "user-xmark",
                        confirmMessage: "Are you sure you want to delete this user and all their posts?"),
                    ReviewAction(
                        id: "delete_and_block_user", label: "Delete and block user", icon: "ban",
                        confirmMessage:
                            "Are you sure you want to delete this user and block their IP and email address?"),
                ]
            }
            bundles.append(
                ReviewBundle(
                    id: "\(reviewable.id)-\(userBundle)", label: "User actions", icon: "user",
                    actions: actions))
        }
        return bundles
    }

    private static func queuedPostBundles(_ reviewable: DemoReviewable, author: DemoUser?) -> [ReviewBundle] {
        var reject = [
            ReviewAction(
                id: "reject_post", label: "Reject Post", description: "Reject the post; it is not published.",
                icon: "xmark"),
            ReviewAction(
                id: "revise_and_reject_post", label: "Revise Post…", icon: "pencil",
                clientAction: "revise_and_reject_post", requireRejectReason: true),
        ]
        if let author, !author.isStaff {
            reject.append(
                ReviewAction(
                    id: "delete_user", label: "Delete User", icon: "user-xmark",
                    confirmMessage: "Are you sure you want to delete this user and all their posts?"))
            reject.append(
                ReviewAction(
                    id: "delete_user_block", label: "Delete and Block User", icon: "ban",
                    confirmMessage: "Are you sure you want to delete this user and block their IP and email address?"))
        }
        return [
            ReviewBundle(
                id: "approve_post", label: "Approve Post", icon: "check",
                actions: [
                    ReviewAction(id: "approve_post", label: "Approve Post", icon: "check", buttonClass: "btn-success")
                ]),
            ReviewBundle(id: "\(reviewable.id)-reject", label: "Reject…", icon: "xmark", actions: reject),
        ]
    }
}
