// Reviewables in the rest-serializer form of `/review.json` and `/review/{id}.json`
// (`__rest_serializer: "1"`): each reviewable refers by id to side-loaded `users`, `topics`,
// `reviewable_scores` and `bundled_actions`, and those bundles to top-level `actions`, as
// ReviewableSerializer and render_json_dump(rest_serializer: true) lay them out.
import DemoCommunity
import Foundation

/// Collects the side-loaded records of one payload, each once, in first-seen order.
struct ReviewSideLoads {
    private(set) var userIds: [Int] = []
    private(set) var topicIds: [Int] = []
    private(set) var scores: [JSONValue] = []
    private(set) var bundles: [JSONValue] = []
    private(set) var actions: [JSONValue] = []
    private var seenBundles: Set<String> = []
    private var seenActions: Set<String> = []

    mutating func user(_ id: Int?) {
        if let id, !userIds.contains(id) { userIds.append(id) }
    }

    mutating func topic(_ id: Int?) {
        if let id, !topicIds.contains(id) { topicIds.append(id) }
    }

    mutating func score(_ json: JSONValue) { scores.append(json) }

    mutating func bundle(_ bundle: ReviewBundle) {
        if seenBundles.insert(bundle.id).inserted { bundles.append(bundle.json) }
        for action in bundle.actions where seenActions.insert(action.id).inserted { actions.append(action.json) }
    }

    /// The side-load keys of the payload.
    func merge(into object: inout JSONObject, data: CommunityData, viewer: Viewer) {
        object["users"] = sideLoadUsers(userIds, data: data, form: serializeRestUser)
        object["topics"] = .array(
            topicIds.compactMap { data.topics[$0] }.map {
                .object(serializeTopicListItem($0, data: data, viewer: viewer))
            })
        object["reviewable_scores"] = .array(scores)
        object["bundled_actions"] = .array(bundles)
        object["actions"] = .array(actions)
    }
}

enum ReviewableSerializer {
    static let metaTypes: JSONValue = [
        "created_by": "user", "target_created_by": "user", "reviewed_by": "user", "claimed_by": "user",
    ]
    static let reviewableTypes: JSONValue = [
        "ReviewableFlaggedPost", "ReviewableQueuedPost", "ReviewableUser", "ReviewablePost",
    ]

    static func serialize(_ item: ReviewItem, data: CommunityData, sideLoads: inout ReviewSideLoads) -> JSONObject {
        let reviewable = item.reviewable
        let bundles = ReviewableActions.bundles(for: item)
        var object: JSONObject = [
            "id": .int(reviewable.id), "type": .string(reviewable.kind.rawValue), "type_source": "core",
        ]
        if let topicId = reviewable.topicId {
            object["topic_id"] = .int(topicId)
            if let topic = item.topic { object["topic_url"] = .string("/t/\(topic.slug)/\(topic.id)") }
        }
        switch reviewable.kind {
        case .flaggedPost, .queuedPost:
            object["target_type"] = reviewable.kind == .flaggedPost ? "Post" : .null
            object["target_id"] = .optional(reviewable.postId)
            if let post = item.post, let topic = item.topic {
                object["target_url"] = .string("/t/\(topic.slug)/\(topic.id)/\(post.postNumber)")
                object["target_created_at"] = .date(post.createdAt)
                if let deleted = post.deletedAt { object["target_deleted_at"] = .date(deleted) }
            }
        case .user:
            object["target_type"] = "User"
            object["target_id"] = .optional(reviewable.targetUserId)
            if let user = item.targetUser { object["target_url"] = .string("/u/\(user.username.lowercased())") }
        }
        if let topic = item.topic { object["topic_tags"] = .array(topic.tags.map { .string($0) }) }
        if let categoryId = reviewable.categoryId ?? item.topic?.categoryId { object["category_id"] = .int(categoryId) }
        let editable = reviewable.kind == .queuedPost && reviewable.status == .pending
        object["created_at"] = .date(reviewable.createdAt)
        object["can_edit"] = .bool(editable)
        object["score"] = .double(reviewable.totalScore)
        object["version"] = .int(reviewable.version)
        object["target_created_by_trust_level"] = .optional(item.targetUser?.trustLevel)
        object["created_from_flag"] = .bool(reviewable.kind == .flaggedPost)
        object["status"] = .int(reviewable.status.rawValue)
        object["created_by_id"] = .int(reviewable.createdById)
        object["target_created_by_id"] = .optional(reviewable.targetUserId)
        object["reviewed_by_id"] = .optional(reviewable.reviewedById)
        object["reviewed_at"] = .optionalDate(reviewable.reviewedAt)
        object["editable_fields"] = .array(editable ? editableQueuedFields(reviewable) : [])
        object["reviewable_score_ids"] = .array(reviewable.scores.map { .int($0.id) })
        object["bundled_action_ids"] = .array(bundles.map { .string($0.id) })
        if let claimant = reviewable.claimedByUserId ?? data.claimant(ofTopic: reviewable.topicId),
            let user = data.users[claimant]
        {
            object["claimed_by"] = [
                "user_id": .int(user.id), "username": .string(user.username), "automatic": false,
                "claimed_at": .optionalDate(reviewable.claimedAt),
            ]
            sideLoads.user(user.id)
        } else {
            object["claimed_by"] = .null
        }
        addTargetFields(item, to: &object)

        sideLoads.user(reviewable.createdById)
        sideLoads.user(reviewable.targetUserId)
        sideLoads.user(reviewable.reviewedById)
        sideLoads.topic(item.topic?.id)
        for score in reviewable.scores {
            sideLoads.user(score.userId)
            sideLoads.score(serializeScore(score, reviewable: reviewable, data: data))
        }
        for bundle in bundles { sideLoads.bundle(bundle) }
        return object
    }

    /// The kind-specific fields: the post of a flag, the payload of a queued post or user.
    private static func addTargetFields(_ item: ReviewItem, to object: inout JSONObject) {
        let reviewable = item.reviewable
        switch reviewable.kind {
        case .flaggedPost:
            if let postId = reviewable.postId { object["post_id"] = .int(postId) }
            if let post = item.post {
                object["cooked"] = .string(post.cooked)
                object["raw"] = .string(post.raw)
                object["post_number"] = .int(post.postNumber)
                object["reply_to_post_number"] = .optional(post.replyToPostNumber)
                object["post_version"] = .int(post.version)
                object["post_updated_at"] = .date(post.updatedAt)
                object["blank_post"] = .bool(post.raw.isEmpty)
                object["hidden"] = .bool(post.hidden)
            }
        case .queuedPost:
            var payload: JSONObject = ["raw": .optional(reviewable.payloadRaw)]
            if let title = reviewable.payloadTitle { payload["title"] = .string(title) }
            payload["tags"] = .array([])
            object["payload"] = .object(payload)
        case .user:
            if let userId = reviewable.targetUserId { object["user_id"] = .int(userId) }
            if let user = item.targetUser {
                object["payload"] = [
                    "username": .string(user.username), "name": .optional(user.name),
                    "email": .string("\(user.username.lowercased())@example.invalid"),
                ]
            }
        }
    }

    private static func editableQueuedFields(_ reviewable: DemoReviewable) -> [JSONValue] {
        var fields: [JSONValue] = [["id": "category_id", "type": "category"]]
        if reviewable.topicId == nil { fields.append(["id": "payload.title", "type": "text"]) }
        fields.append(["id": "payload.raw", "type": "textarea"])
        if reviewable.topicId == nil { fields.append(["id": "payload.tags", "type": "tags"]) }
        return fields
    }

    /// ReviewableScoreSerializer, with the flagger's record (`agree_stats`) and, for flags
    /// carrying a message, the conversation Discourse shows under the score.
    static func serializeScore(_ score: DemoReviewable.Score, reviewable: DemoReviewable, data: CommunityData)
        -> JSONValue
    {
        let history = data.reviewables.values.flatMap(\.scores).filter { $0.userId == score.userId }
        var object: JSONObject = [
            "id": .int(score.id), "score": .double(score.score),
            "agree_stats": [
                "agreed": .int(history.filter { $0.status == 1 }.count),
                "disagreed": .int(history.filter { $0.status == 2 }.count),
                "ignored": .int(history.filter { $0.status == 3 }.count),
            ],
            "reason": .optional(score.reason), "created_at": .date(score.createdAt),
            "reviewed_at": score.status == 0 ? .null : .optionalDate(reviewable.reviewedAt),
            "status": .int(score.status), "user_id": .int(score.userId),
            "score_type": ReviewScoreType.json(score.scoreType),
            "reviewed_by_id": score.status == 0 ? .null : .optional(reviewable.reviewedById),
        ]
        if let message = score.message {
            object["reviewable_conversation"] = [
                "id": .int(score.id), "has_more": false,
                "conversation_posts": [
                    ["id": .int(score.id), "excerpt": .string(message), "user_id": .int(score.userId)]
                ],
            ]
        }
        return .object(object)
    }
}
