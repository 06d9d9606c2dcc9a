// The post action types of the demo community (the like and the built-in flags of modern
// Discourse's `Flag` rows), listed once so `/site.json`, post `actions_summary` and the flag
// endpoints agree on ids, names and which need a message.
import Foundation

struct PostActionType: Sendable {
    var id: Int
    var nameKey: String
    var name: String
    var description: String
    var shortDescription: String
    var isFlag: Bool
    var requireMessage: Bool
    /// "Post" and/or "Topic".
    var appliesTo: [String]
    var position: Int

    /// Like, then the flags in the order Discourse shows them.
    static let all: [PostActionType] = [
        PostActionType(
            id: 2, nameKey: "like", name: "Like", description: "Like this post", shortDescription: "Like this post",
            isFlag: false, requireMessage: false, appliesTo: ["Post"], position: 0),
        PostActionType(
            id: 3, nameKey: "off_topic", name: "It's Off-Topic",
            description:
                "This post is not relevant to the current discussion as defined by the title and first post, and should probably be moved elsewhere.",
            shortDescription: "Not relevant to the discussion", isFlag: true, requireMessage: false,
            appliesTo: ["Post", "Chat::Message"], position: 2),
        PostActionType(
            id: 4, nameKey: "inappropriate", name: "It's Inappropriate",
            description:
                "This post contains content that a reasonable person would consider offensive, abusive, to be hateful conduct or a violation of our community guidelines.",
            shortDescription: "A violation of our community guidelines", isFlag: true, requireMessage: false,
            appliesTo: ["Post", "Topic", "Chat::Message"], position: 3),
        PostActionType(
            id: 8, nameKey: "spam", name: "It's Spam",
            description:
                "This post is an advertisement, or vandalism. It is not useful or relevant to the current topic.",
            shortDescription: "This is an advertisement or vandalism", isFlag: true, requireMessage: false,
            appliesTo: ["Post", "Topic", "Chat::Message"], position: 4),
        PostActionType(
            id: 10, nameKey: "illegal", name: "It's Illegal",
            description: "This post requires staff attention because I believe it contains content that is illegal.",
            shortDescription: "This is illegal", isFlag: true, requireMessage: true,
            appliesTo: ["Post", "Topic", "Chat::Message"], position: 5),
        PostActionType(
            id: 6, nameKey: "notify_user", name: "Send @{{username}} a message",
            description: "I want to talk to this person directly and personally about their post.",
            shortDescription: "Send a private message", isFlag: true, requireMessage: true,
            appliesTo: ["Post", "Chat::Message"], position: 1),
        PostActionType(
            id: 7, nameKey: "notify_moderators", name: "Something Else",
            description: "This post requires staff attention for another reason not listed above.",
            shortDescription: "Something else requiring staff attention", isFlag: true, requireMessage: true,
            appliesTo: ["Post", "Topic", "Chat::Message"], position: 6),
    ]

    static func withId(_ id: Int) -> PostActionType? { all.first { $0.id == id } }

    /// Types offered on topics (`topic_flag_types`).
    static var topicFlags: [PostActionType] { all.filter { $0.isFlag && $0.appliesTo.contains("Topic") } }

    var json: JSONObject {
        [
            "id": .int(id), "name_key": .string(nameKey), "name": .string(name), "description": .string(description),
            "short_description": .string(shortDescription), "is_flag": .bool(isFlag),
            "require_message": .bool(requireMessage), "enabled": true,
            "applies_to": .array(appliesTo.map { .string($0) }), "is_used": true, "position": .int(position),
            "auto_action_type": .bool(id == 3 || id == 4 || id == 8), "system": true,
        ]
    }
}
