// Changing existing posts: `PUT /posts/{id}.json` (edit, with `original_text` conflict
// detection and a new version), `DELETE /posts/{id}.json`, `PUT /posts/{id}/recover.json`
// and `PUT /posts/{id}/wiki`, with the permissions of Discourse's guardian.
import DemoCommunity
import Foundation

enum PostEditing {
    /// Discourse's `edit_conflict` message (409).
    static let editConflict = "That post was edited by another user and your changes can no longer be saved."

    /// The guardian's `can_edit_post?`: staff always; the author while the post is live and
    /// the topic not archived; anyone of trust level 1 on a wiki post.
    static func canEdit(_ post: DemoPost, topic: DemoTopic, by user: DemoUser) -> Bool {
        if user.isStaff { return true }
        if post.deletedAt != nil || topic.archived || post.postType != 1 { return false }
        return post.userId == user.id || (post.wiki && user.trustLevel >= 1)
    }

    static func edit(request: APIRequest, context: DemoContext) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        let postId = request.intParameter("id") ?? 0
        guard let raw = request.param("post[raw]") ?? request.param("raw") else {
            throw DemoAPIError.badParameter("post")
        }
        let original = request.param("post[original_text]") ?? request.param("post[raw_old]")
        let newTitle = request.param("title") ?? request.param("post[title]")
        let live = context.live
        return try context.state.write { data, materializer in
            let editor = try requireUser(request.viewer, in: data)
            let (post, topic) = try data.requirePost(postId, using: materializer)
            guard canSee(topic: topic, viewer: request.viewer, data: data),
                canSee(post: post, viewer: request.viewer, data: data)
            else { throw DemoAPIError.notFound }
            guard canEdit(post, topic: topic, by: editor) else { throw DemoAPIError.forbidden() }
            if let original, original != post.raw { throw DemoAPIError.conflict(editConflict) }
            let errors = PostValidation.bodyErrors(
                raw, isPrivateMessage: topic.isPrivateMessage, isFirstPost: post.postNumber == 1)
            guard errors.isEmpty else { return .json(["errors": .array(errors.map { .string($0) })], status: 422) }
            if let newTitle, post.postNumber == 1, newTitle != topic.title {
                let titleErrors = PostValidation.titleErrors(newTitle, isPrivateMessage: topic.isPrivateMessage)
                guard titleErrors.isEmpty else {
                    return .json(["errors": .array(titleErrors.map { .string($0) })], status: 422)
                }
                data.topics[topic.id]?.title = newTitle
                data.topics[topic.id]?.slug = slugify(newTitle)
            }
            let before = post.cooked
            if raw != post.raw {
                let cooked = data.cooker.cook(raw)
                data.updatePost(postId, using: materializer) { post in
                    post.raw = raw
                    post.cooked = cooked
                    post.version += 1
                    post.updatedAt = Date()
                }
            }
            let (updated, current) = try data.requirePost(postId, using: materializer)
            try alertNewMentions(of: updated, before: before, in: current, data: &data, live: live)
            live.publishPost(updated, topic: current, type: "revised", actorId: editor.id)
            return .json([
                "post": .object(PostAnswer.object(updated, topic: current, data: &data, viewer: request.viewer))
            ])
        }
    }

    /// People newly @mentioned by an edit hear about it, as PostAlerter does after a revision.
    private static func alertNewMentions(
        of post: DemoPost, before: String, in topic: DemoTopic, data: inout CommunityData, live: LiveUpdates
    ) throws {
        let earlier = Set(CommunityData.mentionedUsernames(inCooked: before))
        let added = CommunityData.mentionedUsernames(inCooked: post.cooked).filter { !earlier.contains($0) }
        guard let author = data.users[post.userId] else { return }
        for name in added {
            guard let user = data.user(named: name), user.id != author.id,
                canSee(topic: topic, viewer: .user(id: user.id, scopes: nil), data: data)
            else { continue }
            try data.notify(
                user.id, type: NotificationType.mentioned, topic: topic, postNumber: post.postNumber,
                data: [
                    "topic_title": topic.title, "original_post_id": String(post.id),
                    "display_username": author.username,
                    "original_username": author.username,
                ],
                at: post.updatedAt, live: live)
        }
    }

    /// Deleting the first post deletes the topic, as PostDestroyer does.
    static func delete(request: APIRequest, context: DemoContext) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        let postId = request.intParameter("id") ?? 0
        let live = context.live
        return try context.state.write { data, materializer in
            let user = try requireUser(request.viewer, in: data)
            let (post, topic) = try data.requirePost(postId, using: materializer)
            guard canSee(topic: topic, viewer: request.viewer, data: data), post.deletedAt == nil else {
                throw DemoAPIError.notFound
            }
            let ownReply = post.userId == user.id && post.postNumber > 1 && !topic.archived
            guard user.isStaff || ownReply else { throw DemoAPIError.forbidden() }
            let now = Date()
            data.updatePost(postId, using: materializer) { $0.deletedAt = now }
            if post.postNumber == 1 { data.topics[topic.id]?.deletedAt = now }
            if let deleted = try? data.requirePost(postId, using: materializer) {
                live.publishPost(deleted.0, topic: deleted.1, type: "deleted", actorId: user.id)
            }
            return APIResponse(status: 200)
        }
    }

    static func recover(request: APIRequest, context: DemoContext) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        let postId = request.intParameter("id") ?? 0
        let live = context.live
        return try context.state.write { data, materializer in
            try requireStaff(request.viewer, in: data)
            let (post, topic) = try data.requirePost(postId, using: materializer)
            data.updatePost(postId, using: materializer) { $0.deletedAt = nil }
            if post.postNumber == 1 { data.topics[topic.id]?.deletedAt = nil }
            let (recovered, current) = try data.requirePost(postId, using: materializer)
            live.publishPost(recovered, topic: current, type: "recovered")
            return .json(.object(PostAnswer.object(recovered, topic: current, data: &data, viewer: request.viewer)))
        }
    }

    /// `PUT /posts/{id}/unhide`: staff show a hidden post again.
    static func unhide(request: APIRequest, context: DemoContext) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        let postId = request.intParameter("id") ?? 0
        let live = context.live
        return try context.state.write { data, materializer in
            try requireStaff(request.viewer, in: data)
            _ = try data.requirePost(postId, using: materializer)
            data.updatePost(postId, using: materializer) { $0.hidden = false }
            let (shown, topic) = try data.requirePost(postId, using: materializer)
            live.publishPost(shown, topic: topic, type: "revised")
            return .json(.object(PostAnswer.object(shown, topic: topic, data: &data, viewer: request.viewer)))
        }
    }

    /// `PUT /posts/{id}/wiki` with `wiki=true|false`: staff, or a trust-level-3 author.
    static func wiki(request: APIRequest, context: DemoContext) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        let postId = request.intParameter("id") ?? 0
        guard let flag = request.param("wiki") else { throw DemoAPIError.badParameter("wiki") }
        let live = context.live
        return try context.state.write { data, materializer in
            let user = try requireUser(request.viewer, in: data)
            let (post, topic) = try data.requirePost(postId, using: materializer)
            guard canSee(topic: topic, viewer: request.viewer, data: data) else { throw DemoAPIError.notFound }
            guard user.isStaff || (post.userId == user.id && user.trustLevel >= 3) else {
                throw DemoAPIError.forbidden()
            }
            data.updatePost(postId, using: materializer) {
                $0.wiki = flag == "true"
                $0.version += 1
            }
            let (changed, current) = try data.requirePost(postId, using: materializer)
            live.publishPost(changed, topic: current, type: "revised", actorId: user.id)
            return .json(["success": "OK"])
        }
    }
}
