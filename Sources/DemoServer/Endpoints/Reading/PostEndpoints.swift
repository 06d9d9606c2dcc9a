// Single posts and raw markdown: `/posts/{id}.json` (with `raw` and `post_url`),
// `/posts/by_number/{topic}/{n}.json`, `/posts/{id}/raw`, `/raw/{topic}/{n}` and
// `/raw/{topic}` (the whole topic, 100 posts a page, as posts#markdown_num formats it).
import DemoCommunity
import Foundation

enum PostEndpoint {
    /// Posts per page of `/raw/{topic}`.
    static let rawPageSize = 100

    /// The post with `id` and its topic, or 404 (also for posts the viewer may not see).
    static func visiblePost(id: Int, viewer: Viewer, data: inout CommunityData, materializer: PostMaterializer) throws
        -> (DemoPost, DemoTopic)
    {
        guard let topicId = data.topicId(ofPost: id) else { throw DemoAPIError.notFound }
        let topic = try requireVisibleTopic(topicId, viewer: viewer, data: data)
        guard let post = data.posts(ofTopic: topicId, using: materializer).first(where: { $0.id == id }),
            canSee(post: post, viewer: viewer, data: data)
        else { throw DemoAPIError.notFound }
        return (post, topic)
    }

    static func visiblePost(
        topicId: Int, postNumber: Int, viewer: Viewer, data: inout CommunityData,
        materializer: PostMaterializer
    ) throws -> (DemoPost, DemoTopic) {
        let topic = try requireVisibleTopic(topicId, viewer: viewer, data: data)
        guard
            let post = data.posts(ofTopic: topicId, using: materializer).first(where: { $0.postNumber == postNumber }),
            canSee(post: post, viewer: viewer, data: data)
        else { throw DemoAPIError.notFound }
        return (post, topic)
    }

    /// The single-post object: the post fields plus `raw`, `post_url` and the topic's
    /// `posts_count`, as `/posts/{id}.json` answers.
    static func singlePostJSON(_ post: DemoPost, topic: DemoTopic, data: inout CommunityData, viewer: Viewer)
        -> JSONValue
    {
        var object = serializePost(post, topic: topic, data: &data, viewer: viewer)
        object["posts_count"] = .int(topic.postsCount)
        object["raw"] = .string(post.raw)
        object["post_url"] = .string("/t/\(topic.slug)/\(topic.id)/\(post.postNumber)")
        return .object(object)
    }

    /// `/raw/{topic}?page=N`: `username | updated_at | #N`, a blank line, the markdown, and a
    /// rule, for each post of the page.
    static func rawTopic(_ posts: [DemoPost], page: Int, data: CommunityData) -> String {
        let slice = posts.dropFirst((page - 1) * rawPageSize).prefix(rawPageSize)
        return slice.map { post in
            let author = data.userOrSystem(post.userId).username
            return
                "\(author) | \(DemoDate.iso8601(post.updatedAt)) | #\(post.postNumber)\n\n\(post.raw)\n\n-------------------------\n"
        }.joined(separator: "\n")
    }
}

extension RouteTable {
    mutating func registerPostEndpoints() {
        get("/posts/{id:int}.json") { request, context in
            try context.state.read { data, materializer in
                let (post, topic) = try PostEndpoint.visiblePost(
                    id: request.intParameter("id") ?? 0, viewer: request.viewer, data: &data, materializer: materializer
                )
                return .json(PostEndpoint.singlePostJSON(post, topic: topic, data: &data, viewer: request.viewer))
            }
        }
        get("/posts/by_number/{topic:int}/{number:int}.json") { request, context in
            try context.state.read { data, materializer in
                let (post, topic) = try PostEndpoint.visiblePost(
                    topicId: request.intParameter("topic") ?? 0, postNumber: request.intParameter("number") ?? 0,
                    viewer: request.viewer, data: &data, materializer: materializer)
                return .json(PostEndpoint.singlePostJSON(post, topic: topic, data: &data, viewer: request.viewer))
            }
        }
        get("/posts/{id:int}/raw") { request, context in
            try context.state.read { data, materializer in
                let (post, _) = try PostEndpoint.visiblePost(
                    id: request.intParameter("id") ?? 0, viewer: request.viewer, data: &data, materializer: materializer
                )
                return .text(post.raw)
            }
        }
        get("/raw/{topic:int}/{number:int}") { request, context in
            try context.state.read { data, materializer in
                let (post, _) = try PostEndpoint.visiblePost(
                    topicId: request.intParameter("topic") ?? 0, postNumber: request.intParameter("number") ?? 0,
                    viewer: request.viewer, data: &data, materializer: materializer)
                return .text(post.raw)
            }
        }
        get("/raw/{topic:int}") { request, context in
            let page = request.queryValue("page").flatMap { Int($0) } ?? 1
            guard page >= 1 else { throw DemoAPIError.badParameter("page") }
            return try context.state.read { data, materializer in
                let topic = try requireVisibleTopic(
                    request.intParameter("topic") ?? 0, viewer: request.viewer, data: data)
                let posts = data.posts(ofTopic: topic.id, using: materializer).filter {
                    canSee(post: $0, viewer: request.viewer, data: data)
                }
                return .text(PostEndpoint.rawTopic(posts, page: page, data: data))
            }
        }
    }
}
