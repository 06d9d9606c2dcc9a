import ForaCore

/// `SyncSource` over Discourse's JSON API: `/latest.json?page=N` (and other lists),
/// `/t/{id}.json` for the stream, `/t/{id}/posts.json?post_ids[]=…` for the rest.
public struct DiscourseSyncSource: SyncSource, AccountSyncSource {
    private let http: DiscourseHTTP

    public init(http: DiscourseHTTP) {
        self.http = http
    }

    public func listPage(_ list: SyncList, page: Int) async throws -> SyncListPage {
        let path = list.path + ".json" + (page > 0 ? "?page=\(page)" : "")
        let decoded = try DiscourseJSON.decode(DiscourseJSON.ListPage.self, try await http.get(path), endpoint: path)
        return SyncListPage(
            topics: (decoded.topicList.topics ?? []).map(\.summary), users: decoded.users ?? [],
            hasMore: decoded.topicList.moreTopicsURL != nil)
    }

    public func topicStream(topicID: Int) async throws -> SyncTopicStream {
        let path = "/t/\(topicID).json"
        let view = try DiscourseJSON.decode(DiscourseJSON.TopicView.self, try await http.get(path), endpoint: path)
        let posts = (view.postStream.posts ?? []).map { $0.stored(topicID: topicID) }
        return SyncTopicStream(
            summary: view.item.summary, postIDs: view.postStream.stream ?? posts.map(\.id), posts: posts)
    }

    public func posts(topicID: Int, postIDs: [Int]) async throws -> [StoredPost] {
        guard !postIDs.isEmpty else { return [] }
        let path = "/t/\(topicID)/posts.json?" + postIDs.map { "post_ids[]=\($0)" }.joined(separator: "&")
        let decoded = try DiscourseJSON.decode(DiscourseJSON.PostsOnly.self, try await http.get(path), endpoint: path)
        return (decoded.postStream.posts ?? []).map { $0.stored(topicID: topicID) }
    }

    public func notifications() async throws -> [ForumNotification] {
        let path = "/notifications.json"
        return try DiscourseJSON.decode(NotificationList.self, try await http.get(path), endpoint: path).notifications
    }

    public func bookmarks(username: String) async throws -> [SyncBookmark] {
        let path = "/u/\(username.addingPercentEncodingForPath())/bookmarks.json"
        let decoded = try DiscourseJSON.decode(
            DiscourseJSON.BookmarkList.self, try await http.get(path), endpoint: path)
        return decoded.bookmarks.compactMap(\.synced)
    }

    public func reviewQueue() async throws -> [UInt8] {
        let path = "/review.json?status=pending"
        let body = try await http.get(path)
        _ = try DiscourseJSON.decode(ReviewQueue.self, body, endpoint: "/review.json")
        return body
    }
}

extension SyncList {
    /// The list's first page on a Discourse site, without `.json` (`/latest`, `/c/support/3`,
    /// `/tag/sync`).
    var path: String {
        switch kind {
        case .latest: return "/latest"
        case .category(let slug, let id): return "/c/\(slug)/\(id)"
        case .tag(let name): return "/tag/\(name.addingPercentEncodingForPath())"
        }
    }
}
