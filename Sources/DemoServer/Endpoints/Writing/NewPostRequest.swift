// What `POST /posts.json` asks for, read from a JSON or form body (or the query) the way
// posts#create reads its params: a reply (`topic_id`), a new topic (`title`, `category`,
// `tags[]`) or a private message (`archetype=private_message`, `target_recipients`).
import DemoCommunity
import Foundation

struct NewPostRequest: Sendable {
    enum Kind: Sendable, Equatable {
        case reply(topicId: Int)
        case topic
        case privateMessage
    }

    var kind: Kind
    var raw: String
    var replyToPostNumber: Int?
    var title: String?
    var categoryId: Int?
    var tags: [String]
    /// Usernames of a private message's recipients (groups are not modelled).
    var recipients: [String]
    var whisper: Bool
    var draftKey: String?
    /// `nested_post=true` wraps the answer as `{action, post, success}`.
    var nested: Bool
}

extension NewPostRequest {
    /// Reads the params of an HTTP request (an extension, so the memberwise initialiser
    /// stays available for posts the server writes itself).
    init(_ request: APIRequest) throws {
        raw = request.param("raw") ?? ""
        func integer(_ name: String) throws -> Int? {
            guard let text = request.param(name), !text.isEmpty else { return nil }
            guard let value = Int(text) else { throw DemoAPIError.badParameter(name) }
            return value
        }
        replyToPostNumber = try integer("reply_to_post_number")
        title = request.param("title")
        categoryId = try integer("category")
        tags = (request.params("tags[]") + request.params("tags")).flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        let recipientList = request.param("target_recipients") ?? request.param("target_usernames") ?? ""
        recipients = recipientList.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        whisper = request.param("whisper") == "true"
        draftKey = request.param("draft_key")
        nested = request.param("nested_post") == "true"
        if let topicId = try integer("topic_id") {
            kind = .reply(topicId: topicId)
        } else if request.param("archetype") == DemoTopic.Archetype.privateMessage.rawValue {
            kind = .privateMessage
        } else {
            kind = .topic
        }
    }

    /// The draft this post finishes: the one named, or the composer's default key.
    var finishedDraftKey: String {
        if let draftKey { return draftKey }
        switch kind {
        case .reply(let topicId): return "topic_\(topicId)"
        case .topic: return "new_topic"
        case .privateMessage: return "new_private_message"
        }
    }
}
