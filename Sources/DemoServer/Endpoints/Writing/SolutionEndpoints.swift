// The solved plugin: `POST /solution/accept.json` and `POST /solution/unaccept.json` with
// `id` = the post. Who may accept is the serializer's `can_accept_answer` rule (staff, TL4,
// or the topic's author on an open topic in a category with solutions enabled); replies
// only, never the question itself. The answerer hears about it, as the plugin notifies.
import DemoCommunity
import Foundation

enum SolutionEndpoint {
    static func accept(request: APIRequest, context: DemoContext) throws -> APIResponse {
        try change(request: request, context: context, accepting: true)
    }

    static func unaccept(request: APIRequest, context: DemoContext) throws -> APIResponse {
        try change(request: request, context: context, accepting: false)
    }

    private static func change(request: APIRequest, context: DemoContext, accepting: Bool) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        guard let postId = request.param("id").flatMap({ Int($0) }) else { throw DemoAPIError.badParameter("id") }
        let live = context.live
        return try context.state.write { data, materializer in
            let user = try requireUser(request.viewer, in: data)
            let (post, topic) = try data.requirePost(postId, using: materializer)
            guard canSee(topic: topic, viewer: request.viewer, data: data),
                canSee(post: post, viewer: request.viewer, data: data)
            else { throw DemoAPIError.notFound }
            guard post.postNumber > 1, post.postType == 1,
                canAcceptAnswer(topic: topic, post: post, viewer: user, data: data)
            else { throw DemoAPIError.forbidden() }
            if accepting {
                data.topics[topic.id]?.acceptedAnswerPostNumber = post.postNumber
                if post.userId != user.id {
                    try data.notify(
                        post.userId, type: NotificationType.custom, topic: topic, postNumber: post.postNumber,
                        data: [
                            "message": "solved.accepted_notification", "display_username": user.username,
                            "topic_title": topic.title, "title": "solved.notification.title",
                        ],
                        at: Date(), live: live)
                }
            } else if topic.acceptedAnswerPostNumber == post.postNumber {
                data.topics[topic.id]?.acceptedAnswerPostNumber = nil
            }
            if let changed = data.topics[topic.id] { live.publishTopicReload(changed) }
            return .json(["success": "OK"])
        }
    }
}
