// `POST /posts.json`: replies, new topics and private messages, validated as Discourse's
// PostCreator and TopicCreator validate them. A trust-level-0 author's reply or topic is held
// for approval (a ReviewableQueuedPost, answered `action: "enqueued"`), as the demo's
// `approve_unless_trust_level` is 1. Created posts alert the right users and are announced
// on the message bus.
import DemoCommunity
import Foundation

enum PostCreation {
    /// PostCreator's message for a topic one cannot post in (missing, deleted, closed,
    /// archived, or a silenced author).
    static let topicNotFound =
        "Something has gone wrong. Perhaps this topic was closed or deleted while you were looking at it?"

    static func create(request: APIRequest, context: DemoContext) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        let ask = try NewPostRequest(request)
        let live = context.live
        return try context.state.write { data, materializer in
            let author = try requireUser(request.viewer, in: data)
            let now = Date()
            let errors = try validate(ask, by: author, data: data, now: now)
            guard errors.isEmpty else { return PostValidation.rejection(errors) }
            if needsApproval(ask, by: author) {
                return try enqueue(ask, by: author, data: &data, now: now, live: live)
            }
            let (post, topic) = try commit(
                ask, by: author, data: &data, materializer: materializer, now: now, live: live)
            let draftSequence = try data.finishDraft(userId: author.id, key: ask.finishedDraftKey, at: now)
            var object = PostAnswer.object(post, topic: topic, data: &data, viewer: request.viewer)
            object["draft_sequence"] = .int(draftSequence)
            object["mentioned_users"] = sideLoadUsers(
                CommunityData.mentionedUsernames(inCooked: post.cooked).compactMap { data.user(named: $0)?.id },
                data: data,
                form: serializeBasicUser)
            if ask.nested {
                return .json(["action": "create_post", "post": .object(object), "success": true])
            }
            return .json(.object(object))
        }
    }

    /// The validation messages for `ask` (empty when it may be posted); throws for the
    /// requests Discourse refuses outright (403 for a staff-only category, 400 for an
    /// unknown one).
    static func validate(_ ask: NewPostRequest, by author: DemoUser, data: CommunityData, now: Date) throws -> [String]
    {
        let silenced = (author.silencedUntil ?? .distantPast) > now
        var errors: [String] = []
        switch ask.kind {
        case .reply(let topicId):
            guard let topic = data.topics[topicId], topic.deletedAt == nil,
                canSee(topic: topic, viewer: .user(id: author.id, scopes: nil), data: data),
                author.isStaff || (!topic.closed && !topic.archived && !silenced)
            else { return [topicNotFound] }
            errors += PostValidation.bodyErrors(ask.raw, isPrivateMessage: topic.isPrivateMessage, isFirstPost: false)
        case .privateMessage:
            errors += PostValidation.titleErrors(ask.title, isPrivateMessage: true)
            errors += PostValidation.bodyErrors(ask.raw, isPrivateMessage: true, isFirstPost: true)
            if ask.recipients.isEmpty {
                errors.append("You must select a valid user.")
            } else if ask.recipients.contains(where: { data.user(named: $0) == nil }) {
                errors.append("One of the users you are sending this message to could not be found.")
            }
        case .topic:
            if silenced { throw DemoAPIError.forbidden() }
            if let categoryId = ask.categoryId {
                guard let category = data.categories.first(where: { $0.id == categoryId }) else {
                    throw DemoAPIError.badParameter("category")
                }
                // TopicCreator asks the guardian first: a staff-only category is forbidden.
                if category.staffOnlyTopics && !author.isStaff { throw DemoAPIError.forbidden() }
            } else {
                errors.append("Category can't be blank")
            }
            errors += PostValidation.titleErrors(ask.title, isPrivateMessage: false)
            if let title = ask.title, PostValidation.isDuplicateTitle(title, in: data) {
                errors.append("Title has already been used")
            }
            errors += PostValidation.bodyErrors(ask.raw, isPrivateMessage: false, isFirstPost: true)
            if ask.tags.count > DemoSiteSettings.maxTagsPerTopic {
                errors.append("You can only apply up to \(DemoSiteSettings.maxTagsPerTopic) tags to a topic.")
            }
        }
        if errors.isEmpty && PostValidation.isDuplicate(ask.raw, by: author.id, in: data, now: now) {
            errors.append("Body is too similar to what you recently posted")
        }
        return errors
    }

    /// New users' replies and topics wait for a moderator; private messages do not.
    static func needsApproval(_ ask: NewPostRequest, by author: DemoUser) -> Bool {
        !author.isStaff && author.trustLevel < 1 && ask.kind != .privateMessage
    }

    /// Holds the post as a ReviewableQueuedPost and answers as NewPostResult does.
    static func enqueue(
        _ ask: NewPostRequest, by author: DemoUser, data: inout CommunityData, now: Date, live: LiveUpdates
    )
        throws -> APIResponse
    {
        var topicId: Int?
        var categoryId = ask.categoryId
        if case .reply(let id) = ask.kind {
            topicId = id
            categoryId = data.topics[id]?.categoryId
        }
        let score = try ModelFactory.score(
            id: data.nextReviewableScoreId, userId: systemUser.id, scoreType: ReviewScoreType.needsApproval, score: 1,
            reason: "trust_level", message: nil, at: now)
        let reviewable = try ModelFactory.reviewable(
            id: data.nextReviewableId, kind: .queuedPost, style: .legacy, topicId: topicId, categoryId: categoryId,
            postId: nil, targetUserId: author.id, createdById: author.id, at: now, scores: [score],
            payloadRaw: ask.raw, payloadTitle: topicId == nil ? ask.title : nil)
        data.nextReviewableId += 1
        data.reviewables[reviewable.id] = reviewable
        live.publishReviewableCounts(data: data)
        let pending = data.reviewables.values.filter {
            $0.kind == .queuedPost && $0.status == .pending && $0.createdById == author.id
        }.count
        var pendingPost: JSONObject = [
            "id": .int(reviewable.id), "avatar_template": .string(author.avatarTemplate),
            "category_id": .optional(categoryId), "created_at": .date(now), "created_by_id": .int(author.id),
            "name": .optional(author.name), "raw": .string(ask.raw), "raw_text": .string(ask.raw),
            "title": .optional(reviewable.payloadTitle ?? topicId.flatMap { data.topics[$0]?.title }),
            "topic_id": .optional(topicId), "username": .string(author.username),
        ]
        if let topicId, let topic = data.topics[topicId] {
            pendingPost["topic_url"] = .string("/t/\(topic.slug)/\(topic.id)")
        }
        return .json([
            "success": true, "action": "enqueued", "pending_post": .object(pendingPost), "pending_count": .int(pending),
        ])
    }

    /// Creates the post (and its topic for a new topic or message), alerts, and announces.
    static func commit(
        _ ask: NewPostRequest, by author: DemoUser, data: inout CommunityData, materializer: PostMaterializer,
        now: Date,
        live: LiveUpdates
    ) throws -> (DemoPost, DemoTopic) {
        let cooked = data.cooker.cook(ask.raw)
        let post: DemoPost
        let isNewTopic: Bool
        switch ask.kind {
        case .reply(let topicId):
            let known = data.posts(ofTopic: topicId, using: materializer).contains {
                $0.postNumber == ask.replyToPostNumber
            }
            post = try data.appendPost(
                to: topicId, userId: author.id, raw: ask.raw, cooked: cooked,
                replyTo: known ? ask.replyToPostNumber : nil,
                postType: ask.whisper && author.isStaff ? 4 : 1, at: now, using: materializer)
            isNewTopic = false
        case .topic, .privateMessage:
            let isMessage = ask.kind == .privateMessage
            let recipients = ask.recipients.compactMap { data.user(named: $0)?.id }
            let topic = try ModelFactory.topic(
                id: data.nextTopicId, title: (ask.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                categoryId: isMessage ? nil : ask.categoryId, tags: isMessage ? [] : ask.tags,
                archetype: isMessage ? .privateMessage : .regular, userId: author.id, at: now,
                allowedUserIds: isMessage ? Array(Set([author.id] + recipients)).sorted() : [],
                firstPostId: data.nextPostId)
            data.nextTopicId += 1
            data.topics[topic.id] = topic
            data.postsByTopic[topic.id] = []
            post = try data.appendPost(
                to: topic.id, userId: author.id, raw: ask.raw, cooked: cooked, at: now, using: materializer)
            isNewTopic = true
        }
        guard let topic = data.topics[post.topicId] else { throw DemoAPIError.notFound }
        data.lastReadPostNumber[author.id, default: [:]][topic.id] = post.postNumber
        if post.postType != 4 { try data.alertAbout(post, in: topic, live: live) }
        live.publishPost(post, topic: topic, type: "created")
        live.publishTopicActivity(topic, isNewTopic: isNewTopic)
        return (post, topic)
    }
}
