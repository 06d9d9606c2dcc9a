/// One notification (`/notifications.json`). Named so it does not clash with Foundation's.
public struct ForumNotification: Codable, Equatable, Sendable {
    public var id: Int
    public var notificationType: Int
    public var read: Bool
    public var highPriority: Bool
    public var createdAt: String?
    public var topicID: Int?
    public var postNumber: Int?
    public var slug: String?
    public var fancyTitle: String?
    /// The fields of `data` that most types carry.
    public var topicTitle: String?
    public var displayUsername: String?
    public var badgeName: String?
    /// What a `custom` (14) notification is about, as a translation key: the solved plugin's
    /// "solution accepted" is `solved.accepted_notification`.
    public var message: String?

    enum CodingKeys: String, CodingKey {
        case id, read, slug, data
        case notificationType = "notification_type"
        case highPriority = "high_priority"
        case createdAt = "created_at"
        case topicID = "topic_id"
        case postNumber = "post_number"
        case fancyTitle = "fancy_title"
    }
    enum DataKeys: String, CodingKey {
        case topicTitle = "topic_title"
        case displayUsername = "display_username"
        case originalUsername = "original_username"
        case username
        case badgeName = "badge_name"
        case message
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // Very old servers (2014) sent notifications without ids: 0 rather than losing them.
        id = c.lenientInt(.id) ?? 0
        notificationType = c.lenientInt(.notificationType) ?? 0
        read = c.lenientBool(.read) ?? false
        highPriority = c.lenientBool(.highPriority) ?? false
        createdAt = c.lenient(String.self, .createdAt)
        topicID = c.lenientInt(.topicID)
        postNumber = c.lenientInt(.postNumber)
        slug = c.lenient(String.self, .slug)
        fancyTitle = c.lenient(String.self, .fancyTitle)
        let data = try? c.nestedContainer(keyedBy: DataKeys.self, forKey: .data)
        topicTitle = data?.lenient(String.self, .topicTitle)
        displayUsername =
            data?.lenient(String.self, .displayUsername) ?? data?.lenient(String.self, .originalUsername)
            ?? data?.lenient(String.self, .username)
        badgeName = data?.lenient(String.self, .badgeName)
        message = data?.lenient(String.self, .message)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(notificationType, forKey: .notificationType)
        try c.encode(read, forKey: .read)
        try c.encode(highPriority, forKey: .highPriority)
        try c.encodeIfPresent(createdAt, forKey: .createdAt)
        try c.encodeIfPresent(topicID, forKey: .topicID)
        try c.encodeIfPresent(postNumber, forKey: .postNumber)
        try c.encodeIfPresent(slug, forKey: .slug)
        try c.encodeIfPresent(fancyTitle, forKey: .fancyTitle)
        var data = c.nestedContainer(keyedBy: DataKeys.self, forKey: .data)
        try data.encodeIfPresent(topicTitle, forKey: .topicTitle)
        try data.encodeIfPresent(displayUsername, forKey: .displayUsername)
        try data.encodeIfPresent(badgeName, forKey: .badgeName)
        try data.encodeIfPresent(message, forKey: .message)
    }

    /// The type's name from the core list (`site.json` has the authoritative map); a plugin's
    /// `custom` notification is named by its message when fora knows it ("solution_accepted").
    public var typeName: String {
        if notificationType == 14, let message, let known = Self.customMessages[message] { return known }
        let names = [
            1: "mentioned", 2: "replied", 3: "quoted", 4: "edited", 5: "liked", 6: "private_message",
            7: "invited_to_private_message", 8: "invitee_accepted", 9: "posted", 10: "moved_post", 11: "linked",
            12: "granted_badge", 13: "invited_to_topic", 14: "custom", 15: "group_mentioned",
            16: "group_message_summary", 17: "watching_first_post", 18: "topic_reminder", 19: "liked_consolidated",
            20: "post_approved", 21: "code_review_commit_approved", 22: "membership_request_accepted",
            23: "membership_request_consolidated", 24: "bookmark_reminder", 25: "reaction", 26: "votes_released",
            27: "event_reminder", 28: "event_invitation", 29: "chat_mention", 30: "chat_message",
            31: "chat_invitation", 32: "chat_group_mention", 33: "chat_quoted", 34: "assigned",
        ]
        return names[notificationType] ?? "type \(notificationType)"
    }

    /// `custom` notifications' messages fora names (the solved plugin sends its "accepted"
    /// notification as type 14 with this message).
    static let customMessages = ["solved.accepted_notification": "solution_accepted"]
}

/// A page of notifications.
public struct NotificationList: Decodable, Equatable, Sendable {
    public var notifications: [ForumNotification]
    public var totalRows: Int?
    public var seenNotificationID: Int?
    public var loadMore: String?

    enum CodingKeys: String, CodingKey {
        case notifications
        case totalRows = "total_rows_notifications"
        case seenNotificationID = "seen_notification_id"
        case loadMore = "load_more_notifications"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        notifications = c.lenientArray(ForumNotification.self, .notifications)
        totalRows = c.lenientInt(.totalRows)
        seenNotificationID = c.lenientInt(.seenNotificationID)
        loadMore = c.lenient(String.self, .loadMore)
    }
}
