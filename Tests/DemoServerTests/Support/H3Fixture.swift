import Foundation
import XCTest

// The fixture community of the write, moderation, auth and feed tests: the shared fixture
// plus what those endpoints need — a second moderator (`mod2`, for claim conflicts), a
// trust-level-0 user (`newbie`, whose posts are held), and pending reviewables in both
// action styles (a legacy flag, a refreshed flag, a queued post).
@testable import DemoCommunity
@testable import DemoServer

enum WriteFixture {
    static let mod2Id = 6, newbieId = 7
    static let legacyFlagId = 1, refreshedFlagId = 2, queuedPostId = 3
    /// Filler topics whose second posts (by Carol) are flagged.
    static let legacyFlagTopicId = 200, refreshedFlagTopicId = 201

    static func makeState() -> CommunityState {
        CommunityState(data: makeData(), materializer: MegathreadMaterializer())
    }

    /// The id of post `number` of `topic` in the fixture.
    static func postId(topic: Int, number: Int) -> Int {
        Fixture.makeData().postsByTopic[topic]?.first { $0.postNumber == number }?.id ?? 0
    }

    static func makeData() -> CommunityData {
        var data = Fixture.makeData()
        let created = Fixture.referenceDate - 10 * 86_400
        for user in [
            DemoUser(
                id: mod2Id, username: "mod2", name: "Second Moderator", trustLevel: 4, role: .moderator,
                createdAt: created),
            DemoUser(
                id: newbieId, username: "newbie", name: "New Person", trustLevel: 0, role: .user, createdAt: created),
        ] {
            data.users[user.id] = user
            data.userIdsByUsername[user.username.lowercased()] = user.id
        }
        data.nextUserId = 8

        func score(_ id: Int, _ user: Int, _ type: Int, _ value: Double, message: String? = nil) -> DemoReviewable.Score
        {
            DemoReviewable.Score(
                id: id, userId: user, scoreType: type, score: value, reason: nil, message: message,
                createdAt: created, status: 0)
        }
        func flagged(_ id: Int, topic: Int, style: DemoReviewable.ActionStyle, scores: [DemoReviewable.Score])
            -> DemoReviewable
        {
            DemoReviewable(
                id: id, kind: .flaggedPost, status: .pending, actionStyle: style, topicId: topic,
                categoryId: Fixture.generalCategoryId, postId: postId(topic: topic, number: 2),
                targetUserId: Fixture.carolId,
                createdById: scores.first?.userId ?? Fixture.aliceId, createdAt: created, version: 0, scores: scores,
                payloadRaw: nil, payloadTitle: nil, claimedByUserId: nil, claimedAt: nil, completedBundles: [],
                reviewedById: nil, reviewedAt: nil)
        }
        data.reviewables[legacyFlagId] = flagged(
            legacyFlagId, topic: legacyFlagTopicId, style: .legacy,
            scores: [score(1, Fixture.aliceId, 8, 8), score(2, Fixture.bobId, 3, 2)])
        data.reviewables[refreshedFlagId] = flagged(
            refreshedFlagId, topic: refreshedFlagTopicId, style: .refreshed,
            scores: [score(3, Fixture.aliceId, 7, 3, message: "This reads like an advert.")])
        data.reviewables[queuedPostId] = DemoReviewable(
            id: queuedPostId, kind: .queuedPost, status: .pending, actionStyle: .legacy,
            topicId: Fixture.unsolvedTopicId,
            categoryId: Fixture.supportCategoryId, postId: nil, targetUserId: newbieId, createdById: newbieId,
            createdAt: created, version: 0, scores: [score(4, -1, 9, 1)],
            payloadRaw: "Same here, the layout resets to US after every update.", payloadTitle: nil,
            claimedByUserId: nil,
            claimedAt: nil, completedBundles: [], reviewedById: nil, reviewedAt: nil)
        data.nextReviewableId = 4
        return data
    }
}

/// A test case serving the write fixture, with helpers to send JSON and form bodies.
class WriteServerTestCase: DemoServerTestCase {
    override func makeConfiguration() -> DemoServerConfiguration {
        var configuration = DemoServerConfiguration()
        configuration.community = WriteFixture.makeState()
        return configuration
    }

    var mod2: [String: String] { apiKeyHeaders("mod2") }
    var newbie: [String: String] { apiKeyHeaders("newbie") }
    var carol: [String: String] { apiKeyHeaders("carol") }

    /// Sends `body` as JSON.
    func sendJSON(_ method: String, _ path: String, _ body: [String: Any], headers: [String: String]) async throws
        -> RawHTTPResponse
    {
        var headers = headers
        headers["Content-Type"] = "application/json"
        return try await client.send(method, path, headers: headers, body: JSONSerialization.data(withJSONObject: body))
    }

    /// Sends `fields` form-encoded, in order.
    func sendForm(_ method: String, _ path: String, _ fields: [(String, String)], headers: [String: String])
        async throws
        -> RawHTTPResponse
    {
        var headers = headers
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = fields.map { name, value in
            "\(name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)"
        }.joined(separator: "&")
        return try await client.send(method, path, headers: headers, body: Data(body.utf8))
    }

    /// The `errors` of a Discourse error body.
    func errors(_ response: RawHTTPResponse) -> [String] {
        ((try? response.jsonObject())?["errors"] as? [String]) ?? []
    }
}
