// What performing a review action does: to the target (hide, unhide, delete or restore the
// post and its replies; publish a queued post; delete a user) and to the reviewable (its
// status, its scores' status, who reviewed it). Client actions such as "Silence User" only
// record the decision here; the client calls the admin endpoints for the penalty itself,
// as Discourse's web UI does.
import DemoCommunity
import Foundation

/// The outcome of one perform, for the perform result.
struct PerformOutcome {
    var status: DemoReviewable.Status
    var createdPostId: Int?
    var createdTopicId: Int?
}

enum ReviewablePerformer {
    /// Score statuses: pending 0, agreed 1, disagreed 2, ignored 3.
    private static func scoreStatus(for status: DemoReviewable.Status) -> Int {
        switch status {
        case .approved: 1
        case .rejected: 2
        case .ignored, .deleted: 3
        case .pending: 0
        }
    }

    /// Actions that act against the post or its author: finishing a refreshed reviewable with
    /// any of them agrees with the flags.
    static let punitive: Set<String> = [
        "hide_post", "delete_post", "delete_post_and_replies", "edit_post", "silence_user", "suspend_user",
        "delete_user", "delete_and_block_user",
    ]

    static func perform(
        _ action: ReviewAction, on item: ReviewItem, by moderator: DemoUser, data: inout CommunityData,
        materializer: PostMaterializer, live: LiveUpdates
    ) throws -> PerformOutcome {
        let reviewable = item.reviewable
        let now = Date()
        var outcome = PerformOutcome(status: .pending)
        switch action.id {
        // Legacy flag vocabulary.
        case "agree_and_hide":
            setHidden(true, item, data: &data, materializer: materializer)
            outcome.status = .approved
        case "agree_and_keep", "agree_and_keep_hidden", "agree_and_edit", "agree_and_suspend", "agree_and_silence":
            outcome.status = .approved
        case "agree_and_restore":
            restore(item, data: &data, materializer: materializer)
            outcome.status = .approved
        case "delete_and_agree", "delete_and_agree_replies":
            delete(item, replies: action.id.hasSuffix("replies"), at: now, data: &data, materializer: materializer)
            outcome.status = .approved
        case "disagree", "disagree_and_restore":
            restore(item, data: &data, materializer: materializer)
            outcome.status = .rejected
        case "ignore_and_do_nothing":
            outcome.status = .ignored
        case "delete_and_ignore", "delete_and_ignore_replies":
            delete(item, replies: action.id.hasSuffix("replies"), at: now, data: &data, materializer: materializer)
            outcome.status = .ignored
        // Queued posts and users.
        case "approve_post":
            let created = try publishQueuedPost(item, data: &data, materializer: materializer, now: now, live: live)
            outcome = PerformOutcome(status: .approved, createdPostId: created.id, createdTopicId: created.topicId)
        case "reject_post", "revise_and_reject_post":
            outcome.status = .rejected
        case "approve_user":
            outcome.status = .approved
        case "reject_user_delete", "reject_user_block":
            try deleteUser(item.targetUser, at: now, data: &data, materializer: materializer)
            outcome.status = .rejected
        case "delete_user", "delete_user_block", "delete_and_block_user":
            try deleteUser(item.targetUser, at: now, data: &data, materializer: materializer)
            outcome.status = reviewable.kind == .queuedPost ? .rejected : .approved
        // The refreshed vocabulary: effects now, the verdict once both bundles are done.
        case "hide_post": setHidden(true, item, data: &data, materializer: materializer)
        case "unhide_post": setHidden(false, item, data: &data, materializer: materializer)
        case "restore_post": restore(item, data: &data, materializer: materializer)
        case "delete_post", "delete_post_and_replies":
            delete(item, replies: action.id.hasSuffix("replies"), at: now, data: &data, materializer: materializer)
        default:
            break
        }
        if let bundle = ReviewableActions.refreshedBundle(of: action.id, for: item) {
            data.reviewables[reviewable.id]?.completedBundles.append(bundle)
            let done = data.reviewables[reviewable.id]?.completedBundles ?? []
            if done.contains(ReviewableActions.postBundle) && done.contains(ReviewableActions.userBundle) {
                outcome.status = refreshedVerdict(after: action.id, item: item, data: data)
            }
        }
        data.reviewables[reviewable.id]?.version += 1
        if outcome.status != .pending {
            data.reviewables[reviewable.id]?.status = outcome.status
            data.reviewables[reviewable.id]?.reviewedById = moderator.id
            data.reviewables[reviewable.id]?.reviewedAt = now
            let scoreStatus = scoreStatus(for: outcome.status)
            for index in (data.reviewables[reviewable.id]?.scores ?? []).indices {
                data.reviewables[reviewable.id]?.scores[index].status = scoreStatus
            }
        }
        return outcome
    }

    /// Agreed when anything was done against the post or its author (now, or earlier: the
    /// post hidden or deleted, the author penalised or gone); disagreed when the post was
    /// just unhidden or restored; otherwise the flags are ignored.
    private static func refreshedVerdict(after actionId: String, item: ReviewItem, data: CommunityData)
        -> DemoReviewable.Status
    {
        let post = item.post.flatMap { post in data.postsByTopic[post.topicId]?.first { $0.id == post.id } }
        let author = item.targetUser.flatMap { data.users[$0.id] }
        let now = Date()
        let penalised =
            author == nil || (author?.silencedUntil ?? .distantPast) > now
            || (author?.suspendedUntil ?? .distantPast) > now
        if punitive.contains(actionId) || post?.hidden == true || post?.deletedAt != nil || penalised {
            return .approved
        }
        if actionId == "unhide_post" || actionId == "restore_post" { return .rejected }
        return .ignored
    }

    private static func setHidden(
        _ hidden: Bool, _ item: ReviewItem, data: inout CommunityData,
        materializer: PostMaterializer
    ) {
        guard let post = item.post else { return }
        data.updatePost(post.id, using: materializer) { $0.hidden = hidden }
    }

    private static func restore(_ item: ReviewItem, data: inout CommunityData, materializer: PostMaterializer) {
        guard let post = item.post else { return }
        data.updatePost(post.id, using: materializer) {
            $0.hidden = false
            $0.deletedAt = nil
        }
        if post.postNumber == 1 { data.topics[post.topicId]?.deletedAt = nil }
    }

    /// Deletes the post (its topic too when it is the first post) and, if asked, the
    /// posts replying to it.
    private static func delete(
        _ item: ReviewItem, replies: Bool, at date: Date, data: inout CommunityData,
        materializer: PostMaterializer
    ) {
        guard let post = item.post else { return }
        var doomed = [post.id]
        if replies {
            doomed += (data.postsByTopic[post.topicId] ?? []).filter { $0.replyToPostNumber == post.postNumber }.map(
                \.id)
        }
        for id in doomed { data.updatePost(id, using: materializer) { $0.deletedAt = date } }
        if post.postNumber == 1 { data.topics[post.topicId]?.deletedAt = date }
    }

    /// Removes a non-staff user: their posts and topics are deleted, their keys revoked.
    private static func deleteUser(
        _ user: DemoUser?, at date: Date, data: inout CommunityData,
        materializer: PostMaterializer
    ) throws {
        guard let user else { return }
        guard !user.isStaff else { throw DemoAPIError.forbidden() }
        for (topicId, posts) in data.postsByTopic {
            for post in posts where post.userId == user.id && post.deletedAt == nil {
                data.updatePost(post.id, using: materializer) { $0.deletedAt = date }
            }
            if data.topics[topicId]?.userId == user.id { data.topics[topicId]?.deletedAt = date }
        }
        for topic in data.topics.values where topic.userId == user.id { data.topics[topic.id]?.deletedAt = date }
        for key in data.userApiKeys.keys where data.userApiKeys[key]?.userId == user.id {
            data.userApiKeys[key]?.revokedAt = date
        }
        data.users[user.id] = nil
        data.userIdsByUsername[user.username.lowercased()] = nil
    }

    /// Approving a queued post creates it as its author wrote it.
    private static func publishQueuedPost(
        _ item: ReviewItem, data: inout CommunityData, materializer: PostMaterializer, now: Date, live: LiveUpdates
    ) throws -> DemoPost {
        let reviewable = item.reviewable
        guard let author = item.targetUser ?? data.users[reviewable.createdById] else { throw DemoAPIError.notFound }
        let kind: NewPostRequest.Kind = reviewable.topicId.map { .reply(topicId: $0) } ?? .topic
        let ask = NewPostRequest(
            kind: kind, raw: reviewable.payloadRaw ?? "", replyToPostNumber: nil, title: reviewable.payloadTitle,
            categoryId: reviewable.categoryId, tags: [], recipients: [], whisper: false, draftKey: nil, nested: false)
        let (post, topic) = try PostCreation.commit(
            ask, by: author, data: &data, materializer: materializer, now: now, live: live)
        try data.notify(
            author.id, type: NotificationType.postApproved, topic: topic, postNumber: post.postNumber,
            data: ["topic_title": topic.title, "original_post_id": String(post.id)], at: now, live: live)
        return post
    }
}
