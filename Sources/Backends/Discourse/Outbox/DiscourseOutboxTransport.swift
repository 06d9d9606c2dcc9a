import ForaCore

/// `OutboxTransport` over Discourse's JSON API.
public struct DiscourseOutboxTransport: OutboxTransport {
    public let username: String
    let http: DiscourseHTTP

    public init(username: String, http: DiscourseHTTP) {
        self.username = username
        self.http = http
    }

    public func perform(_ action: OutboxAction) async throws -> OutboxResult {
        switch action {
        case .reply(let topicID, let raw, let replyTo):
            var form = [FormField("topic_id", "\(topicID)"), FormField("raw", raw)]
            if let replyTo { form.append(FormField("reply_to_post_number", "\(replyTo)")) }
            return try await create(form)
        case .newTopic(let title, let raw, let categoryID, let tags):
            var form = [FormField("title", title), FormField("raw", raw)]
            if let categoryID { form.append(FormField("category", "\(categoryID)")) }
            form += tags.map { FormField("tags[]", $0) }
            let result = try await create(form)
            return result
        case .edit(let postID, _, let raw, let original):
            var form = [FormField("post[raw]", raw)]
            if let original { form.append(FormField("post[original_text]", original)) }
            _ = try await http.send("PUT", "/posts/\(postID).json", form)
            return OutboxResult(remoteID: postID)
        case .like(let postID, _):
            _ = try await http.send(
                "POST", "/post_actions.json", [FormField("id", "\(postID)"), FormField("post_action_type_id", "2")])
            return OutboxResult(remoteID: postID)
        case .flag(let postID, _, let typeID, let message):
            var form = [FormField("id", "\(postID)"), FormField("post_action_type_id", "\(typeID)")]
            if let message { form.append(FormField("message", message)) }
            _ = try await http.send("POST", "/post_actions.json", form)
            return OutboxResult(remoteID: postID)
        case .bookmark(let postID, _):
            _ = try await http.send(
                "POST", "/bookmarks.json",
                [FormField("bookmarkable_id", "\(postID)"), FormField("bookmarkable_type", "Post")])
            return OutboxResult(remoteID: postID)
        case .unlike(let postID, _):
            _ = try await http.send("DELETE", "/post_actions/\(postID).json?post_action_type_id=2", [])
            return OutboxResult(remoteID: postID)
        case .unbookmark(let postID, _):
            let path = "/posts/\(postID).json"
            let post = try DiscourseJSON.decode(PostBookmark.self, try await http.get(path), endpoint: path)
            guard let bookmarkID = post.bookmarkID else { return OutboxResult(remoteID: postID) }  // already gone
            _ = try await http.send("DELETE", "/bookmarks/\(bookmarkID).json", [])
            return OutboxResult(remoteID: postID)
        case .accept(let postID, _):
            _ = try await http.send("POST", "/solution/accept.json", [FormField("id", "\(postID)")])
            return OutboxResult(remoteID: postID)
        case .review(let reviewableID, let action, let version):
            let query = version.map { "?version=\($0)" } ?? ""
            _ = try await http.send(
                "PUT", "/review/\(reviewableID)/perform/\(action.addingPercentEncodingForPath()).json\(query)", [])
            return OutboxResult(remoteID: reviewableID)
        case .timings(let topicID, let topicTime, let timings):
            let form =
                [FormField("topic_id", "\(topicID)"), FormField("topic_time", "\(topicTime)")]
                + timings.sorted { $0.key < $1.key }.map { FormField("timings[\($0.key)]", "\($0.value)") }
            _ = try await http.send("POST", "/topics/timings", form)
            return OutboxResult()
        }
    }

    /// The viewer's bookmark on a post, as `GET /posts/{id}.json` reports it.
    private struct PostBookmark: Decodable {
        var bookmarkID: Int?
        enum CodingKeys: String, CodingKey { case bookmarkID = "bookmark_id" }
    }

    private func create(_ form: [FormField]) async throws -> OutboxResult {
        let bytes = try await http.send("POST", "/posts.json", form)
        let answer = try DiscourseJSON.decode(DiscourseJSON.CreateAnswer.self, bytes, endpoint: "/posts.json")
        if answer.action == "enqueued" { return OutboxResult(queuedForApproval: true) }
        return OutboxResult(remoteID: answer.id)
    }

    public func recentPosts(topicID: Int, count: Int) async throws -> [RemotePost] {
        let path = "/t/\(topicID).json"
        let view = try DiscourseJSON.decode(DiscourseJSON.TopicView.self, try await http.get(path), endpoint: path)
        let ids = (view.postStream.stream ?? []).suffix(count)
        guard !ids.isEmpty else { return [] }
        let postsPath =
            "/t/\(topicID)/posts.json?include_raw=true&" + ids.map { "post_ids[]=\($0)" }.joined(separator: "&")
        let decoded = try DiscourseJSON.decode(
            DiscourseJSON.PostsOnly.self, try await http.get(postsPath), endpoint: postsPath)
        return (decoded.postStream.posts ?? []).map(\.remote).sorted { $0.postNumber < $1.postNumber }
    }

    public func recentTopics(createdBy username: String) async throws -> [RemoteTopic] {
        let path = "/topics/created-by/\(username.addingPercentEncodingForPath()).json"
        let decoded = try DiscourseJSON.decode(
            DiscourseJSON.CreatedTopics.self, try await http.get(path), endpoint: path)
        return (decoded.topicList.topics ?? []).map {
            RemoteTopic(id: $0.id, title: $0.title, createdAt: $0.createdAt.flatMap(ForaDate.parse))
        }
    }
}
