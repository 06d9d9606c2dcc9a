// Server-side drafts (`/drafts.json`, `/drafts/{key}.json`) with Discourse's sequence rule:
// every draft key of a user has a sequence, bumped when the draft is finished (a post is
// created) or discarded; saving with another sequence than the current one, while a draft
// exists, is a 409 — the draft was saved or finished in another window. A discarded draft
// leaves an empty record behind so its sequence survives.
import DemoCommunity
import Foundation

extension CommunityData {
    static func draftStorageKey(userId: Int, key: String) -> String { "\(userId):\(key)" }

    func draftSequence(userId: Int, key: String) -> Int {
        drafts[Self.draftStorageKey(userId: userId, key: key)]?.sequence ?? 0
    }

    /// Discards the draft and bumps its sequence (DraftSequence.next!); returns the new one.
    @discardableResult
    mutating func finishDraft(userId: Int, key: String, at date: Date) throws -> Int {
        let sequence = draftSequence(userId: userId, key: key) + 1
        drafts[Self.draftStorageKey(userId: userId, key: key)] = try ModelFactory.draft(
            userId: userId, key: key, data: "", sequence: sequence, at: date)
        return sequence
    }
}

enum DraftEndpoint {
    static let maxLimit = 50

    /// Discourse's `draft.sequence_conflict_error`.
    static let conflict = DemoAPIError(
        status: 409, errors: ["draft error"],
        extras: [
            "description":
                "Draft is prevented from saving because it was saved on another device or window. Please reload the page."
        ])

    static func list(request: APIRequest, context: DemoContext) throws -> APIResponse {
        let me = try requireUser(request.viewer)
        let offset = max(0, request.queryValue("offset").flatMap { Int($0) } ?? 0)
        let limit = min(maxLimit, max(1, request.queryValue("limit").flatMap { Int($0) } ?? maxLimit))
        return context.state.read { data, _ in
            let mine = data.drafts.values.filter { $0.userId == me && !$0.data.isEmpty }
                .sorted { $0.updatedAt != $1.updatedAt ? $0.updatedAt > $1.updatedAt : $0.key < $1.key }
            let page = mine.dropFirst(offset).prefix(limit)
            return .json(["drafts": .array(page.map { .object(serialize($0, data: data)) })])
        }
    }

    /// A draft of the list, as DraftSerializer writes it.
    static func serialize(_ draft: DemoDraft, data: CommunityData) -> JSONObject {
        let user = data.userOrSystem(draft.userId)
        let content = JSONValue.parse(Data(draft.data.utf8))
        var object: JSONObject = [
            "draft_key": .string(draft.key), "sequence": .int(draft.sequence), "draft_username": .string(user.username),
            "data": .string(draft.data), "created_at": .date(draft.updatedAt), "updated_at": .date(draft.updatedAt),
            "user_id": .int(user.id), "username": .string(user.username), "name": .optional(user.name),
            "avatar_template": .string(user.avatarTemplate),
        ]
        if let reply = content?["reply"]?.stringValue {
            object["excerpt"] = .string(TextFormatting.excerpt(reply, length: 200))
        }
        if draft.key.hasPrefix("topic_"), let id = Int(draft.key.dropFirst(6)), let topic = data.topics[id] {
            object["topic_id"] = .int(topic.id)
            object["title"] = .string(topic.title)
            object["slug"] = .string(topic.slug)
            object["category_id"] = .optional(topic.categoryId)
            object["archetype"] = .string(topic.archetype.rawValue)
        } else {
            object["title"] = .optional(content?["title"]?.stringValue)
            object["archetype"] = draft.key == "new_private_message" ? "private_message" : "regular"
        }
        return object
    }

    static func show(request: APIRequest, context: DemoContext) throws -> APIResponse {
        let me = try requireUser(request.viewer)
        let key = request.pathParameters["key"] ?? ""
        return context.state.read { data, _ in
            let stored = data.drafts[CommunityData.draftStorageKey(userId: me, key: key)]
            let content: JSONValue = stored.map { $0.data.isEmpty ? .null : .string($0.data) } ?? .null
            return .json(["draft": content, "draft_sequence": .int(stored?.sequence ?? 0)])
        }
    }

    static func save(request: APIRequest, context: DemoContext) throws -> APIResponse {
        let me = try requireUser(request.viewer)
        guard let key = request.param("draft_key"), !key.isEmpty else { throw DemoAPIError.badParameter("draft_key") }
        guard let content = request.param("data") else { throw DemoAPIError.badParameter("data") }
        let sequence = request.param("sequence").flatMap { Int($0) } ?? 0
        let force = request.param("force_save") == "true"
        return try context.state.write { data, _ in
            let storageKey = CommunityData.draftStorageKey(userId: me, key: key)
            let stored = data.drafts[storageKey]
            let current = stored?.sequence ?? 0
            let exists = !(stored?.data.isEmpty ?? true)
            // Like Draft.set: a stale sequence is a conflict while a draft exists; with no
            // draft left the save goes ahead at the current sequence.
            if sequence != current && exists && !force { throw conflict }
            data.drafts[storageKey] = try ModelFactory.draft(
                userId: me, key: key, data: content, sequence: current, at: Date())
            return .json(["success": "OK", "draft_sequence": .int(current)])
        }
    }

    static func delete(request: APIRequest, context: DemoContext) throws -> APIResponse {
        let me = try requireUser(request.viewer)
        let key = request.pathParameters["key"] ?? ""
        let sequence = request.param("sequence").flatMap { Int($0) }
        return try context.state.write { data, _ in
            let current = data.draftSequence(userId: me, key: key)
            if let sequence, sequence != current { throw conflict }
            let next = try data.finishDraft(userId: me, key: key, at: Date())
            return .json(["success": "OK", "draft_sequence": .int(next)])
        }
    }
}
