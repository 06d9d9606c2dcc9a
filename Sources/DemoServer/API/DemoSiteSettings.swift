// The site settings of the demo community that clients may read (`/site/settings.json`) and
// that the write endpoints enforce, in one place so both agree. Values are Discourse's
// defaults unless noted.
import Foundation

public enum DemoSiteSettings {
    public static let minPostLength = 20
    public static let minFirstPostLength = 20
    public static let maxPostLength = 32_000
    public static let minTopicTitleLength = 15
    public static let maxTopicTitleLength = 255
    public static let minPersonalMessagePostLength = 10
    public static let minPersonalMessageTitleLength = 2
    public static let maxTagsPerTopic = 5
    public static let minSearchTermLength = 3
    public static let topicsPerPage = 30
    public static let postsPerChunk = 20
    public static let allowUserAPIKeyScopes = ["read", "write", "message_bus", "push", "notifications", "session_info"]
    public static let allowedUserAPIAuthRedirects = [
        "https://api.discourse.org/api/auth_redirect", "discourse://auth_redirect",
    ]

    /// The settings as `/site/settings.json` sends them (a flat object of client settings).
    static var json: JSONObject {
        [
            "title": "Fora Demo Community",
            "min_post_length": .int(minPostLength),
            "min_first_post_length": .int(minFirstPostLength),
            "max_post_length": .int(maxPostLength),
            "min_topic_title_length": .int(minTopicTitleLength),
            "max_topic_title_length": .int(maxTopicTitleLength),
            "min_personal_message_post_length": .int(minPersonalMessagePostLength),
            "min_personal_message_title_length": .int(minPersonalMessageTitleLength),
            "allow_uncategorized_topics": true,
            "enable_names": true,
            "tagging_enabled": true,
            "max_tags_per_topic": .int(maxTagsPerTopic),
            "min_search_term_length": .int(minSearchTermLength),
            "topics_per_page": .int(topicsPerPage),
            "allow_user_api_key_scopes": .string(allowUserAPIKeyScopes.joined(separator: "|")),
            "allowed_user_api_auth_redirects": .string(allowedUserAPIAuthRedirects.joined(separator: "|")),
            "solved_enabled": true,
            "accept_solutions_topic_author": true,
            "login_required": false,
            "default_locale": "en",
        ]
    }
}
