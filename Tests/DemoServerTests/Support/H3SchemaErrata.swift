// Documented corrections for the write and moderation operations of the OpenAPI spec, in
// the format of Support/validate_schema.py: where the spec's schema, captured from one small
// response, is narrower than what Discourse really sends.
import Foundation

enum H3SchemaErrata {
    static let replyNumber =
        "reply_to_post_number is an integer (10,070 real posts, field_stats_real_forum.json); "
        + "the spec says string only because its capture had null."
    static let replyToUser = "Replies carry reply_to_user (8,610 real posts, field_stats_real_forum.json)."
    static let staffOnly =
        "PostSerializer includes reviewable_id and the score counts only for viewers who can "
        + "review (include_reviewable_id?); the spec's capture was made as an admin."

    static var entries: [[String: Any]] {
        let replyUserSchema: [String: Any] = ["type": "object", "required": ["username", "avatar_template"]]
        return [
            [
                "operation": "post /posts.json", "at": "", "types": ["reply_to_post_number": ["integer"]],
                "keys": ["reply_to_user": replyUserSchema], "nullable": ["display_username"],
                "reason": "\(replyNumber) \(replyToUser)",
            ],
            [
                "operation": "put /posts/{id}.json", "at": "post", "types": ["reply_to_post_number": ["integer"]],
                "keys": ["reply_to_user": replyUserSchema], "reason": "\(replyNumber) \(replyToUser)",
            ],
            [
                "operation": "post /post_actions.json", "at": "", "types": ["reply_to_post_number": ["integer"]],
                "optional": ["reviewable_id", "reviewable_score_count", "reviewable_score_pending_count"],
                "nullable": ["display_username", "name"], "reason": "\(replyNumber) \(staffOnly)",
            ],
            [
                "operation": "get /admin/users/{id}.json", "at": "",
                "keys": [
                    "suspended_till": ["type": "string"], "silenced_till": ["type": "string"],
                    "suspended_at": ["type": "string"],
                ],
                "reason": "AdminUserListSerializer sends suspended_at/suspended_till and silenced_till while a penalty "
                    + "lasts (include_suspended_at? is object.suspended?); the spec's user had none.",
            ],
        ]
    }

    static func json() throws -> Data {
        try JSONSerialization.data(withJSONObject: entries, options: [.prettyPrinted, .sortedKeys])
    }
}
