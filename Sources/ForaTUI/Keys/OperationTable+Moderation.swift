/// Moderating from the reader (issue 8): the focused post, its author, the topic's
/// category. `H` and `X` toggle (on a hidden post `H` unhides it, on a deleted one `X`
/// recovers it); the rest are `:` commands. Silence and suspend also act on the selected
/// review item's author. Each checks `ModerationOperation`'s precondition first, and the help
/// lists the ones the viewer may not use as unavailable.
extension OperationTable {
    static let moderationOperations: [Operation] = [
        entry(
            .hidePost, "Hide the focused post (on a hidden post: unhide it) (staff)", hint: "hide", [.reader: ["H"]]),
        entry(.unhidePost, "Unhide the focused hidden post (staff)", hint: "unhide", [:]),
        entry(
            .deletePost, "Delete the focused post, after a confirmation (on a deleted post: recover it)",
            hint: "delete", [.reader: ["X"]]),
        entry(.recoverPost, "Recover the focused deleted post (staff)", hint: "recover", [:]),
        entry(
            .silenceUser,
            "Silence the author of the focused post or of the review item (:silence 7d REASON; alone: a form)",
            hint: "silence", [:]),
        entry(
            .suspendUser,
            "Suspend the author of the focused post or of the review item (:suspend 7d REASON; alone: a form)",
            hint: "suspend", [:]),
        entry(.moveTopic, "Move the open topic to a category (:move CATEGORY, Tab completes)", hint: "move", [:]),
    ]
}
