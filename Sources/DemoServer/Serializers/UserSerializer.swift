// Users as Discourse embeds them: the basic `{id, username, name, avatar_template}` object,
// the topic-list side-load form (`users[]` referenced by `posters[].user_id`) and the rest
// serializer form of moderation payloads.
import DemoCommunity
import Foundation

/// Discourse's `system` user, used when a referenced user no longer exists (as Discourse
/// shows posts of deleted users as "system").
let systemUser = DemoUser(
    id: -1, username: "system", name: "system", trustLevel: 4, role: .admin,
    createdAt: Date(timeIntervalSince1970: 0))

extension CommunityData {
    /// The user with `id`, or the system user when it is gone.
    func userOrSystem(_ id: Int) -> DemoUser {
        users[id] ?? systemUser
    }
}

/// `{id, username, name, avatar_template}`: BasicUserSerializer.
func serializeBasicUser(_ user: DemoUser) -> JSONObject {
    [
        "id": .int(user.id),
        "username": .string(user.username),
        "name": .optional(user.name),
        "avatar_template": .string(user.avatarTemplate),
    ]
}

/// A user of a topic list's top-level `users[]`: the basic user, as topic lists side-load
/// their posters (primary group and flair would follow, but the demo has no groups).
func serializeListUser(_ user: DemoUser) -> JSONObject {
    serializeBasicUser(user)
}

/// The rest-serializer side-load form (`users[]` beside `__rest_serializer: "1"` payloads
/// such as `/review.json`): the basic user with its role flags and trust level always present.
func serializeRestUser(_ user: DemoUser) -> JSONObject {
    var object = serializeBasicUser(user)
    object["trust_level"] = .int(user.trustLevel)
    object["moderator"] = .bool(user.role == .moderator)
    object["admin"] = .bool(user.role == .admin)
    object["staff"] = .bool(user.isStaff)
    return object
}

/// The users with `ids`, each once, in first-seen order, serialised by `form`; ids of
/// users that no longer exist are skipped.
func sideLoadUsers(_ ids: [Int], data: CommunityData, form: (DemoUser) -> JSONObject = serializeListUser)
    -> JSONValue
{
    var seen = Set<Int>()
    var out: [JSONValue] = []
    for id in ids where seen.insert(id).inserted {
        if let user = data.users[id] { out.append(.object(form(user))) }
    }
    return .array(out)
}
