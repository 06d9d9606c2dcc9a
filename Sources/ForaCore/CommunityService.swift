/// What the client needs from a community, whatever transports it. Grows with the API client.
public protocol CommunityService: Sendable {
    /// One page (0-based) of the latest topics.
    func latestTopics(page: Int) async throws -> TopicList
    func categories() async throws -> [Category]
}
