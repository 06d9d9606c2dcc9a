/// What the client needs from a community, whatever transports it. Reading and writing calls
/// have default implementations that report "not supported", so a partial service (a test
/// double, a future non-Discourse backend) only implements what it has.
public protocol CommunityService: Sendable {
    /// One page (0-based) of the latest topics.
    func latestTopics(page: Int) async throws -> TopicList
    func categories() async throws -> [Category]

    // Reading
    func topicList(_ query: TopicListQuery) async throws -> TopicList
    /// A whole topic: every post of `stream`, in order.
    func topic(id: Int) async throws -> TopicDetail
    func post(id: Int) async throws -> Post
    func search(_ query: String, page: Int) async throws -> SearchResult
    func notifications() async throws -> NotificationList
    func user(username: String) async throws -> UserProfile
    func privateMessages(username: String) async throws -> TopicList
    func reviewQueue(status: String) async throws -> ReviewQueue
    func reviewable(id: Int) async throws -> ReviewQueue
    func siteInfo() async throws -> SiteBasicInfo
    func siteMetadata() async throws -> SiteMetadata
    func capabilities() async throws -> SiteCapabilities

    // Writing
    func createPost(_ post: NewPost) async throws -> PostCreationResult
    func editPost(id: Int, raw: String, originalText: String?, editReason: String?) async throws -> Post
    func deletePost(id: Int) async throws
    func like(postID: Int) async throws -> Post
    func unlike(postID: Int) async throws -> Post
    func flag(postID: Int, flagTypeID: Int, message: String?) async throws
    func bookmark(postID: Int) async throws -> Int
    func deleteBookmark(id: Int) async throws
    func acceptSolution(postID: Int) async throws
    func unacceptSolution(postID: Int) async throws
    func recordTimings(topicID: Int, milliseconds: [Int: Int]) async throws
    func saveDraft(_ draft: Draft) async throws -> Int
    func draft(key: String) async throws -> Draft?
    func deleteDraft(key: String, sequence: Int) async throws
    func setTopicStatus(topicID: Int, status: TopicStatus, enabled: Bool) async throws
    func performReviewAction(reviewableID: Int, action: String, version: Int) async throws -> ReviewPerformResult
    func claim(topicID: Int) async throws
    func unclaim(topicID: Int) async throws
    /// Marks one notification read (`PUT /notifications/mark-read.json` with its id).
    func markNotificationRead(id: Int) async throws
}

extension CommunityService {
    private func unsupported() -> ForaError { .other("this community does not support that") }

    public func topicList(_ query: TopicListQuery) async throws -> TopicList {
        guard query == TopicListQuery(page: query.page) else { throw unsupported() }
        return try await latestTopics(page: query.page)
    }
    public func topic(id: Int) async throws -> TopicDetail { throw unsupported() }
    public func post(id: Int) async throws -> Post { throw unsupported() }
    public func search(_ query: String, page: Int) async throws -> SearchResult { throw unsupported() }
    public func notifications() async throws -> NotificationList { throw unsupported() }
    public func user(username: String) async throws -> UserProfile { throw unsupported() }
    public func privateMessages(username: String) async throws -> TopicList { throw unsupported() }
    public func reviewQueue(status: String) async throws -> ReviewQueue { throw unsupported() }
    public func reviewable(id: Int) async throws -> ReviewQueue { throw unsupported() }
    public func siteInfo() async throws -> SiteBasicInfo { throw unsupported() }
    public func siteMetadata() async throws -> SiteMetadata { throw unsupported() }
    public func capabilities() async throws -> SiteCapabilities { SiteCapabilities() }
    public func createPost(_ post: NewPost) async throws -> PostCreationResult { throw unsupported() }
    public func editPost(id: Int, raw: String, originalText: String?, editReason: String?) async throws -> Post {
        throw unsupported()
    }
    public func deletePost(id: Int) async throws { throw unsupported() }
    public func like(postID: Int) async throws -> Post { throw unsupported() }
    public func unlike(postID: Int) async throws -> Post { throw unsupported() }
    public func flag(postID: Int, flagTypeID: Int, message: String?) async throws { throw unsupported() }
    public func bookmark(postID: Int) async throws -> Int { throw unsupported() }
    public func deleteBookmark(id: Int) async throws { throw unsupported() }
    public func acceptSolution(postID: Int) async throws { throw unsupported() }
    public func unacceptSolution(postID: Int) async throws { throw unsupported() }
    public func recordTimings(topicID: Int, milliseconds: [Int: Int]) async throws { throw unsupported() }
    public func saveDraft(_ draft: Draft) async throws -> Int { throw unsupported() }
    public func draft(key: String) async throws -> Draft? { throw unsupported() }
    public func deleteDraft(key: String, sequence: Int) async throws { throw unsupported() }
    public func setTopicStatus(topicID: Int, status: TopicStatus, enabled: Bool) async throws { throw unsupported() }
    public func markNotificationRead(id: Int) async throws { throw unsupported() }
    public func performReviewAction(reviewableID: Int, action: String, version: Int) async throws
        -> ReviewPerformResult
    { throw unsupported() }
    public func claim(topicID: Int) async throws { throw unsupported() }
    public func unclaim(topicID: Int) async throws { throw unsupported() }
}
