// Claiming a topic's reviewables so two moderators do not act on the same flags:
// `POST /reviewable_claimed_topics.json` (`reviewable_claimed_topic[topic_id]`; 409 with
// `reviewables.conflict` when the topic is already claimed, as the unique claim record
// makes it) and `DELETE /reviewable_claimed_topics/{topic_id}.json`. The claim is kept on
// the topic's reviewables and announced on `/reviewable_claimed` to staff.
import DemoCommunity
import Foundation

enum ClaimEndpoint {
    static func claim(request: APIRequest, context: DemoContext) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        let topicId = (request.param("reviewable_claimed_topic[topic_id]") ?? request.param("topic_id")).flatMap {
            Int($0)
        }
        guard let topicId else { throw DemoAPIError.badParameter("reviewable_claimed_topic") }
        let live = context.live
        return try context.state.write { data, _ in
            let moderator = try requireStaff(request.viewer, in: data)
            guard data.topics[topicId] != nil else { throw DemoAPIError.notFound }
            if data.claimant(ofTopic: topicId) != nil { throw DemoAPIError.conflict(ReviewEndpoint.conflict) }
            let now = Date()
            for id in data.reviewables.values.filter({ $0.topicId == topicId }).map(\.id) {
                data.reviewables[id]?.claimedByUserId = moderator.id
                data.reviewables[id]?.claimedAt = now
            }
            live.publish(
                "/reviewable_claimed",
                [
                    "topic_id": .int(topicId), "user": .object(serializeBasicUser(moderator)), "claimed": true,
                    "automatic": false,
                ], audience: .staff)
            return .json(["success": "OK"])
        }
    }

    static func release(request: APIRequest, context: DemoContext) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        let topicId = request.intParameter("topic_id") ?? 0
        let live = context.live
        return try context.state.write { data, _ in
            try requireStaff(request.viewer, in: data)
            guard data.topics[topicId] != nil else { throw DemoAPIError.notFound }
            for id in data.reviewables.values.filter({ $0.topicId == topicId }).map(\.id) {
                data.reviewables[id]?.claimedByUserId = nil
                data.reviewables[id]?.claimedAt = nil
            }
            live.publish(
                "/reviewable_claimed",
                ["topic_id": .int(topicId), "user": .null, "claimed": false, "automatic": false],
                audience: .staff)
            return .json(["success": "OK"])
        }
    }
}
