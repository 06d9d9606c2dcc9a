// Likes and flags: `POST /post_actions.json` (`id`, `post_action_type_id`, `message`) and
// `DELETE /post_actions/{post_id}.json?post_action_type_id=N`, both answering the post.
// A flag adds a score to the post's pending ReviewableFlaggedPost (or opens one); enough
// weight of off-topic, inappropriate or spam flags hides the post, as Discourse's auto
// action does. `notify_user` sends the author a private message instead.
import DemoCommunity
import Foundation

enum PostActionEndpoint {
    static let like = 2
    /// Discourse's `action_already_performed`.
    static let alreadyPerformed = DemoAPIError.forbidden(
        "Oops! You already performed this action. Can you try refreshing the page?")
    /// A pending flag score of this size hides the post (a staff flag, or a few users').
    static let hideThreshold = 10.0

    static func act(request: APIRequest, context: DemoContext) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        guard let postId = request.param("id").flatMap({ Int($0) }) else { throw DemoAPIError.badParameter("id") }
        guard let typeId = request.param("post_action_type_id").flatMap({ Int($0) }),
            let type = PostActionType.withId(typeId)
        else { throw DemoAPIError.badParameter("post_action_type_id") }
        let message = request.param("message")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let takeAction = request.param("take_action") == "true"
        let live = context.live
        let style = ModerationSettings.of(context.state).newFlagStyle
        return try context.state.write { data, materializer in
            let user = try requireUser(request.viewer, in: data)
            let (post, topic) = try data.requirePost(postId, using: materializer)
            guard canSee(topic: topic, viewer: request.viewer, data: data),
                canSee(post: post, viewer: request.viewer, data: data)
            else { throw DemoAPIError.notFound }
            guard post.userId != user.id, post.deletedAt == nil, !topic.archived else { throw DemoAPIError.forbidden() }
            let now = Date()
            if type.id == like {
                guard !post.likedByUserIds.contains(user.id) else { throw alreadyPerformed }
                data.updatePost(postId, using: materializer) { $0.likedByUserIds.append(user.id) }
                try data.notify(
                    post.userId, type: NotificationType.liked, topic: topic, postNumber: post.postNumber,
                    data: [
                        "topic_title": topic.title, "original_post_id": String(post.id), "original_post_type": "1",
                        "original_username": user.username, "display_username": user.username,
                        "username": user.username,
                    ],
                    at: now, live: live)
            } else {
                let flagged = data.reviewables.values.contains {
                    $0.postId == post.id && $0.scores.contains { $0.userId == user.id }
                }
                guard !flagged else { throw alreadyPerformed }
                if type.requireMessage && message.isEmpty {
                    return .json(["errors": ["A message is required for this kind of flag."]], status: 422)
                }
                if type.id == ReviewScoreType.notifyUser {
                    try messageAuthor(
                        of: post, in: topic, from: user, saying: message, data: &data, materializer: materializer,
                        live: live)
                } else {
                    try flag(
                        post, in: topic, by: user, type: type.id, message: message, style: style, data: &data,
                        materializer: materializer, now: now)
                    if takeAction, user.isStaff {
                        takeActionNow(on: post, by: user, data: &data, materializer: materializer, now: now)
                    }
                    live.publishReviewableCounts(data: data)
                }
            }
            let (updated, current) = try data.requirePost(postId, using: materializer)
            live.publishPost(updated, topic: current, type: type.id == like ? "liked" : "acted", actorId: user.id)
            return .json(.object(PostAnswer.object(updated, topic: current, data: &data, viewer: request.viewer)))
        }
    }

    /// Adds the flag's score to the post's pending reviewable, opening one if needed.
    static func flag(
        _ post: DemoPost, in topic: DemoTopic, by user: DemoUser, type: Int, message: String,
        style: DemoReviewable.ActionStyle, data: inout CommunityData, materializer: PostMaterializer, now: Date
    ) throws {
        let weight =
            1 + Double(user.trustLevel) + (ReviewScoreType.catalogue[type]?.bonus ?? 0) + (user.isStaff ? 5 : 0)
        let score = try ModelFactory.score(
            id: data.nextReviewableScoreId, userId: user.id, scoreType: type, score: weight, reason: nil,
            message: message.isEmpty ? nil : message, at: now)
        let reviewableId: Int
        if let pending = data.reviewables.values.first(where: { $0.postId == post.id && $0.status == .pending }) {
            reviewableId = pending.id
            data.reviewables[pending.id]?.scores.append(score)
        } else {
            let reviewable = try ModelFactory.reviewable(
                id: data.nextReviewableId, kind: .flaggedPost, style: style, topicId: topic.id,
                categoryId: topic.categoryId,
                postId: post.id, targetUserId: post.userId, createdById: user.id, at: now, scores: [score])
            data.nextReviewableId += 1
            data.reviewables[reviewable.id] = reviewable
            reviewableId = reviewable.id
        }
        guard let reviewable = data.reviewables[reviewableId] else { return }
        let weighty = reviewable.scores.filter {
            $0.status == 0 && ReviewScoreType.autoHideTypes.contains($0.scoreType)
        }
        if weighty.reduce(0, { $0 + $1.score }) >= hideThreshold {
            data.updatePost(post.id, using: materializer) { $0.hidden = true }
        }
    }

    /// A staff flag with `take_action=true` (the web UI's "hide post"): the post is hidden at
    /// once and its pending reviewable is agreed, as Discourse's PostActionCreator does.
    private static func takeActionNow(
        on post: DemoPost, by user: DemoUser, data: inout CommunityData, materializer: PostMaterializer, now: Date
    ) {
        data.updatePost(post.id, using: materializer) { $0.hidden = true }
        guard let pending = data.reviewables.values.first(where: { $0.postId == post.id && $0.status == .pending })
        else { return }
        data.reviewables[pending.id]?.status = .approved
        data.reviewables[pending.id]?.reviewedById = user.id
        data.reviewables[pending.id]?.reviewedAt = now
        data.reviewables[pending.id]?.version += 1
        for index in pending.scores.indices { data.reviewables[pending.id]?.scores[index].status = 1 }
    }

    /// `notify_user`: the flagger's message goes to the author as a private message.
    private static func messageAuthor(
        of post: DemoPost, in topic: DemoTopic, from user: DemoUser, saying message: String, data: inout CommunityData,
        materializer: PostMaterializer, live: LiveUpdates
    ) throws {
        guard let author = data.users[post.userId] else { throw DemoAPIError.notFound }
        let url = "/t/\(topic.slug)/\(topic.id)/\(post.postNumber)"
        let ask = NewPostRequest(
            kind: .privateMessage, raw: "\(message)\n\n\(url)", replyToPostNumber: nil,
            title: "Your post in \"\(topic.title)\"", categoryId: nil, tags: [], recipients: [author.username],
            whisper: false, draftKey: nil, nested: false)
        _ = try PostCreation.commit(ask, by: user, data: &data, materializer: materializer, now: Date(), live: live)
    }

    /// Unlike, or withdraw one's pending flag.
    static func undo(request: APIRequest, context: DemoContext) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        let postId = request.intParameter("id") ?? 0
        guard let typeId = request.param("post_action_type_id").flatMap({ Int($0) }) else {
            throw DemoAPIError.badParameter("post_action_type_id")
        }
        let live = context.live
        return try context.state.write { data, materializer in
            let user = try requireUser(request.viewer, in: data)
            let (post, topic) = try data.requirePost(postId, using: materializer)
            guard canSee(topic: topic, viewer: request.viewer, data: data) else { throw DemoAPIError.notFound }
            if typeId == like {
                guard post.likedByUserIds.contains(user.id) else { throw DemoAPIError.notFound }
                data.updatePost(postId, using: materializer) { $0.likedByUserIds.removeAll { $0 == user.id } }
            } else {
                guard
                    let pending = data.reviewables.values.first(where: { reviewable in
                        reviewable.postId == post.id && reviewable.status == .pending
                            && reviewable.scores.contains { $0.userId == user.id && $0.scoreType == typeId }
                    })
                else { throw DemoAPIError.notFound }
                data.reviewables[pending.id]?.scores.removeAll { $0.userId == user.id && $0.scoreType == typeId }
                if data.reviewables[pending.id]?.scores.isEmpty == true { data.reviewables[pending.id] = nil }
                live.publishReviewableCounts(data: data)
            }
            let (updated, current) = try data.requirePost(postId, using: materializer)
            live.publishPost(updated, topic: current, type: typeId == like ? "unliked" : "acted", actorId: user.id)
            return .json(.object(PostAnswer.object(updated, topic: current, data: &data, viewer: request.viewer)))
        }
    }
}
