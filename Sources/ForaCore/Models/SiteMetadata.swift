/// `/site/basic-info.json`: the site's name and whether reading needs a login.
public struct SiteBasicInfo: Codable, Equatable, Sendable {
    public var title: String
    public var description: String?
    public var loginRequired: Bool

    enum CodingKeys: String, CodingKey {
        case title, description
        case loginRequired = "login_required"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = c.lenient(String.self, .title) ?? ""
        description = c.lenient(String.self, .description)
        loginRequired = c.lenientBool(.loginRequired) ?? false
    }
}

/// A flag (or like) type from `site.json`'s `post_action_types` / `topic_flag_types`. Flags are
/// database rows on modern servers, so the list is read, never hard-coded.
public struct FlagType: Codable, Equatable, Sendable {
    public var id: Int
    public var nameKey: String?
    public var name: String
    public var description: String?
    public var isFlag: Bool
    public var requireMessage: Bool

    enum CodingKeys: String, CodingKey {
        case id, name, description
        case nameKey = "name_key"
        case isFlag = "is_flag"
        case requireMessage = "require_message"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let id = c.lenientInt(.id) else {
            throw DecodingError.keyNotFound(CodingKeys.id, .init(codingPath: [], debugDescription: ""))
        }
        self.id = id
        nameKey = c.lenient(String.self, .nameKey)
        name = c.lenient(String.self, .name) ?? nameKey ?? "type \(id)"
        description = c.lenient(String.self, .description)
        isFlag = c.lenientBool(.isFlag) ?? (id != PostActionSummary.likeTypeID)
        requireMessage = c.lenientBool(.requireMessage) ?? [6, 7, 10].contains(id)
    }
}

/// `/site.json`: categories, flag types and notification types.
public struct SiteMetadata: Decodable, Equatable, Sendable {
    public var categories: [Category]
    public var postActionTypes: [FlagType]
    public var topicFlagTypes: [FlagType]
    public var notificationTypes: [String: Int]
    public var canCreateTopic: Bool

    enum CodingKeys: String, CodingKey {
        case categories
        case postActionTypes = "post_action_types"
        case topicFlagTypes = "topic_flag_types"
        case notificationTypes = "notification_types"
        case canCreateTopic = "can_create_topic"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        categories = c.lenientArray(Category.self, .categories)
        postActionTypes = c.lenientArray(FlagType.self, .postActionTypes)
        topicFlagTypes = c.lenientArray(FlagType.self, .topicFlagTypes)
        notificationTypes = c.lenient([String: Int].self, .notificationTypes) ?? [:]
        canCreateTopic = c.lenientBool(.canCreateTopic) ?? false
    }

    /// The flag types a user can pick for a post (likes excluded).
    public var postFlagTypes: [FlagType] { postActionTypes.filter(\.isFlag) }
}

/// `/site/settings.json`: the client-visible limits. Only the ones fora uses are typed; all
/// are optional because sites differ.
public struct SiteSettings: Decodable, Equatable, Sendable {
    public var minPostLength: Int?
    public var minFirstPostLength: Int?
    public var maxPostLength: Int?
    public var minTopicTitleLength: Int?
    public var maxTopicTitleLength: Int?
    public var minSearchTermLength: Int?
    public var solvedEnabled: Bool?
    public var longPollingBaseURL: String?

    enum CodingKeys: String, CodingKey {
        case minPostLength = "min_post_length"
        case minFirstPostLength = "min_first_post_length"
        case maxPostLength = "max_post_length"
        case minTopicTitleLength = "min_topic_title_length"
        case maxTopicTitleLength = "max_topic_title_length"
        case minSearchTermLength = "min_search_term_length"
        case solvedEnabled = "solved_enabled"
        case longPollingBaseURL = "long_polling_base_url"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        minPostLength = c.lenientInt(.minPostLength)
        minFirstPostLength = c.lenientInt(.minFirstPostLength)
        maxPostLength = c.lenientInt(.maxPostLength)
        minTopicTitleLength = c.lenientInt(.minTopicTitleLength)
        maxTopicTitleLength = c.lenientInt(.maxTopicTitleLength)
        minSearchTermLength = c.lenientInt(.minSearchTermLength)
        solvedEnabled = c.lenientBool(.solvedEnabled)
        longPollingBaseURL = c.lenient(String.self, .longPollingBaseURL)
    }
}

/// What a site supports, detected once per site so the UI offers only what works.
public struct SiteCapabilities: Codable, Equatable, Sendable {
    /// `Auth-Api-Version` from `HEAD /user-api-key/new`; nil when user API keys are off.
    public var userAPIKeyVersion: Int?
    /// `Auth-Api-Device-Code: true`: the device-code login flow is available.
    public var deviceFlow: Bool
    public var solvedEnabled: Bool
    /// The signed-in account can see the review queue.
    public var reviewQueueVisible: Bool
    public var loginRequired: Bool

    public init(
        userAPIKeyVersion: Int? = nil, deviceFlow: Bool = false, solvedEnabled: Bool = false,
        reviewQueueVisible: Bool = false, loginRequired: Bool = false
    ) {
        self.userAPIKeyVersion = userAPIKeyVersion
        self.deviceFlow = deviceFlow
        self.solvedEnabled = solvedEnabled
        self.reviewQueueVisible = reviewQueueVisible
        self.loginRequired = loginRequired
    }
}
