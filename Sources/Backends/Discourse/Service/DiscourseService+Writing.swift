import ForaCore
import ForaNet
import Foundation

/// Writes. None is retried automatically on connection errors or 5xx (the outbox owns that);
/// a 429 is waited out because the server did not process the request.
extension DiscourseService {
    public func createPost(_ post: NewPost) async throws -> PostCreationResult {
        var body: [String: Any] = ["raw": post.raw]
        if let topicID = post.topicID { body["topic_id"] = topicID }
        if let number = post.replyToPostNumber { body["reply_to_post_number"] = number }
        if let title = post.title { body["title"] = title }
        if let category = post.categoryID { body["category"] = category }
        if !post.tags.isEmpty { body["tags"] = post.tags }
        if let recipients = post.targetRecipients {
            body["archetype"] = "private_message"
            body["target_recipients"] = recipients
        }
        let response = try await send("POST", "/posts.json", json: body)
        struct Enqueued: Decodable {
            var action: String?
            var pendingCount: Int?
            enum CodingKeys: String, CodingKey {
                case action
                case pendingCount = "pending_count"
            }
        }
        if let queued = try? JSONDecoder().decode(Enqueued.self, from: Data(response.body)), queued.action == "enqueued"
        {
            return .enqueued(pendingCount: queued.pendingCount)
        }
        return .created(try ResponseDecoder.decode(Post.self, from: response.body, endpoint: "/posts.json"))
    }

    /// Edits a post. With `originalText` the server refuses (409 → `ForaError.conflict`) when
    /// the post changed meanwhile.
    public func editPost(id: Int, raw: String, originalText: String?, editReason: String?) async throws -> Post {
        var post: [String: Any] = ["raw": raw]
        if let originalText { post["original_text"] = originalText }
        if let editReason { post["edit_reason"] = editReason }
        let response = try await send("PUT", "/posts/\(id).json", json: ["post": post])
        struct Envelope: Decodable { var post: Post }
        return try ResponseDecoder.decode(Envelope.self, from: response.body, endpoint: "/posts/\(id).json").post
    }

    public func deletePost(id: Int) async throws {
        try await perform("DELETE", "/posts/\(id).json")
    }

    public func like(postID: Int) async throws -> Post {
        let response = try await send(
            "POST", "/post_actions.json", json: ["id": postID, "post_action_type_id": PostActionSummary.likeTypeID])
        return try ResponseDecoder.decode(Post.self, from: response.body, endpoint: "/post_actions.json")
    }

    public func unlike(postID: Int) async throws -> Post {
        let path = "/post_actions/\(postID).json?post_action_type_id=\(PostActionSummary.likeTypeID)"
        let response = try await send("DELETE", path)
        return try ResponseDecoder.decode(Post.self, from: response.body, endpoint: path)
    }

    /// Flags a post with a type from `siteMetadata().postFlagTypes` (some need a message).
    public func flag(postID: Int, flagTypeID: Int, message: String?) async throws {
        var body: [String: Any] = ["id": postID, "post_action_type_id": flagTypeID]
        if let message { body["message"] = message }
        try await perform("POST", "/post_actions.json", json: body)
    }

    /// Bookmarks a post; returns the bookmark's id.
    public func bookmark(postID: Int) async throws -> Int {
        let response = try await send(
            "POST", "/bookmarks.json", json: ["bookmarkable_id": postID, "bookmarkable_type": "Post"])
        struct Created: Decodable { var id: Int }
        return try ResponseDecoder.decode(Created.self, from: response.body, endpoint: "/bookmarks.json").id
    }

    public func deleteBookmark(id: Int) async throws {
        try await perform("DELETE", "/bookmarks/\(id).json")
    }

    public func acceptSolution(postID: Int) async throws {
        try await perform("POST", "/solution/accept.json", json: ["id": postID])
    }

    public func unacceptSolution(postID: Int) async throws {
        try await perform("POST", "/solution/unaccept.json", json: ["id": postID])
    }

    /// Reports reading time per post number (marks posts read).
    public func recordTimings(topicID: Int, milliseconds: [Int: Int]) async throws {
        var timings: [String: Int] = [:]
        for (number, ms) in milliseconds { timings[String(number)] = ms }
        let total = milliseconds.values.max() ?? 0
        try await perform(
            "POST", "/topics/timings", json: ["topic_id": topicID, "topic_time": total, "timings": timings])
    }

    /// Saves a draft; returns the new sequence (a stale one is a 409 conflict).
    public func saveDraft(_ draft: Draft) async throws -> Int {
        let response = try await send(
            "POST", "/drafts.json",
            json: ["draft_key": draft.key, "sequence": draft.sequence, "data": draft.data ?? "{}"])
        struct Saved: Decodable {
            var sequence: Int?
            enum CodingKeys: String, CodingKey { case sequence = "draft_sequence" }
        }
        return try ResponseDecoder.decode(Saved.self, from: response.body, endpoint: "/drafts.json").sequence
            ?? draft.sequence + 1
    }

    public func draft(key: String) async throws -> Draft? {
        struct Shown: Decodable {
            var draft: String?
            var sequence: Int?
            enum CodingKeys: String, CodingKey {
                case draft
                case sequence = "draft_sequence"
            }
        }
        let path = "/drafts/\(key.addingPercentEncodingForPath()).json"
        let shown = try await get(path, as: Shown.self)
        guard let data = shown.draft else { return nil }
        return Draft(key: key, data: data, sequence: shown.sequence ?? 0)
    }

    public func deleteDraft(key: String, sequence: Int) async throws {
        try await perform("DELETE", "/drafts/\(key.addingPercentEncodingForPath()).json?sequence=\(sequence)")
    }

    /// Closes, pins, archives or lists a topic (`visible` false unlists it).
    public func setTopicStatus(topicID: Int, status: TopicStatus, enabled: Bool) async throws {
        try await perform(
            "PUT", "/t/\(topicID)/status.json",
            json: ["status": status.rawValue, "enabled": enabled ? "true" : "false"])
    }

    /// Performs a review action; `version` must be the reviewable's current one (409 if stale).
    public func performReviewAction(reviewableID: Int, action: String, version: Int) async throws
        -> ReviewPerformResult
    {
        let path = "/review/\(reviewableID)/perform/\(action.addingPercentEncodingForPath()).json?version=\(version)"
        let response = try await send("PUT", path)
        return try ResponseDecoder.decode(ReviewPerformResult.self, from: response.body, endpoint: path)
    }

    public func markNotificationRead(id: Int) async throws {
        try await perform("PUT", "/notifications/mark-read.json", json: ["id": id])
    }

    public func claim(topicID: Int) async throws {
        try await perform(
            "POST", "/reviewable_claimed_topics.json", json: ["reviewable_claimed_topic": ["topic_id": topicID]])
    }

    public func unclaim(topicID: Int) async throws {
        try await perform("DELETE", "/reviewable_claimed_topics/\(topicID).json")
    }
}
