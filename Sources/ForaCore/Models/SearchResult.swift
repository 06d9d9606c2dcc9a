/// `/search.json`: matching posts, with their topics side-loaded (`posts[].topic_id` → `topics`).
public struct SearchResult: Decodable, Equatable, Sendable {
    public var posts: [SearchPost]
    public var topics: [Topic]
    public var users: [BasicUser]
    public var moreResults: Bool
    public var term: String?

    enum CodingKeys: String, CodingKey {
        case posts, topics, users
        case grouped = "grouped_search_result"
    }
    enum GroupedKeys: String, CodingKey {
        case term
        case moreFullPageResults = "more_full_page_results"
        case morePosts = "more_posts"
    }

    public init(posts: [SearchPost] = [], topics: [Topic] = [], users: [BasicUser] = []) {
        self.posts = posts
        self.topics = topics
        self.users = users
        moreResults = false
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        posts = c.lenientArray(SearchPost.self, .posts)
        topics = c.lenientArray(Topic.self, .topics)
        users = c.lenientArray(BasicUser.self, .users)
        let grouped = try? c.nestedContainer(keyedBy: GroupedKeys.self, forKey: .grouped)
        term = grouped?.lenient(String.self, .term)
        moreResults =
            grouped?.lenientBool(.moreFullPageResults) ?? false || grouped?.lenientBool(.morePosts) ?? false
    }

    /// The side-loaded topic a post belongs to.
    public func topic(for post: SearchPost) -> Topic? { topics.first { $0.id == post.topicID } }
}

/// A post in search results: the match's blurb rather than the whole cooked body.
public struct SearchPost: Codable, Equatable, Sendable {
    public var id: Int
    public var topicID: Int
    public var postNumber: Int
    public var username: String
    public var createdAt: String?
    public var likeCount: Int
    public var blurb: String
    /// Newer servers: the topic title with the match highlighted.
    public var topicTitleHeadline: String?

    enum CodingKeys: String, CodingKey {
        case id, username, blurb
        case topicID = "topic_id"
        case postNumber = "post_number"
        case createdAt = "created_at"
        case likeCount = "like_count"
        case topicTitleHeadline = "topic_title_headline"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let id = c.lenientInt(.id) else {
            throw DecodingError.keyNotFound(CodingKeys.id, .init(codingPath: [], debugDescription: ""))
        }
        self.id = id
        topicID = c.lenientInt(.topicID) ?? 0
        postNumber = c.lenientInt(.postNumber) ?? 1
        username = c.lenient(String.self, .username) ?? ""
        createdAt = c.lenient(String.self, .createdAt)
        likeCount = c.lenientInt(.likeCount) ?? 0
        blurb = c.lenient(String.self, .blurb) ?? ""
        topicTitleHeadline = c.lenient(String.self, .topicTitleHeadline)
    }
}
