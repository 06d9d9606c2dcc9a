// Categories as `/categories.json` (CategoryDetailedSerializer) and `/site.json`
// (SiteCategorySerializer) send them, with topic and post counts computed from the topics.
import DemoCommunity
import Foundation

/// Per-category counts from one pass over the topics.
struct CategoryStatistics {
    var topics: [Int: Int] = [:]
    var posts: [Int: Int] = [:]
    /// Topics created in the last day, week, month and year, keyed like Discourse's fields.
    var recentTopics: [String: [Int: Int]] = [:]

    static let periods: [(key: String, seconds: TimeInterval)] = [
        ("topics_day", 86_400), ("topics_week", 7 * 86_400), ("topics_month", 30 * 86_400),
        ("topics_year", 365 * 86_400),
    ]

    init(data: CommunityData) {
        let now = data.generatedAt
        for topic in data.topics.values where !topic.isPrivateMessage && topic.deletedAt == nil {
            guard let category = topic.categoryId else { continue }
            topics[category, default: 0] += 1
            posts[category, default: 0] += topic.postsCount
            for period in Self.periods where topic.createdAt >= now.addingTimeInterval(-period.seconds) {
                recentTopics[period.key, default: [:]][category, default: 0] += 1
            }
        }
    }
}

/// The fields both category forms share, in Discourse's order.
private func baseCategory(_ category: DemoCategory, stats: CategoryStatistics, viewer: DemoUser?) -> JSONObject {
    let permission: Int
    if let viewer {
        permission = viewer.isStaff || !category.staffOnlyTopics ? 1 : 2
    } else {
        permission = 3
    }
    let descriptionText = TextFormatting.plainText(fromHTML: category.description)
    return [
        "id": .int(category.id),
        "name": .string(category.name),
        "color": .string(category.color),
        "text_color": .string(category.textColor),
        "style_type": "square",
        "emoji": .null,
        "icon": .null,
        "slug": .string(category.slug),
        "topic_count": .int(stats.topics[category.id] ?? 0),
        "post_count": .int(stats.posts[category.id] ?? 0),
        "position": .int(category.position),
        "description": .string(category.description),
        "description_text": .string(descriptionText),
        "description_excerpt": .string(TextFormatting.excerpt(descriptionText, length: 300)),
        "topic_url": .string("/t/about-the-\(category.slug)-category"),
        "read_restricted": false,
        "permission": .int(permission),
        "notification_level": 1,
        "can_edit": .bool(viewer?.role == .admin),
        "topic_template": .null,
        "topic_title_placeholder": .null,
        "has_children": false,
        "subcategory_count": .null,
        "sort_order": .null,
        "sort_ascending": .null,
        "show_subcategory_list": false,
        "num_featured_topics": 3,
        "default_view": .null,
        "subcategory_list_style": "rows_with_featured_topics",
        "default_top_period": "all",
        "default_list_filter": "all",
        "minimum_required_tags": 0,
        "navigate_to_first_post_after_read": false,
    ]
}

/// A category of `/categories.json`.
func serializeDetailedCategory(_ category: DemoCategory, stats: CategoryStatistics, viewer: DemoUser?) -> JSONObject {
    var object = baseCategory(category, stats: stats, viewer: viewer)
    for period in CategoryStatistics.periods {
        object[period.key] = .int(stats.recentTopics[period.key]?[category.id] ?? 0)
    }
    object["topics_all_time"] = .int(stats.topics[category.id] ?? 0)
    object["subcategory_ids"] = []
    object["uploaded_logo"] = .null
    object["uploaded_logo_dark"] = .null
    object["uploaded_background"] = .null
    object["uploaded_background_dark"] = .null
    return object
}

/// A category of `/site.json`. The solved plugin's per-category switch travels in
/// `custom_fields.enable_accepted_answers`, as the plugin exposes it.
func serializeSiteCategory(_ category: DemoCategory, stats: CategoryStatistics, viewer: DemoUser?) -> JSONObject {
    var object = baseCategory(category, stats: stats, viewer: viewer)
    object["allow_global_tags"] = false
    object["required_tag_groups"] = []
    object["read_only_banner"] = .null
    object["uploaded_logo"] = .null
    object["uploaded_logo_dark"] = .null
    object["uploaded_background"] = .null
    object["uploaded_background_dark"] = .null
    object["custom_fields"] = ["enable_accepted_answers": .string(category.solvedEnabled ? "true" : "false")]
    return object
}
