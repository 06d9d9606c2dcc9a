import ForaCore
import ForaNet
import Foundation

/// Staff calls on posts, users and topics, beside the review queue's: Discourse has no
/// "hide" endpoint, so hiding is a staff flag with `take_action` (what the web UI's
/// "hide post" does); unhiding, recovering, silencing and suspending have their own.
extension DiscourseService {
    /// Hides a post now: an `inappropriate` flag with `take_action=true` (staff only).
    public func hidePost(postID: Int) async throws {
        try await perform(
            "POST", "/post_actions.json",
            json: ["id": postID, "post_action_type_id": Self.inappropriateFlagTypeID, "take_action": "true"])
    }

    /// The flag type `hidePost` uses (Discourse's `inappropriate`).
    public static let inappropriateFlagTypeID = 4

    public func unhidePost(postID: Int) async throws {
        try await perform("PUT", "/posts/\(postID)/unhide.json")
    }

    public func recoverPost(postID: Int) async throws {
        try await perform("PUT", "/posts/\(postID)/recover.json")
    }

    /// `PUT /admin/users/{id}/silence|suspend.json` with a reason and an end date (nil:
    /// indefinitely; a suspension then lasts about a thousand years, as the web UI's "forever").
    public func penalize(userID: Int, suspend: Bool, reason: String, until: Date?) async throws {
        var body: [String: Any] = ["reason": reason]
        let field = suspend ? "suspend_until" : "silenced_till"
        if let until {
            body[field] = ISO8601DateFormatter().string(from: until)
        } else if suspend {
            body[field] = ISO8601DateFormatter().string(from: Date().addingTimeInterval(1_000 * 365 * 86_400))
        }
        try await perform("PUT", "/admin/users/\(userID)/\(suspend ? "suspend" : "silence").json", json: body)
    }

    /// Moves a topic to another category (`PUT /t/-/{id}.json` with `category_id`).
    public func moveTopic(topicID: Int, categoryID: Int) async throws {
        try await perform("PUT", "/t/-/\(topicID).json", json: ["category_id": categoryID])
    }

    /// How a reviewable's score adds up (`GET /review/{id}/explain.json`).
    public func reviewExplanation(id: Int) async throws -> ReviewExplanation {
        try await get("/review/\(id)/explain.json", as: ReviewExplanation.Envelope.self).explanation
    }
}
