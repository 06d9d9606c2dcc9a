import Foundation

/// One reviewable as the review queue shows it: the site's record with its side-loaded users,
/// topic, scores and bundled actions already joined (by the backend), so screens never look anything up.
public struct ReviewItem: Identifiable, Sendable, Equatable {
    public var id: Int
    /// `ReviewableFlaggedPost`, `ReviewableQueuedPost`, `ReviewableUser`, …
    public var type: String
    public var status: ReviewStatus
    public var score: Double
    public var version: Int
    public var topicID: Int?
    public var topicTitle: String?
    public var postNumber: Int?
    public var categoryID: Int?
    /// The target post (or queued post, or user) as plain text.
    public var excerpt: String
    public var author: ReviewAuthor?
    public var flags: [ReviewFlag]
    public var createdAt: Date?
    public var claimedBy: String?
    public var reviewedBy: String?
    /// The actions as the server bundles them; empty once the item is no longer pending.
    public var bundles: [TriageBundle]

    public init(
        id: Int, type: String = "ReviewableFlaggedPost", status: ReviewStatus = .pending, score: Double = 0,
        version: Int = 0, topicID: Int? = nil, topicTitle: String? = nil, postNumber: Int? = nil,
        categoryID: Int? = nil, excerpt: String = "", author: ReviewAuthor? = nil, flags: [ReviewFlag] = [],
        createdAt: Date? = nil, claimedBy: String? = nil, reviewedBy: String? = nil, bundles: [TriageBundle] = []
    ) {
        self.id = id
        self.type = type
        self.status = status
        self.score = score
        self.version = version
        self.topicID = topicID
        self.topicTitle = topicTitle
        self.postNumber = postNumber
        self.categoryID = categoryID
        self.excerpt = excerpt
        self.author = author
        self.flags = flags
        self.createdAt = createdAt
        self.claimedBy = claimedBy
        self.reviewedBy = reviewedBy
        self.bundles = bundles
    }

    /// "Flagged post", "Queued post", "User".
    public var typeLabel: String {
        let bare = type.hasPrefix("Reviewable") ? String(type.dropFirst("Reviewable".count)) : type
        var words = ""
        for character in bare {
            if character.isUppercase, !words.isEmpty { words += " " }
            words.append(words.isEmpty ? character : Character(character.lowercased()))
        }
        return words
    }

    /// The reasons with their counts, most frequent first ("Spam ×2").
    public var reasons: [(reason: String, count: Int)] {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for flag in flags {
            if counts[flag.reason] == nil { order.append(flag.reason) }
            counts[flag.reason, default: 0] += 1
        }
        return order.map { ($0, counts[$0] ?? 0) }.sorted { $0.count > $1.count }
    }

    public var actionIDs: [String] { bundles.flatMap(\.actions).map(\.id) }
}

public enum ReviewStatus: Int, Sendable, Equatable {
    case pending = 0
    case approved, rejected, ignored, deleted

    public var name: String {
        switch self {
        case .pending: return "pending"
        case .approved: return "approved"
        case .rejected: return "rejected"
        case .ignored: return "ignored"
        case .deleted: return "deleted"
        }
    }
}

/// Who wrote the target, with what standing.
public struct ReviewAuthor: Sendable, Equatable {
    public var userID: Int?
    public var username: String
    public var trustLevel: Int?
    /// Flags against this user agreed before, when the server says.
    public var earlierFlags: Int?

    public init(userID: Int? = nil, username: String, trustLevel: Int? = nil, earlierFlags: Int? = nil) {
        self.userID = userID
        self.username = username
        self.trustLevel = trustLevel
        self.earlierFlags = earlierFlags
    }
}

/// One flag (a reviewable score): who, why, their note and what it added to the score.
public struct ReviewFlag: Sendable, Equatable {
    public var username: String
    public var reason: String
    public var score: Double
    public var note: String?
    /// The flagger's record: flags agreed, disagreed, ignored.
    public var agreed: Int?
    public var disagreed: Int?

    public init(
        username: String, reason: String, score: Double = 0, note: String? = nil, agreed: Int? = nil,
        disagreed: Int? = nil
    ) {
        self.username = username
        self.reason = reason
        self.score = score
        self.note = note
        self.agreed = agreed
        self.disagreed = disagreed
    }
}
