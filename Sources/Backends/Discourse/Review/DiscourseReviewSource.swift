import ForaCore
import Foundation

/// Discourse's `ReviewDataSource`, given any way to send a request: `/review.json?status=…`
/// (ten a page, followed up to `maximumPages`), `/review/{id}.json`,
/// `PUT /review/{id}/perform/{action}.json?version=N`, the claim endpoints, and the admin
/// silence/suspend calls for penalties. It joins the queue's rest-serialized JSON with
/// ForaCore's `ReviewPayload` because `CommunityService`'s `ReviewQueue` does not carry the joins and
/// bundled actions the queue screen shows.
public final class DiscourseReviewSource: ReviewDataSource {
    /// Sends `method` to `path` (with its query) and returns the body; throws `ForaError`
    /// for non-2xx answers (409 as `.conflict`).
    public typealias Send = @Sendable (_ method: String, _ path: String) async throws -> [UInt8]
    private let send: Send
    private let maximumPages: Int

    public init(maximumPages: Int = 5, send: @escaping Send) {
        self.send = send
        self.maximumPages = maximumPages
    }

    public func viewer() async throws -> ReviewViewer {
        let json = try await object("GET", "/session/current.json")
        let user = json["current_user"] as? [String: Any] ?? [:]
        let permissions = ModerationViewer(
            isAdmin: user["admin"] as? Bool ?? false, isModerator: user["moderator"] as? Bool ?? false,
            trustLevel: user["trust_level"] as? Int ?? 0, isLoggedIn: !user.isEmpty)
        return ReviewViewer(username: user["username"] as? String ?? "", permissions: permissions)
    }

    public func list(_ filter: ReviewFilter) async throws -> ReviewPage {
        var items: [ReviewItem] = []
        var pending: Int?
        for page in 0..<maximumPages {
            let json = try await object("GET", "/review.json?\(filter.query)&offset=\(page * 10)")
            let payload = ReviewPayload(json)
            let reviewables = json["reviewables"] as? [[String: Any]] ?? []
            items += reviewables.map(payload.item)
            let meta = json["meta"] as? [String: Any] ?? [:]
            pending = meta["reviewable_count"] as? Int ?? pending
            if meta["load_more_reviewables"] == nil || reviewables.isEmpty { break }
        }
        var seen = Set<Int>()
        return ReviewPage(items: items.filter { seen.insert($0.id).inserted }, pendingCount: pending)
    }

    public func pendingCount() async throws -> Int {
        if let json = try? await object("GET", "/review/count.json"), let count = json["count"] as? Int {
            return count
        }
        let json = try await object("GET", "/review.json?status=pending")
        return (json["meta"] as? [String: Any])?["reviewable_count"] as? Int ?? 0
    }

    public func detail(id: Int) async throws -> ReviewItem {
        let path = "/review/\(id).json"
        let json = try await object("GET", path)
        guard let reviewable = json["reviewable"] as? [String: Any] else {
            throw ForaError.malformedResponse(endpoint: path, field: "reviewable")
        }
        return ReviewPayload(json).item(reviewable)
    }

    public func explain(id: Int) async throws -> ReviewExplanation {
        let bytes = try await send("GET", "/review/\(id)/explain.json")
        do {
            return try JSONDecoder().decode(ReviewExplanation.Envelope.self, from: Data(bytes)).explanation
        } catch {
            throw ForaError.malformedResponse(endpoint: "/review/\(id)/explain.json", field: "reviewable_explanation")
        }
    }

    /// The reason goes as `reject_reason` (reject actions) and as `revise_reason` and
    /// `revise_feedback` (revise-and-reject), the parameters Discourse's controller reads.
    public func perform(id: Int, actionID: String, version: Int, reason: String) async throws
        -> ReviewPerformOutcome
    {
        let words = Self.encode(reason)
        let query = "version=\(version)&reject_reason=\(words)&revise_reason=other&revise_feedback=\(words)"
        let json = try await object("PUT", "/review/\(id)/perform/\(Self.encode(actionID)).json?\(query)")
        return Self.outcome(json, id: id)
    }

    public func perform(id: Int, actionID: String, version: Int, penalty: ReviewPenalty?) async throws
        -> ReviewPerformOutcome
    {
        if let penalty {
            let until = ISO8601DateFormatter().string(from: Date().addingTimeInterval(Double(penalty.days) * 86_400))
            let field = penalty.kind == .suspend ? "suspend_until" : "silenced_till"
            let query = "\(field)=\(Self.encode(until))&reason=\(Self.encode(penalty.reason))"
            _ = try await send("PUT", "/admin/users/\(penalty.userID)/\(penalty.kind.rawValue).json?\(query)")
        }
        let json = try await object("PUT", "/review/\(id)/perform/\(Self.encode(actionID)).json?version=\(version)")
        return Self.outcome(json, id: id)
    }

    /// Whether the answer finalised the item, and the new pending count.
    static func outcome(_ json: [String: Any], id: Int) -> ReviewPerformOutcome {
        let result = json["reviewable_perform_result"] as? [String: Any] ?? [:]
        let removed = (result["remove_reviewable_ids"] as? [Int])?.contains(id) ?? false
        let update = (result["reviewable_updates"] as? [String: Any])?[String(id)] as? [String: Any]
        let status = update?["status"] as? Int
        let transitioned = result["transition_to"] is String
        return ReviewPerformOutcome(
            finished: removed || transitioned || (status.map { $0 != 0 } ?? false),
            pendingCount: result["reviewable_count"] as? Int)
    }

    /// `GET /posts/by_number/{topic}/{number}.json`, which includes `raw`.
    public func postForEditing(topicID: Int, postNumber: Int) async throws -> ReviewPostText {
        let path = "/posts/by_number/\(topicID)/\(postNumber).json"
        let json = try await object("GET", path)
        guard let id = json["id"] as? Int, let raw = json["raw"] as? String else {
            throw ForaError.malformedResponse(endpoint: path, field: "raw")
        }
        return ReviewPostText(id: id, raw: raw)
    }

    /// `PUT /posts/{id}.json` with `post[raw]` and `post[original_text]` (a 409 when the post
    /// changed since it was fetched).
    public func savePost(id: Int, raw: String, originalRaw: String) async throws {
        let query =
            "post%5Braw%5D=\(Self.encode(raw))&post%5Boriginal_text%5D=\(Self.encode(originalRaw))"
            + "&post%5Bedit_reason%5D=\(Self.encode("moderator edit from the review queue"))"
        _ = try await send("PUT", "/posts/\(id).json?\(query)")
    }

    public func claim(topicID: Int) async throws {
        _ = try await send("POST", "/reviewable_claimed_topics.json?reviewable_claimed_topic%5Btopic_id%5D=\(topicID)")
    }

    public func unclaim(topicID: Int) async throws {
        _ = try await send("DELETE", "/reviewable_claimed_topics/\(topicID).json")
    }

    private func object(_ method: String, _ path: String) async throws -> [String: Any] {
        let bytes = try await send(method, path)
        guard let json = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw ForaError.malformedResponse(endpoint: path, field: "body")
        }
        return json
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
