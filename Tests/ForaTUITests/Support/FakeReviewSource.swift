import ForaCore
import Foundation

@testable import ForaTUI

/// A review queue in memory: legacy and 2025-style items, failures and conflicts on demand,
/// and a log of what was performed.
final class FakeReviewSource: ReviewDataSource, @unchecked Sendable {
    struct Performed: Equatable {
        var id: Int
        var action: String
        var version: Int
        var penalty: ReviewPenalty?
        var reason: String?
    }

    private let lock = NSLock()
    private var items: [Int: ReviewItem] = [:]
    private var log: [Performed] = []
    private var failing: [Int: ForaError] = [:]
    private var claimConflict = false
    let me: ReviewViewer

    init(items: [ReviewItem] = FakeReviewSource.sample(), viewer: ReviewViewer = FakeReviewSource.moderator) {
        for item in items { self.items[item.id] = item }
        me = viewer
    }

    static let moderator = ReviewViewer(username: "moderator", permissions: ModerationViewer(isModerator: true))
    static let member = ReviewViewer(username: "alice", permissions: ModerationViewer(trustLevel: 2))

    static let legacy: [TriageBundle] = [
        TriageBundle(
            id: "agree", label: "Agree…",
            actions: [
                TriageAction(id: "agree_and_hide", label: "Agree and Hide"),
                TriageAction(id: "agree_and_keep", label: "Agree and Keep"),
                TriageAction(
                    id: "delete_and_agree", label: "Delete Post", confirmMessage: "Delete this post?",
                    confirmDestructive: true),
                TriageAction(id: "agree_and_suspend", label: "Agree and Suspend", clientAction: "suspend"),
            ]),
        TriageBundle(id: "disagree", label: "Disagree", actions: [TriageAction(id: "disagree", label: "Disagree")]),
        TriageBundle(
            id: "ignore", label: "Ignore…", actions: [TriageAction(id: "ignore_and_do_nothing", label: "Ignore")]),
    ]

    static let postActions = TriageBundle(
        id: "post-actions", label: "Post actions",
        actions: [
            TriageAction(id: "no_action_post", label: "No action on post"),
            TriageAction(id: "hide_post", label: "Hide post"),
            TriageAction(id: "delete_post", label: "Delete post", confirmDestructive: true),
        ])
    static let userActions = TriageBundle(
        id: "user-actions", label: "User actions",
        actions: [
            TriageAction(id: "no_action_user", label: "No action on user"),
            TriageAction(id: "silence_user", label: "Silence user", clientAction: "silence"),
            TriageAction(id: "suspend_user", label: "Suspend user", clientAction: "suspend"),
        ])

    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// Five pending flags: #1, #2 and #4 in the legacy style, #3 and #5 in the 2025 style;
    /// one approved item (#9).
    static func sample() -> [ReviewItem] {
        var items = (1...5).map { id in
            ReviewItem(
                id: id, score: Double(20 - id), version: 1, topicID: 100 + id, topicTitle: "Topic \(id)",
                postNumber: id + 1, categoryID: id % 2 == 0 ? 2 : 1, excerpt: "Buy cheap watches number \(id)",
                author: ReviewAuthor(userID: 50 + id, username: "spammer\(id)", trustLevel: 0, earlierFlags: id),
                flags: [
                    ReviewFlag(
                        username: "dave", reason: "Spam", score: 6, note: "obvious spam", agreed: 4, disagreed: 1),
                    ReviewFlag(username: "erin", reason: "Spam", score: 5),
                    ReviewFlag(username: "fred", reason: "Off-Topic", score: 3),
                ],
                createdAt: now.addingTimeInterval(Double(-3600 * id)),
                bundles: id % 2 == 1 && id > 1 ? [postActions, userActions] : legacy)
        }
        items.append(
            ReviewItem(
                id: 9, status: .approved, score: 1, version: 3, topicID: 109, excerpt: "Old approved one",
                author: ReviewAuthor(username: "bob"), flags: [ReviewFlag(username: "dave", reason: "Inappropriate")]))
        return items
    }

    var performed: [Performed] { lock.withLock { log } }

    func fail(_ id: Int, with error: ForaError?) { lock.withLock { failing[id] = error } }
    func conflictOnClaim() { lock.withLock { claimConflict = true } }
    func add(_ item: ReviewItem) { lock.withLock { items[item.id] = item } }
    func bump(_ id: Int) { lock.withLock { items[id]?.version += 1 } }
    func item(_ id: Int) -> ReviewItem? { lock.withLock { items[id] } }

    func viewer() async throws -> ReviewViewer { me }

    func list(_ filter: ReviewFilter) async throws -> ReviewPage {
        lock.withLock {
            var result = items.values.filter { item in
                (filter.status == .all || item.status.name == filter.status.rawValue)
                    && (filter.type == nil || item.type == filter.type)
                    && (filter.categoryID == nil || item.categoryID == filter.categoryID)
            }
            result.sort {
                filter.sort == .score ? $0.score > $1.score : ($0.createdAt ?? Self.now) < ($1.createdAt ?? Self.now)
            }
            return ReviewPage(items: result, pendingCount: items.values.filter { $0.status == .pending }.count)
        }
    }

    func pendingCount() async throws -> Int { lock.withLock { items.values.filter { $0.status == .pending }.count } }

    func detail(id: Int) async throws -> ReviewItem {
        guard let item = lock.withLock({ items[id] }) else { throw ForaError.notFound(nil) }
        return item
    }

    func perform(id: Int, actionID: String, version: Int, penalty: ReviewPenalty?) async throws -> ReviewPerformOutcome
    {
        try lock.withLock {
            if let error = failing[id] { throw error }
            guard var item = items[id] else { throw ForaError.notFound(nil) }
            guard item.version == version else {
                throw ForaError.conflict("There was an update conflict preventing you from doing that.")
            }
            log.append(Performed(id: id, action: actionID, version: version, penalty: penalty))
            item.version += 1
            item.bundles.removeAll { $0.actions.contains { $0.id == actionID } }
            let finished = !item.bundles.contains { $0.id.hasSuffix("actions") }
            if finished {
                item.status =
                    actionID.contains("disagree") ? .rejected : actionID.contains("ignore") ? .ignored : .approved
                item.bundles = []
            }
            items[id] = item
            return ReviewPerformOutcome(
                finished: finished, pendingCount: items.values.filter { $0.status == .pending }.count)
        }
    }

    /// Every item's score explained by two flaggers.
    func explain(id: Int) async throws -> ReviewExplanation {
        ReviewExplanation(
            id: id, totalScore: 11,
            scores: [
                .init(
                    userID: 7, username: "dave", scoreType: "Spam", score: 6, typeBonus: 1, trustLevelBonus: 2,
                    takeActionBonus: 0, userAccuracyBonus: 3, flagsAgreed: 4, flagsDisagreed: 1, flagsIgnored: 0),
                .init(userID: 8, username: "erin", scoreType: "Spam", score: 5, typeBonus: 1, trustLevelBonus: 4),
            ])
    }

    /// The posts' markdown by id, and the edits saved.
    private var raws: [Int: String] = [:]
    private var saved: [(id: Int, raw: String)] = []
    var edits: [(id: Int, raw: String)] { lock.withLock { saved } }

    /// Post `number` of topic `topic` has id `topic * 100 + number`.
    func postForEditing(topicID: Int, postNumber: Int) async throws -> ReviewPostText {
        let id = topicID * 100 + postNumber
        return ReviewPostText(id: id, raw: lock.withLock { raws[id] } ?? "Buy cheap watches at example.com")
    }

    func savePost(id: Int, raw: String, originalRaw: String) async throws {
        try lock.withLock {
            let current = raws[id] ?? "Buy cheap watches at example.com"
            guard current == originalRaw else { throw ForaError.conflict("the post was edited meanwhile") }
            raws[id] = raw
            saved.append((id, raw))
        }
    }

    /// Records the reason, then performs as without one.
    func perform(id: Int, actionID: String, version: Int, reason: String) async throws -> ReviewPerformOutcome {
        let outcome = try await perform(id: id, actionID: actionID, version: version, penalty: nil)
        lock.withLock { log[log.count - 1].reason = reason }
        return outcome
    }

    func claim(topicID: Int) async throws {
        try lock.withLock {
            if claimConflict { throw ForaError.conflict(nil) }
            for id in items.keys where items[id]?.topicID == topicID { items[id]?.claimedBy = me.username }
        }
    }

    func unclaim(topicID: Int) async throws {
        lock.withLock {
            for id in items.keys where items[id]?.topicID == topicID { items[id]?.claimedBy = nil }
        }
    }
}
