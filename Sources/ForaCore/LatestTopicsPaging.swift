extension CommunityService {
    /// Latest topics across pages until `limit` topics, the last page, or a page that adds
    /// nothing new (a server that ignores `page` must not make us loop).
    public func latestTopics(upTo limit: Int, maximumPages: Int = 10) async throws -> [Topic] {
        try await topics(TopicListQuery(filter: .latest), upTo: limit, maximumPages: maximumPages)
    }

    /// Any topic list across pages, with the same stopping rules.
    public func topics(_ query: TopicListQuery, upTo limit: Int, maximumPages: Int = 10) async throws -> [Topic] {
        var topics: [Topic] = []
        var seen = Set<Int>()
        for page in 0..<maximumPages where topics.count < limit {
            var pageQuery = query
            pageQuery.page = query.page + page
            let list = try await topicList(pageQuery)
            let fresh = list.topics.filter { seen.insert($0.id).inserted }
            topics += fresh
            if fresh.isEmpty || !list.hasMore { break }
        }
        return Array(topics.prefix(max(0, limit)))
    }
}
