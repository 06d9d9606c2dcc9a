// The demo community's entities: plain value types, independent of any wire format.
// The HTTP layer (HTTP/) serialises them into Discourse's JSON shapes; the content layer
// (Content/) generates them deterministically from a seed.
import Foundation

/// A member of the demo community. Ids are positive; `-1` is Discourse's `system` user.
public struct DemoUser: Sendable, Codable, Equatable {
    public enum Role: String, Sendable, Codable { case user, moderator, admin }
    public var id: Int
    public var username: String
    public var name: String?
    public var trustLevel: Int
    public var role: Role
    public var createdAt: Date
    public var title: String?
    public var bio: String?
    /// Badge names shown on the profile (the badge catalogue is fixed: `DemoBadge.all`).
    public var badgeIds: [Int]
    public var silencedUntil: Date?
    public var suspendedUntil: Date?
    public var suspendReason: String?
    public var silenceReason: String?

    public var isStaff: Bool { role != .user }
    public var avatarTemplate: String {
        "/letter_avatar_proxy/v4/letter/\(username.prefix(1).lowercased())/8e7dd6/{size}.png"
    }

    public init(
        id: Int, username: String, name: String?, trustLevel: Int, role: Role, createdAt: Date,
        title: String? = nil, bio: String? = nil, badgeIds: [Int] = []
    ) {
        self.id = id
        self.username = username
        self.name = name
        self.trustLevel = trustLevel
        self.role = role
        self.createdAt = createdAt
        self.title = title
        self.bio = bio
        self.badgeIds = badgeIds
    }
}

/// A badge of the fixed catalogue.
public struct DemoBadge: Sendable, Codable, Equatable {
    public var id: Int
    public var name: String
    public var description: String
    /// 1 gold, 2 silver, 3 bronze, as Discourse numbers them.
    public var badgeTypeId: Int
}

public struct DemoCategory: Sendable, Codable, Equatable {
    public var id: Int
    public var name: String
    public var slug: String
    /// Six hex digits without `#`, as Discourse sends it.
    public var color: String
    public var textColor: String
    public var description: String
    public var position: Int
    /// Whether the solved plugin's "accept an answer" is enabled here.
    public var solvedEnabled: Bool
    /// Only staff may create topics (Announcements).
    public var staffOnlyTopics: Bool
}

/// A topic's metadata. Its posts live apart (`CommunityState.posts(ofTopic:)`), so a huge
/// generated community keeps topic lists cheap and materialises posts only when asked.
public struct DemoTopic: Sendable, Codable, Equatable {
    public enum Archetype: String, Sendable, Codable {
        case regular
        case privateMessage = "private_message"
    }
    public var id: Int
    public var title: String
    public var slug: String
    /// nil for private messages.
    public var categoryId: Int?
    public var tags: [String]
    public var archetype: Archetype
    public var userId: Int
    public var createdAt: Date
    public var views: Int
    public var pinned: Bool
    public var pinnedGlobally: Bool
    public var closed: Bool
    public var archived: Bool
    public var visible: Bool
    public var deletedAt: Date?
    /// The post number of the accepted answer, if the topic is solved.
    public var acceptedAnswerPostNumber: Int?
    /// For private messages: everyone who can see it (creator included).
    public var allowedUserIds: [Int]
    /// The highest post number ever used (deleted posts keep their numbers).
    public var highestPostNumber: Int
    /// Post count including the first post, excluding deleted posts.
    public var postsCount: Int
    public var lastPostedAt: Date
    public var lastPosterId: Int
    public var likeCount: Int
    /// Ids of the generated posts are contiguous: post number n has id `firstPostId + n - 1`
    /// (posts added later get fresh ids). This lets a scaled community compute ids without
    /// materialising the posts.
    public var firstPostId: Int
    /// How many posts the content generator made (the rest were added through the API).
    public var generatedPostCount: Int
    /// Plain-text excerpt of the first post (used for pinned topics and RSS).
    public var excerpt: String

    public var isPrivateMessage: Bool { archetype == .privateMessage }
}

/// One post. `cooked` is the HTML Discourse would produce; `raw` the markdown it came from.
public struct DemoPost: Sendable, Codable, Equatable {
    public var id: Int
    public var topicId: Int
    public var postNumber: Int
    public var userId: Int
    public var raw: String
    public var cooked: String
    public var createdAt: Date
    public var updatedAt: Date
    public var replyToPostNumber: Int?
    /// 1 regular, 2 moderator action, 3 small action, 4 whisper.
    public var postType: Int
    /// For small actions: `closed.enabled`, `pinned.disabled`, …
    public var actionCode: String?
    public var version: Int
    public var likedByUserIds: [Int]
    public var bookmarkedByUserIds: [Int]
    public var hidden: Bool
    public var deletedAt: Date?
    public var reads: Int
    public var wiki: Bool

    public var likeCount: Int { likedByUserIds.count }
}

/// A flag, queued post or user waiting in the review queue.
public struct DemoReviewable: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case flaggedPost = "ReviewableFlaggedPost"
        case queuedPost = "ReviewableQueuedPost"
        case user = "ReviewableUser"
    }
    /// pending 0, approved 1, rejected 2, ignored 3, deleted 4 (Discourse's integers).
    public enum Status: Int, Sendable, Codable {
        case pending = 0
        case approved, rejected, ignored, deleted
        public var name: String {
            switch self {
            case .pending: "pending"
            case .approved: "approved"
            case .rejected: "rejected"
            case .ignored: "ignored"
            case .deleted: "deleted"
            }
        }
    }
    /// Which action vocabulary the item offers: the older single "agree/disagree/ignore"
    /// bundles, or the 2025+ post-actions and user-actions bundles.
    public enum ActionStyle: String, Sendable, Codable { case legacy, refreshed }

    /// One flag (or reason) contributing to the score.
    public struct Score: Sendable, Codable, Equatable {
        public var id: Int
        public var userId: Int
        /// A post action type id: 3 off_topic, 4 inappropriate, 7 notify_moderators, 8 spam, 6 notify_user.
        public var scoreType: Int
        public var score: Double
        public var reason: String?
        /// What the flagger wrote (notify_moderators, "something else").
        public var message: String?
        public var createdAt: Date
        /// pending 0, agreed 1, disagreed 2, ignored 3.
        public var status: Int
    }

    public var id: Int
    public var kind: Kind
    public var status: Status
    public var actionStyle: ActionStyle
    public var topicId: Int?
    public var categoryId: Int?
    /// The flagged post (flaggedPost), or nil.
    public var postId: Int?
    /// The user under review (user), or the author of the target.
    public var targetUserId: Int?
    public var createdById: Int
    public var createdAt: Date
    public var version: Int
    public var scores: [Score]
    /// For queued posts: what is waiting to be posted.
    public var payloadRaw: String?
    public var payloadTitle: String?
    public var claimedByUserId: Int?
    public var claimedAt: Date?
    /// For the refreshed style: bundles already acted on ("post-actions", "user-actions").
    public var completedBundles: [String]
    public var reviewedById: Int?
    public var reviewedAt: Date?

    public var totalScore: Double { scores.reduce(0) { $0 + $1.score } }
    /// low < 5 ≤ medium < 10 ≤ high, on Discourse's priority scale.
    public var priority: String { totalScore >= 10 ? "high" : totalScore >= 5 ? "medium" : "low" }
}

/// A notification for one user.
public struct DemoNotification: Sendable, Codable, Equatable {
    public var id: Int
    public var userId: Int
    /// Discourse's notification type ids: 1 mentioned, 2 replied, 3 quoted, 5 liked,
    /// 6 private_message, 9 posted, 12 granted_badge, 14 custom, 15 group_mentioned,
    /// 24 bookmark_reminder, … (the solved plugin uses custom ids; see the brief).
    public var notificationType: Int
    public var read: Bool
    public var highPriority: Bool
    public var createdAt: Date
    public var topicId: Int?
    public var postNumber: Int?
    public var slug: String?
    /// The free-form `data` object, as JSON-compatible scalars.
    public var data: [String: String]
}

/// A server-side draft (`/drafts.json`), keyed by user and draft key.
public struct DemoDraft: Sendable, Codable, Equatable {
    public var userId: Int
    public var key: String
    /// The JSON string Discourse stores (`{"reply": "...", "action": "reply", ...}`).
    public var data: String
    public var sequence: Int
    public var updatedAt: Date
}

/// A User API Key issued through the `/user-api-key/new` or device-code flow.
public struct DemoUserApiKey: Sendable, Codable, Equatable {
    public var key: String
    public var userId: Int
    public var clientId: String
    public var applicationName: String
    public var scopes: [String]
    public var createdAt: Date
    public var revokedAt: Date?
}
