import ForaCore
import Foundation

/// The two lines a reviewable takes in the queue:
///
///     ● 12.0  flagged post  pending  Spam ×2, Off-Topic  · 3h · claimed by bob · keys a h N D
///         @carol TL1, 2 earlier flags · flagged by dave, erin · "the excerpt…"
enum ReviewRow {
    /// `spoken`: the linear mode, where a mark is the word "marked" (a screen reader says
    /// nothing useful for "●").
    static func first(
        _ item: ReviewItem, marked: Bool, now: Date, keys: [Character] = [], spoken: Bool = false
    ) -> String {
        let mark = spoken ? (marked ? "marked, " : "") : (marked ? "● " : "  ")
        let score = String(format: "%.1f", item.score)
        var parts = [
            mark + (spoken ? score : DisplayWidth.pad(score, to: 5)),
            item.typeLabel, item.status.name,
        ]
        let reasons = item.reasons.map { $0.count > 1 ? "\($0.reason) ×\($0.count)" : $0.reason }
        if !reasons.isEmpty { parts.append(reasons.joined(separator: ", ")) }
        var line = parts.joined(separator: "  ")
        if let created = item.createdAt { line += " · " + age(of: created, now: now) }
        if let claimant = item.claimedBy { line += " · claimed by " + claimant }
        if !keys.isEmpty { line += " · keys " + keys.map(String.init).joined(separator: " ") }
        return line
    }

    static func second(_ item: ReviewItem) -> String {
        var parts: [String] = []
        if let author = item.author { parts.append(describe(author)) }
        let flaggers = unique(item.flags.map(\.username))
        if !flaggers.isEmpty { parts.append("flagged by " + flaggers.joined(separator: ", ")) }
        if !item.excerpt.isEmpty { parts.append("\u{201C}" + item.excerpt + "\u{201D}") }
        return "    " + parts.joined(separator: " · ")
    }

    static func describe(_ author: ReviewAuthor) -> String {
        var text = "@" + author.username
        if let level = author.trustLevel { text += " TL\(level)" }
        if let flags = author.earlierFlags, flags > 0 { text += ", \(flags) earlier flag" + (flags == 1 ? "" : "s") }
        return text
    }

    /// "now", "5m", "3h", "12d".
    static func age(of date: Date, now: Date) -> String {
        let seconds = Int(now.timeIntervalSince(date))
        if seconds < 60 { return "now" }
        if seconds < 3600 { return "\(seconds / 60)m" }
        if seconds < 86_400 { return "\(seconds / 3600)h" }
        return "\(seconds / 86_400)d"
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}

/// Which moderation operation a payload action amounts to, for the permission table.
enum ReviewPermissions {
    static func operation(for action: TriageAction) -> ModerationOperation {
        if action.clientAction == "suspend" || action.id.contains("suspend") { return .suspendUser }
        if action.clientAction == "silence" || action.id.contains("silence") { return .silenceUser }
        if action.id.contains("delete") { return .deletePost }
        return .reviewAct
    }

    static func penalty(for action: TriageAction) -> ReviewPenalty.Kind? {
        switch operation(for: action) {
        case .suspendUser: return .suspend
        case .silenceUser: return .silence
        default: return nil
        }
    }
}
