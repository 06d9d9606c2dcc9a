/// The review queue's operations (issue 8). The action keys themselves are not here: they
/// come from each reviewable's payload (`TriageActionKeys`), so the screen handles them
/// directly and shows them in its hints and help. The keys below are the ones
/// `TriageActionKeys.reserved` keeps free, plus capitals, which action keys never use.
extension OperationTable {
    static let reviewOperations: [Operation] = [
        Operation(
            id: .reviewQueue, description: "Open the review queue (moderators)", hint: "review",
            keys: [.global: ["M"]], takesCount: false),
        Operation(
            id: .mark, description: "Mark or unmark the item for a bulk action", hint: "mark",
            keys: [.review: ["Space", "x"]], takesCount: false),
        Operation(
            id: .claim, description: "Claim the item's topic so no one else acts on it", hint: "claim",
            keys: [.review: ["c"]], takesCount: false),
        Operation(
            id: .unclaim, description: "Release the claim on the item's topic", hint: "unclaim",
            keys: [.review: ["u"]], takesCount: false),
        Operation(
            id: .openPost, description: "Open the flagged post in its topic", hint: "post",
            keys: [.review: ["o"]], takesCount: false),
        Operation(
            id: .filterStatus, description: "Cycle the status filter (pending, approved, rejected, ignored, all)",
            hint: "status", keys: [.review: ["S"]], takesCount: false),
        Operation(
            id: .filterType, description: "Cycle the type filter", hint: "type", keys: [.review: ["T"]],
            takesCount: false),
        Operation(
            id: .filterCategory, description: "Cycle the category filter", hint: "category", keys: [.review: ["C"]],
            takesCount: false),
        Operation(
            id: .filterPriority, description: "Cycle the priority filter (any, low, medium, high)", hint: "priority",
            keys: [.review: ["P"]], takesCount: false),
        Operation(
            id: .sortOrder, description: "Sort by score or by age", hint: "sort", keys: [.review: ["O"]],
            takesCount: false),
        Operation(
            id: .savedFilter, description: "Next saved filter ([review.filters.NAME] in config.toml)",
            hint: "saved", keys: [.review: ["F"]], takesCount: false),
    ]
}
