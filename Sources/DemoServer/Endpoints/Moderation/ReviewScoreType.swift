// The reasons a reviewable scores: the flag types (post action type ids) plus
// `needs_approval`, with the titles ReviewableScoreTypeSerializer sends and the bonus each
// adds to a flag's score (Discourse's per-type `score_bonus`).
import Foundation

enum ReviewScoreType {
    static let offTopic = 3, inappropriate = 4, notifyUser = 6, notifyModerators = 7, spam = 8
    static let needsApproval = 9, illegal = 10

    /// `name_key`, title and score bonus per type id.
    static let catalogue: [Int: (name: String, title: String, bonus: Double)] = [
        offTopic: ("off_topic", "Off-Topic", 0),
        inappropriate: ("inappropriate", "Inappropriate", 5),
        notifyUser: ("notify_user", "Send a message", 0),
        notifyModerators: ("notify_moderators", "Something Else", 0),
        spam: ("spam", "Spam", 5),
        needsApproval: ("needs_approval", "Needs Approval", 0),
        illegal: ("illegal", "Illegal", 5),
    ]

    /// The types a moderator may flag a post with (not `needs_approval`, not `notify_user`,
    /// which sends a message instead of scoring).
    static let flagTypes: Set<Int> = [offTopic, inappropriate, notifyModerators, spam, illegal]

    /// Flags of these types hide a post automatically once its score is high
    /// (Discourse's `auto_action_type`).
    static let autoHideTypes: Set<Int> = [offTopic, inappropriate, spam]

    static func json(_ id: Int) -> JSONValue {
        let entry = catalogue[id]
        return [
            "id": .int(id), "title": .string(entry?.title ?? "Flag"), "type": .string(entry?.name ?? "custom"),
            "score_bonus": .double(entry?.bonus ?? 0),
        ]
    }
}
