// The review queue, staff only (403 for everyone else): `GET /review.json` (filtered, ten a
// page), `GET /review/{id}.json`, `GET /review/{id}/explain.json`, `GET /review/count.json`
// and `PUT /review/{id}/perform/{action_id}.json?version=N` with Discourse's answers:
// 422 without a version, 403 for an action not offered, 409 for a stale version, 422 when
// another moderator holds the topic's claim.
import DemoCommunity
import Foundation

enum ReviewEndpoint {
    /// Discourse's `reviewables.*` messages.
    static let missingVersion = "You must supply a version parameter"
    /// Actions with `require_reject_reason` (revise-and-reject) refuse to run without one.
    static let missingReason = "A reason is required: send reject_reason (or revise_feedback)"
    static let conflict =
        "There was an update conflict preventing you from doing that. Someone else may have edited it."
    static let claimedByOther = "This item has been claimed by another user."
    static let mustClaim = "You must claim items before acting on them."

    static func pendingCount(_ data: CommunityData) -> Int {
        data.reviewables.values.filter { $0.status == .pending }.count
    }

    static func list(request: APIRequest, context: DemoContext) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        let query = try ReviewQueueQuery(request)
        return try context.state.read { data, materializer in
            try requireStaff(request.viewer, in: data)
            let matching = query.sorted(data.reviewables.values.filter { query.matches($0, data: data) })
            let page = matching.dropFirst(query.offset).prefix(ReviewQueueQuery.perPage)
            var sideLoads = ReviewSideLoads()
            let items = page.map { data.reviewItem($0, using: materializer) }
            let serialized = items.map {
                JSONValue.object(ReviewableSerializer.serialize($0, data: data, sideLoads: &sideLoads))
            }
            var object: JSONObject = ["reviewables": .array(serialized)]
            sideLoads.merge(into: &object, data: data, viewer: request.viewer)
            var meta = JSONObject()
            for (name, value) in query.echoed { meta[name] = value }
            meta["total_rows_reviewables"] = .int(matching.count)
            meta["types"] = ReviewableSerializer.metaTypes
            meta["reviewable_types"] = ReviewableSerializer.reviewableTypes
            meta["reviewable_count"] = .int(pendingCount(data))
            meta["unseen_reviewable_count"] = .int(pendingCount(data))
            if query.offset + ReviewQueueQuery.perPage < matching.count {
                meta["load_more_reviewables"] = .string(query.nextPageURL())
            }
            object["meta"] = .object(meta)
            object["__rest_serializer"] = "1"
            return .json(.object(object))
        }
    }

    static func show(request: APIRequest, context: DemoContext) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        let id = request.intParameter("id") ?? 0
        return try context.state.read { data, materializer in
            try requireStaff(request.viewer, in: data)
            guard let reviewable = data.reviewables[id] else { throw DemoAPIError.notFound }
            var sideLoads = ReviewSideLoads()
            let item = data.reviewItem(reviewable, using: materializer)
            var object: JSONObject = [
                "reviewable": .object(ReviewableSerializer.serialize(item, data: data, sideLoads: &sideLoads))
            ]
            sideLoads.merge(into: &object, data: data, viewer: request.viewer)
            object["meta"] = ["types": ReviewableSerializer.metaTypes]
            object["__rest_serializer"] = "1"
            return .json(.object(object))
        }
    }

    /// ReviewableExplanationSerializer: how each score adds up.
    static func explain(request: APIRequest, context: DemoContext) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        let id = request.intParameter("id") ?? 0
        return try context.state.read { data, _ in
            try requireStaff(request.viewer, in: data)
            guard let reviewable = data.reviewables[id] else { throw DemoAPIError.notFound }
            let scores = reviewable.scores.map { score -> JSONValue in
                let flagger = data.users[score.userId]
                let history = data.reviewables.values.flatMap(\.scores).filter { $0.userId == score.userId }
                return [
                    "user_id": .int(score.userId),
                    "type_bonus": .double(ReviewScoreType.catalogue[score.scoreType]?.bonus ?? 0),
                    "trust_level_bonus": .double(Double(flagger?.trustLevel ?? 0)),
                    "take_action_bonus": .double(flagger?.isStaff == true ? 5 : 0),
                    "flags_agreed": .int(history.filter { $0.status == 1 }.count),
                    "flags_disagreed": .int(history.filter { $0.status == 2 }.count),
                    "flags_ignored": .int(history.filter { $0.status == 3 }.count),
                    "user_accuracy_bonus": 0.0, "score": .double(score.score),
                    "score_type": ReviewScoreType.json(score.scoreType),
                ]
            }
            return .json([
                "reviewable_explanation": [
                    "id": .int(reviewable.id), "total_score": .double(reviewable.totalScore), "scores": .array(scores),
                ],
                "users": sideLoadUsers(reviewable.scores.map(\.userId), data: data, form: serializeBasicUser),
                "__rest_serializer": "1",
            ])
        }
    }

    static func count(request: APIRequest, context: DemoContext) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        return try context.state.read { data, _ in
            try requireStaff(request.viewer, in: data)
            return .json(["count": .int(pendingCount(data))])
        }
    }

    static func perform(request: APIRequest, context: DemoContext) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        let id = request.intParameter("id") ?? 0
        let actionId = request.pathParameters["action"] ?? ""
        let live = context.live
        let claimRequired = ModerationSettings.of(context.state).claimRequired
        return try context.state.write { data, materializer in
            let moderator = try requireStaff(request.viewer, in: data)
            guard let version = request.param("version").flatMap({ Int($0) }) else {
                return DemoAPIError(status: 422, errors: [missingVersion]).response
            }
            guard let reviewable = data.reviewables[id] else { throw DemoAPIError.notFound }
            if let claimant = data.claimant(ofTopic: reviewable.topicId), claimant != moderator.id {
                return DemoAPIError(status: 422, errors: [claimedByOther]).response
            }
            if claimRequired, reviewable.topicId != nil, data.claimant(ofTopic: reviewable.topicId) == nil {
                return DemoAPIError(status: 422, errors: [mustClaim]).response
            }
            let item = data.reviewItem(reviewable, using: materializer)
            guard let action = ReviewableActions.resolve(actionId, for: item) else {
                throw DemoAPIError.forbidden("Can't perform '\(actionId)' on this reviewable")
            }
            guard version == reviewable.version else { throw DemoAPIError.conflict(conflict) }
            let reason = request.param("reject_reason") ?? request.param("revise_feedback") ?? ""
            if action.requireRejectReason, reason.trimmingCharacters(in: .whitespaces).isEmpty {
                return DemoAPIError(status: 422, errors: [missingReason]).response
            }
            let outcome = try ReviewablePerformer.perform(
                action, on: item, by: moderator, data: &data, materializer: materializer, live: live)
            live.publishReviewableCounts(data: data)
            if let topic = item.topic, let current = data.topics[topic.id] { live.publishTopicReload(current) }
            var result: JSONObject = [
                "success": true, "version": .int(data.reviewables[id]?.version ?? version + 1),
                "remove_reviewable_ids": .array(outcome.status == .pending ? [] : [.int(id)]),
                "reviewable_count": .int(pendingCount(data)), "unseen_reviewable_count": .int(pendingCount(data)),
                "reviewable_updates": [String(id): ["status": .int(outcome.status.rawValue)]],
            ]
            if outcome.status != .pending {
                result["transition_to"] = .string(outcome.status.name)
                result["transition_to_id"] = .int(outcome.status.rawValue)
            }
            if let postId = outcome.createdPostId { result["created_post_id"] = .int(postId) }
            if let topicId = outcome.createdTopicId { result["created_post_topic_id"] = .int(topicId) }
            return .json(["reviewable_perform_result": .object(result)])
        }
    }
}
