import Foundation

/// The side-loads of one rest-serialized review payload (`users`, `topics`,
/// `reviewable_scores`, `bundled_actions`, `actions`) and the join that turns a reviewable
/// record into a `ReviewItem`. Unknown or missing fields are tolerated. It sits with the other
/// wire-keyed models (`Reviewable`) because the store keeps the queue as the site sent it and
/// the offline review source reads it back from there.
public struct ReviewPayload {
    private var users: [Int: [String: Any]] = [:]
    private var topics: [Int: [String: Any]] = [:]
    private var scores: [Int: [String: Any]] = [:]
    private var bundles: [String: [String: Any]] = [:]
    private var actions: [String: [String: Any]] = [:]

    public init(_ json: [String: Any]) {
        func index<Key: Hashable>(_ name: String, by key: Key.Type) -> [Key: [String: Any]] {
            var result: [Key: [String: Any]] = [:]
            for record in json[name] as? [[String: Any]] ?? [] {
                if let id = record["id"] as? Key { result[id] = record }
            }
            return result
        }
        users = index("users", by: Int.self)
        topics = index("topics", by: Int.self)
        scores = index("reviewable_scores", by: Int.self)
        bundles = index("bundled_actions", by: String.self)
        actions = index("actions", by: String.self)
    }

    public func item(_ record: [String: Any]) -> ReviewItem {
        let topicID = record["topic_id"] as? Int
        let topic = topicID.flatMap { topics[$0] }
        var item = ReviewItem(
            id: record["id"] as? Int ?? 0, type: record["type"] as? String ?? "Reviewable",
            status: ReviewStatus(rawValue: record["status"] as? Int ?? 0) ?? .pending,
            score: (record["score"] as? NSNumber)?.doubleValue ?? 0, version: record["version"] as? Int ?? 0,
            topicID: topicID, topicTitle: topic?["title"] as? String,
            postNumber: record["post_number"] as? Int ?? Self.postNumber(in: record["target_url"] as? String),
            categoryID: record["category_id"] as? Int ?? topic?["category_id"] as? Int,
            excerpt: Self.excerpt(record), createdAt: Self.date(record["created_at"] as? String))
        if let authorID = record["target_created_by_id"] as? Int {
            let user = users[authorID]
            item.author = ReviewAuthor(
                userID: authorID, username: user?["username"] as? String ?? "user \(authorID)",
                trustLevel: record["target_created_by_trust_level"] as? Int ?? user?["trust_level"] as? Int,
                earlierFlags: user?["flags_agreed"] as? Int ?? user?["flag_count"] as? Int)
        }
        if let claimed = record["claimed_by"] as? [String: Any] {
            item.claimedBy = claimed["username"] as? String ?? (claimed["user_id"] as? Int).flatMap(username)
        } else if let claimant = record["claimed_by_id"] as? Int {
            item.claimedBy = username(claimant)
        }
        item.reviewedBy = (record["reviewed_by_id"] as? Int).flatMap(username)
        item.flags = (record["reviewable_score_ids"] as? [Int] ?? []).compactMap { scores[$0] }.map(flag)
        item.bundles = (record["bundled_action_ids"] as? [String] ?? []).compactMap { bundles[$0] }.map(bundle)
        return item
    }

    private func username(_ id: Int) -> String? { users[id]?["username"] as? String }

    private func flag(_ score: [String: Any]) -> ReviewFlag {
        let type = score["score_type"] as? [String: Any]
        let stats = score["agree_stats"] as? [String: Any]
        let conversation = score["reviewable_conversation"] as? [String: Any]
        let firstPost = (conversation?["conversation_posts"] as? [[String: Any]])?.first
        return ReviewFlag(
            username: (score["user_id"] as? Int).flatMap(username) ?? "someone",
            reason: type?["title"] as? String ?? score["reason"] as? String ?? "flag",
            score: (score["score"] as? NSNumber)?.doubleValue ?? 0,
            note: firstPost?["excerpt"] as? String ?? score["reason"] as? String,
            agreed: stats?["agreed"] as? Int, disagreed: stats?["disagreed"] as? Int)
    }

    private func bundle(_ record: [String: Any]) -> TriageBundle {
        let ids = record["action_ids"] as? [String] ?? []
        let members = ids.map { id -> TriageAction in
            let action = actions[id] ?? [:]
            return TriageAction(
                id: id, label: action["label"] as? String, confirmMessage: action["confirm_message"] as? String,
                confirmDestructive: action["confirm_destructive"] as? Bool ?? false,
                clientAction: action["client_action"] as? String,
                requiresRejectReason: action["require_reject_reason"] as? Bool ?? false)
        }
        return TriageBundle(id: record["id"] as? String ?? "", label: record["label"] as? String, actions: members)
    }

    private static func excerpt(_ record: [String: Any]) -> String {
        if let cooked = record["cooked"] as? String { return ReviewExcerpt.from(cooked: cooked) }
        let payload = record["payload"] as? [String: Any]
        if let raw = payload?["raw"] as? String { return raw }
        if let username = payload?["username"] as? String { return "new user @\(username)" }
        return record["raw"] as? String ?? ""
    }

    static func postNumber(in url: String?) -> Int? {
        guard let url else { return nil }
        let parts = url.split(separator: "/")
        guard parts.count >= 4, parts.first == "t" else { return nil }
        return parts.last.flatMap { Int($0) }
    }

    static func date(_ text: String?) -> Date? {
        guard let text else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}

/// Cooked HTML to one line of plain text, for excerpts.
enum ReviewExcerpt {
    static func from(cooked: String) -> String {
        var text = cooked.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        for (entity, character) in [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
