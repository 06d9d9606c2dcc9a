/// A user's public profile (`/u/{username}.json`, the `user` object).
public struct UserProfile: Codable, Equatable, Sendable {
    public var id: Int
    public var username: String
    public var name: String?
    public var title: String?
    public var avatarTemplate: String?
    public var trustLevel: Int?
    public var moderator: Bool
    public var admin: Bool
    public var createdAt: String?
    public var lastPostedAt: String?
    public var lastSeenAt: String?
    public var postCount: Int?
    public var topicCount: Int?
    public var likesGiven: Int?
    public var likesReceived: Int?
    public var badgeCount: Int?
    public var timeRead: Int?
    public var profileViewCount: Int?
    public var bioCooked: String?
    public var website: String?
    public var location: String?

    enum CodingKeys: String, CodingKey {
        case id, username, name, title, moderator, admin, website, location
        case avatarTemplate = "avatar_template"
        case trustLevel = "trust_level"
        case createdAt = "created_at"
        case lastPostedAt = "last_posted_at"
        case lastSeenAt = "last_seen_at"
        case postCount = "post_count"
        case topicCount = "topic_count"
        case likesGiven = "likes_given"
        case likesReceived = "likes_received"
        case badgeCount = "badge_count"
        case timeRead = "time_read"
        case profileViewCount = "profile_view_count"
        case bioCooked = "bio_cooked"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let id = c.lenientInt(.id) else {
            throw DecodingError.keyNotFound(CodingKeys.id, .init(codingPath: [], debugDescription: ""))
        }
        self.id = id
        username = c.lenient(String.self, .username) ?? ""
        name = c.lenient(String.self, .name)
        title = c.lenient(String.self, .title)
        avatarTemplate = c.lenient(String.self, .avatarTemplate)
        trustLevel = c.lenientInt(.trustLevel)
        moderator = c.lenientBool(.moderator) ?? false
        admin = c.lenientBool(.admin) ?? false
        createdAt = c.lenient(String.self, .createdAt)
        lastPostedAt = c.lenient(String.self, .lastPostedAt)
        lastSeenAt = c.lenient(String.self, .lastSeenAt)
        postCount = c.lenientInt(.postCount)
        topicCount = c.lenientInt(.topicCount)
        likesGiven = c.lenientInt(.likesGiven)
        likesReceived = c.lenientInt(.likesReceived)
        badgeCount = c.lenientInt(.badgeCount)
        timeRead = c.lenientInt(.timeRead)
        profileViewCount = c.lenientInt(.profileViewCount)
        bioCooked = c.lenient(String.self, .bioCooked)
        website = c.lenient(String.self, .website)
        location = c.lenient(String.self, .location)
    }
}

/// The `/u/{username}.json` envelope.
public struct UserProfileResponse: Decodable, Sendable {
    public var user: UserProfile
}

/// `/session/current.json`: who the credentials act as.
public struct CurrentUser: Decodable, Equatable, Sendable {
    public var id: Int
    public var username: String
    public var moderator: Bool
    public var admin: Bool
    public var canReview: Bool
    public var unreadNotifications: Int

    enum CodingKeys: String, CodingKey {
        case id, username, moderator, admin
        case canReview = "can_review"
        case unreadNotifications = "unread_notifications"
    }
    enum OuterKeys: String, CodingKey { case currentUser = "current_user" }

    public init(from decoder: any Decoder) throws {
        let outer = try decoder.container(keyedBy: OuterKeys.self)
        let c = try outer.nestedContainer(keyedBy: CodingKeys.self, forKey: .currentUser)
        id = try c.decode(Int.self, forKey: .id)
        username = c.lenient(String.self, .username) ?? ""
        moderator = c.lenientBool(.moderator) ?? false
        admin = c.lenientBool(.admin) ?? false
        canReview = c.lenientBool(.canReview) ?? (moderator || admin)
        unreadNotifications = c.lenientInt(.unreadNotifications) ?? 0
    }
}
