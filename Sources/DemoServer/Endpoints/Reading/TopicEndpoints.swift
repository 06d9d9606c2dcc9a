// A topic and its posts: `/t/{id}.json`, `/t/{slug}/{id}.json`, `/t/{id}/{post_number}.json`
// (the window centred on that post), `/t/{id}/posts.json?post_ids[]=…` for the rest of the
// stream, and `/t/{id}/post_ids.json`.
import DemoCommunity
import Foundation

enum TopicEndpoint {
    /// How many posts `print=true` returns at most.
    static let printLimit = 1000

    static func show(topicId: Int, postNumber: Int?, request: APIRequest, context: DemoContext) throws -> APIResponse {
        let viewer = request.viewer
        let page = try request.queryValue("page").map { value -> Int in
            guard let page = Int(value), page >= 1 else { throw DemoAPIError.badParameter("page") }
            return page
        }
        let print = request.queryValue("print") == "true"
        return try context.state.read { data, materializer in
            let topic = try requireVisibleTopic(topicId, viewer: viewer, data: data)
            let posts = data.posts(ofTopic: topic.id, using: materializer).filter {
                canSee(post: $0, viewer: viewer, data: data)
            }
            let window: [DemoPost]
            if print {
                window = Array(posts.prefix(printLimit))
            } else if let postNumber {
                window = windowAround(postNumber, in: posts)
            } else if let page {
                let start = (page - 1) * TopicView.chunkSize
                guard start < topic.highestPostNumber else { throw DemoAPIError.notFound }
                window = Array(posts.dropFirst(start).prefix(TopicView.chunkSize))
            } else {
                window = Array(posts.prefix(TopicView.chunkSize))
            }
            let view = TopicView(
                topic: topic, visiblePosts: posts, window: window, requestedPostNumber: postNumber,
                suggested: suggestedTopics(for: topic, viewer: viewer, data: data))
            return .json(.object(serializeTopicView(view, data: data, viewer: viewer)))
        }
    }

    /// Twenty posts around `postNumber`: five before it, the rest after, shifted back at the
    /// end of the topic so the window stays full (TopicView#filter_posts_near).
    static func windowAround(_ postNumber: Int, in posts: [DemoPost]) -> [DemoPost] {
        guard !posts.isEmpty else { return [] }
        let index = posts.firstIndex { $0.postNumber >= postNumber } ?? posts.count - 1
        let end = min(posts.count, max(0, index - 5) + TopicView.chunkSize)
        let start = max(0, end - TopicView.chunkSize)
        return Array(posts[start..<end])
    }

    /// Up to five other listed topics of the same category, most recently active first.
    static func suggestedTopics(for topic: DemoTopic, viewer: Viewer, data: CommunityData) -> [DemoTopic] {
        guard !topic.isPrivateMessage else { return [] }
        var best: [DemoTopic] = []
        for other in data.topics.values
        where other.id != topic.id && other.categoryId == topic.categoryId
            && isListed(topic: other, viewer: viewer, data: data)
        {
            best.append(other)
            if best.count > 5 {
                best.sort { $0.lastPostedAt != $1.lastPostedAt ? $0.lastPostedAt > $1.lastPostedAt : $0.id > $1.id }
                best.removeLast()
            }
        }
        return best.sorted { $0.lastPostedAt != $1.lastPostedAt ? $0.lastPostedAt > $1.lastPostedAt : $0.id > $1.id }
    }

    /// `/t/{id}/posts.json`: exactly the posts named by `post_ids[]` (those the viewer may
    /// see), or the 20 after/before `post_number` (`asc=true|false`).
    static func posts(topicId: Int, request: APIRequest, context: DemoContext) throws -> APIResponse {
        let viewer = request.viewer
        let rawIds = request.params("post_ids[]") + request.params("post_ids")
        let ids = try rawIds.map { value -> Int in
            guard let id = Int(value) else { throw DemoAPIError.badParameter("post_ids") }
            return id
        }
        let includeRaw = request.queryValue("include_raw") == "true"
        let after = request.queryValue("post_number").flatMap { Int($0) }
        let ascending = request.queryValue("asc") != "false"
        return try context.state.read { data, materializer in
            let topic = try requireVisibleTopic(topicId, viewer: viewer, data: data)
            let visible = data.posts(ofTopic: topic.id, using: materializer).filter {
                canSee(post: $0, viewer: viewer, data: data)
            }
            let chosen: [DemoPost]
            if !ids.isEmpty {
                let wanted = Set(ids)
                chosen = visible.filter { wanted.contains($0.id) }
            } else if let after {
                chosen =
                    ascending
                    ? Array(visible.filter { $0.postNumber > after }.prefix(TopicView.chunkSize))
                    : Array(visible.filter { $0.postNumber < after }.suffix(TopicView.chunkSize))
            } else {
                throw DemoAPIError.badParameter("post_ids")
            }
            var serialized = serializePosts(chosen, topic: topic, data: data, viewer: viewer)
            if includeRaw {
                serialized = zip(serialized, chosen).map { value, post in
                    guard case .object(var object) = value else { return value }
                    object["raw"] = .string(post.raw)
                    return .object(object)
                }
            }
            return .json(["post_stream": ["posts": .array(serialized)], "id": .int(topic.id)])
        }
    }

    /// `/t/{id}/post_ids.json?post_number=N`: the ids of the visible posts after N.
    static func postIds(topicId: Int, request: APIRequest, context: DemoContext) throws -> APIResponse {
        let after = request.queryValue("post_number").flatMap { Int($0) } ?? 0
        return try context.state.read { data, materializer in
            let topic = try requireVisibleTopic(topicId, viewer: request.viewer, data: data)
            let ids = data.posts(ofTopic: topic.id, using: materializer)
                .filter { $0.postNumber > after && canSee(post: $0, viewer: request.viewer, data: data) }
                .map { JSONValue.int($0.id) }
            return .json(["post_ids": .array(ids)])
        }
    }
}

extension RouteTable {
    mutating func registerTopicEndpoints() {
        get("/t/{id:int}.json") { request, context in
            try TopicEndpoint.show(
                topicId: request.intParameter("id") ?? 0, postNumber: nil, request: request, context: context)
        }
        get("/t/{id:int}/posts.json") { request, context in
            try TopicEndpoint.posts(topicId: request.intParameter("id") ?? 0, request: request, context: context)
        }
        get("/t/{id:int}/post_ids.json") { request, context in
            try TopicEndpoint.postIds(topicId: request.intParameter("id") ?? 0, request: request, context: context)
        }
        // `/t/12/5.json` is topic 12 at post 5, as Discourse's numeric route constraints
        // decide; `/t/some-slug/12.json` is topic 12.
        get("/t/{id:int}/{post_number:int}.json") { request, context in
            try TopicEndpoint.show(
                topicId: request.intParameter("id") ?? 0, postNumber: request.intParameter("post_number"),
                request: request, context: context)
        }
        get("/t/{slug}/{id:int}.json") { request, context in
            try TopicEndpoint.show(
                topicId: request.intParameter("id") ?? 0, postNumber: nil, request: request, context: context)
        }
        get("/t/{slug}/{id:int}/{post_number:int}.json") { request, context in
            try TopicEndpoint.show(
                topicId: request.intParameter("id") ?? 0, postNumber: request.intParameter("post_number"),
                request: request, context: context)
        }
    }
}
