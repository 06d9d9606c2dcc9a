// New model values for the write endpoints. The model types of DemoCommunity have public
// properties but (except DemoUser) no public initialisers, so outside their module the one
// public way to make one is their Codable conformance: each factory below fills the
// fields by name and decodes. If the model gains public memberwise initialisers, these
// bodies shrink to a call each and nothing else changes.
import DemoCommunity
import Foundation

enum ModelFactory {
    /// Decodes `T` from named fields (dates as `Date`, nil values left out).
    static func make<T: Decodable>(_ type: T.Type, _ fields: [String: Any?]) throws -> T {
        let present = fields.compactMapValues { $0.map(jsonReady) }
        do {
            let json = try JSONSerialization.data(withJSONObject: present)
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .secondsSince1970
            return try decoder.decode(T.self, from: json)
        } catch {
            throw DemoAPIError(status: 500, errors: ["could not make a \(T.self): \(error)"])
        }
    }

    private static func jsonReady(_ value: Any) -> Any {
        switch value {
        case let date as Date: date.timeIntervalSince1970
        case let array as [Any]: array.map(jsonReady)
        case let object as [String: Any?]: object.compactMapValues { $0.map(jsonReady) }
        case let object as [String: Any]: object.mapValues(jsonReady)
        default: value
        }
    }

    static func post(
        id: Int, topicId: Int, postNumber: Int, userId: Int, raw: String, cooked: String, at date: Date,
        replyTo: Int?, postType: Int, actionCode: String?
    ) throws -> DemoPost {
        try make(
            DemoPost.self,
            [
                "id": id, "topicId": topicId, "postNumber": postNumber, "userId": userId, "raw": raw, "cooked": cooked,
                "createdAt": date, "updatedAt": date, "replyToPostNumber": replyTo, "postType": postType,
                "actionCode": actionCode, "version": 1, "likedByUserIds": [Int](), "bookmarkedByUserIds": [Int](),
                "hidden": false, "reads": 1, "wiki": false,
            ])
    }

    static func topic(
        id: Int, title: String, categoryId: Int?, tags: [String], archetype: DemoTopic.Archetype, userId: Int,
        at date: Date, allowedUserIds: [Int], firstPostId: Int
    ) throws -> DemoTopic {
        try make(
            DemoTopic.self,
            [
                "id": id, "title": title, "slug": slugify(title), "categoryId": categoryId, "tags": tags,
                "archetype": archetype.rawValue, "userId": userId, "createdAt": date, "views": 1, "pinned": false,
                "pinnedGlobally": false, "closed": false, "archived": false, "visible": true,
                "allowedUserIds": allowedUserIds,
                "highestPostNumber": 0, "postsCount": 0, "lastPostedAt": date, "lastPosterId": userId, "likeCount": 0,
                "firstPostId": firstPostId, "generatedPostCount": 0, "excerpt": "",
            ])
    }

    static func score(
        id: Int, userId: Int, scoreType: Int, score: Double, reason: String?, message: String?, at date: Date
    ) throws -> DemoReviewable.Score {
        try make(
            DemoReviewable.Score.self,
            [
                "id": id, "userId": userId, "scoreType": scoreType, "score": score, "reason": reason,
                "message": message,
                "createdAt": date, "status": 0,
            ])
    }

    static func reviewable(
        id: Int, kind: DemoReviewable.Kind, style: DemoReviewable.ActionStyle, topicId: Int?, categoryId: Int?,
        postId: Int?, targetUserId: Int?, createdById: Int, at date: Date, scores: [DemoReviewable.Score],
        payloadRaw: String? = nil, payloadTitle: String? = nil
    ) throws -> DemoReviewable {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        let encodedScores = try scores.map { score -> Any in
            try JSONSerialization.jsonObject(with: encoder.encode(score))
        }
        return try make(
            DemoReviewable.self,
            [
                "id": id, "kind": kind.rawValue, "status": DemoReviewable.Status.pending.rawValue,
                "actionStyle": style.rawValue, "topicId": topicId, "categoryId": categoryId, "postId": postId,
                "targetUserId": targetUserId, "createdById": createdById, "createdAt": date, "version": 0,
                "scores": encodedScores, "payloadRaw": payloadRaw, "payloadTitle": payloadTitle,
                "completedBundles": [String](),
            ])
    }

    static func notification(
        id: Int, userId: Int, type: Int, highPriority: Bool, at date: Date, topicId: Int?, postNumber: Int?,
        slug: String?, data: [String: String]
    ) throws -> DemoNotification {
        try make(
            DemoNotification.self,
            [
                "id": id, "userId": userId, "notificationType": type, "read": false, "highPriority": highPriority,
                "createdAt": date, "topicId": topicId, "postNumber": postNumber, "slug": slug, "data": data,
            ])
    }

    static func draft(userId: Int, key: String, data: String, sequence: Int, at date: Date) throws -> DemoDraft {
        try make(DemoDraft.self, ["userId": userId, "key": key, "data": data, "sequence": sequence, "updatedAt": date])
    }

    static func userApiKey(
        key: String, userId: Int, clientId: String, applicationName: String, scopes: [String], at date: Date
    ) throws -> DemoUserApiKey {
        try make(
            DemoUserApiKey.self,
            [
                "key": key, "userId": userId, "clientId": clientId, "applicationName": applicationName,
                "scopes": scopes,
                "createdAt": date,
            ])
    }
}
