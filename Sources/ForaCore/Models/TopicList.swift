/// One page of a topic list (`/latest.json` and friends): the topics, the users they reference,
/// and whether another page follows (`more_topics_url`).
public struct TopicList: Decodable, Equatable, Sendable {
    public var topics: [Topic]
    public var users: [BasicUser]
    public var moreTopicsURL: String?

    enum OuterKeys: String, CodingKey {
        case users
        case topicList = "topic_list"
    }

    enum InnerKeys: String, CodingKey {
        case topics
        case moreTopicsURL = "more_topics_url"
    }

    public init(topics: [Topic], users: [BasicUser] = [], moreTopicsURL: String? = nil) {
        self.topics = topics
        self.users = users
        self.moreTopicsURL = moreTopicsURL
    }

    public init(from decoder: any Decoder) throws {
        let outer = try decoder.container(keyedBy: OuterKeys.self)
        users = try outer.decodeIfPresent([BasicUser].self, forKey: .users) ?? []
        let inner = try outer.nestedContainer(keyedBy: InnerKeys.self, forKey: .topicList)
        topics = try inner.decodeIfPresent([Topic].self, forKey: .topics) ?? []
        moreTopicsURL = try inner.decodeIfPresent(String.self, forKey: .moreTopicsURL)
    }

    public var hasMore: Bool { moreTopicsURL != nil }
}
