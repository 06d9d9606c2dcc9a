import ForaCore
import ForaNet
import Foundation

extension DiscourseService {
    public func topicList(_ query: TopicListQuery) async throws -> TopicList {
        try await get(query.path, as: TopicList.self)
    }

    /// A whole topic: `/t/{id}.json` for the first chunk and the stream, then the remaining
    /// ids in batches of `postBatchSize` over `/t/{id}/posts.json`, fetched in parallel (the
    /// HTTP client's multi handle bounds how many run at once), merged in stream order.
    public func topic(id: Int) async throws -> TopicDetail {
        var topic = try await get("/t/\(id).json", as: TopicDetail.self)
        topic.posts = try await complete(topicID: id, stream: topic.stream, loaded: topic.posts)
        // Very large topics may come with a shortened `stream`: ask for the ids after the
        // last post we have until nothing new comes (bounded, so a server cannot loop us).
        var rounds = 0
        while topic.posts.count < topic.postsCount, let last = topic.posts.last, rounds < 50 {
            rounds += 1
            let known = Set(topic.stream)
            let more = try await postIDs(topicID: id, after: last.postNumber).filter { !known.contains($0) }
            guard !more.isEmpty else { break }
            topic.stream += more
            topic.posts += try await complete(topicID: id, stream: more, loaded: [])
        }
        return topic
    }

    /// The posts of `stream` in its order: those in `loaded`, the rest fetched in batches of
    /// `postBatchSize` over `/t/{id}/posts.json`, in parallel (the HTTP client's multi handle
    /// bounds how many run at once).
    func complete(topicID: Int, stream: [Int], loaded: [Post]) async throws -> [Post] {
        let have = Set(loaded.map(\.id))
        let missing = stream.filter { !have.contains($0) }
        guard !missing.isEmpty else { return loaded }
        let size = max(1, postBatchSize)
        let batches = stride(from: 0, to: missing.count, by: size).map {
            Array(missing[$0..<min($0 + size, missing.count)])
        }
        let fetched = try await withThrowingTaskGroup(of: [Post].self) { group in
            for batch in batches {
                group.addTask { try await self.posts(topicID: topicID, ids: batch) }
            }
            var all: [Post] = []
            for try await posts in group { all += posts }
            return all
        }
        var byID: [Int: Post] = [:]
        for post in loaded + fetched { byID[post.id] = post }
        return stream.compactMap { byID[$0] }
    }

    /// The ids of the posts after `postNumber` (`/t/{id}/post_ids.json`), for streams the
    /// topic did not list in full.
    public func postIDs(topicID: Int, after postNumber: Int) async throws -> [Int] {
        struct IDs: Decodable {
            var ids: [Int]
            enum CodingKeys: String, CodingKey { case ids = "post_ids" }
        }
        return try await get("/t/\(topicID)/post_ids.json?post_number=\(postNumber)", as: IDs.self).ids
    }

    /// Posts of a topic by id (`/t/{id}/posts.json?post_ids[]=…`).
    public func posts(topicID: Int, ids: [Int]) async throws -> [Post] {
        let query = ids.map { "post_ids%5B%5D=\($0)" }.joined(separator: "&")
        return try await get("/t/\(topicID)/posts.json?\(query)", as: PostBatch.self).posts
    }

    /// One post, with its raw markdown.
    public func post(id: Int) async throws -> Post {
        try await get("/posts/\(id).json", as: Post.self)
    }

    /// A post's markdown source as text (`/posts/{id}/raw`).
    public func rawMarkdown(postID: Int) async throws -> String {
        try await send("GET", "/posts/\(postID)/raw").text
    }

    /// Search with Discourse's advanced filters in the query (`@user`, `#category`,
    /// `tags:`, `status:solved`, `in:title`, `order:latest`…).
    public func search(_ query: String, page: Int) async throws -> SearchResult {
        let q = query.addingPercentEncodingForPath()
        return try await get("/search.json?q=\(q)" + (page > 1 ? "&page=\(page)" : ""), as: SearchResult.self)
    }

    public func notifications() async throws -> NotificationList {
        try await get("/notifications.json", as: NotificationList.self)
    }

    public func user(username: String) async throws -> UserProfile {
        try await get("/u/\(username.addingPercentEncodingForPath()).json", as: UserProfileResponse.self).user
    }

    public func currentUser() async throws -> CurrentUser {
        try await get("/session/current.json", as: CurrentUser.self)
    }

    public func privateMessages(username: String) async throws -> TopicList {
        try await get("/topics/private-messages/\(username.addingPercentEncodingForPath()).json", as: TopicList.self)
    }

    /// The review queue (`status`: pending, approved, rejected, ignored, deleted, reviewed, all).
    public func reviewQueue(status: String) async throws -> ReviewQueue {
        try await get("/review.json?status=\(status.addingPercentEncodingForPath())", as: ReviewQueue.self)
    }

    public func reviewable(id: Int) async throws -> ReviewQueue {
        try await get("/review/\(id).json", as: ReviewQueue.self)
    }

    public func siteInfo() async throws -> SiteBasicInfo {
        try await get("/site/basic-info.json", as: SiteBasicInfo.self)
    }

    public func siteMetadata() async throws -> SiteMetadata {
        try await get("/site.json", as: SiteMetadata.self)
    }

    public func siteSettings() async throws -> SiteSettings {
        try await get("/site/settings.json", as: SiteSettings.self)
    }

    /// What this site supports for these credentials: `HEAD /user-api-key/new` for the User API
    /// Key version and device flow, site settings for solved, the review count for moderation.
    public func capabilities() async throws -> SiteCapabilities {
        var capabilities = SiteCapabilities()
        if let head = try? await send("HEAD", "/user-api-key/new") {
            capabilities.userAPIKeyVersion = head.headers["auth-api-version"].flatMap { Int($0) }
            capabilities.deviceFlow = head.headers["auth-api-device-code"]?.lowercased() == "true"
        }
        if let info = try? await siteInfo() { capabilities.loginRequired = info.loginRequired }
        if let settings = try? await siteSettings() { capabilities.solvedEnabled = settings.solvedEnabled ?? false }
        if !authHeaders.isEmpty {
            capabilities.reviewQueueVisible = (try? await send("GET", "/review/count.json")) != nil
        }
        return capabilities
    }
}
