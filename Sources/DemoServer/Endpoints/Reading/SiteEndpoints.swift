// Site metadata a client bootstraps from: `/site.json` (categories, flag types, notification
// types, trust levels…), `/site/basic-info.json` and `/site/settings.json`; and the category
// list `/categories.json` with `/c/{id}/show.json`.
import DemoCommunity
import Foundation

enum SiteEndpoint {
    /// Discourse's notification type ids (the required ones of the reference schema and the
    /// solved plugin's, which borrows `custom`).
    static let notificationTypes: [(String, Int)] = [
        ("mentioned", 1), ("replied", 2), ("quoted", 3), ("edited", 4), ("liked", 5), ("private_message", 6),
        ("invited_to_private_message", 7), ("invitee_accepted", 8), ("posted", 9), ("moved_post", 10),
        ("linked", 11), ("granted_badge", 12), ("invited_to_topic", 13), ("custom", 14), ("group_mentioned", 15),
        ("group_message_summary", 16), ("watching_first_post", 17), ("topic_reminder", 18),
        ("liked_consolidated", 19), ("post_approved", 20), ("code_review_commit_approved", 21),
        ("membership_request_accepted", 22), ("membership_request_consolidated", 23), ("bookmark_reminder", 24),
        ("reaction", 25), ("votes_released", 26), ("event_reminder", 27), ("event_invitation", 28),
        ("chat_mention", 29), ("chat_message", 30), ("chat_invitation", 31), ("chat_group_mention", 32),
        ("chat_quoted", 33), ("assigned", 34), ("question_answer_user_commented", 35),
        ("watching_category_or_tag", 36), ("new_features", 37), ("admin_problems", 38),
        ("linked_consolidated", 39), ("chat_watched_thread", 40), ("following", 800),
        ("following_created_topic", 801), ("following_replied", 802), ("circles_activity", 900),
    ]

    /// Discourse's automatic groups.
    static let automaticGroups: [(Int, String)] = [
        (1, "admins"), (2, "moderators"), (3, "staff"), (10, "trust_level_0"), (11, "trust_level_1"),
        (12, "trust_level_2"), (13, "trust_level_3"), (14, "trust_level_4"),
    ]

    static func site(viewer: Viewer, data: CommunityData) -> JSONValue {
        let me = viewerUser(viewer, in: data)
        let staff = me?.isStaff ?? false
        let stats = CategoryStatistics(data: data)
        let categories = data.categories.sorted { $0.position < $1.position }
        var types = JSONObject()
        for (name, id) in notificationTypes { types[name] = .int(id) }
        let uncategorized = categories.first { $0.slug == "uncategorized" }?.id ?? categories.first?.id ?? 1
        let object: JSONObject = [
            "default_archetype": "regular",
            "notification_types": .object(types),
            "post_types": ["regular": 1, "moderator_action": 2, "small_action": 3, "whisper": 4],
            "trust_levels": ["newuser": 0, "basic": 1, "member": 2, "regular": 3, "leader": 4],
            "user_tips": [
                "first_notification": 1, "topic_timeline": 2, "post_menu": 3, "topic_notification_levels": 4,
                "suggested_topics": 5,
            ],
            "groups": .array(
                automaticGroups.map { id, name in
                    [
                        "id": .int(id), "name": .string(name), "flair_url": .null, "flair_bg_color": .null,
                        "flair_color": .null, "automatic": true,
                    ]
                }),
            "filters": ["latest", "unread", "new", "unseen", "top", "read", "posted", "bookmarks"],
            "periods": .array(TopPeriod.allCases.map { .string($0.rawValue) }),
            "top_menu_items": ["latest", "new", "unread", "top", "categories"],
            "anonymous_top_menu_items": ["latest", "top", "categories"],
            "uncategorized_category_id": .int(uncategorized),
            "user_field_max_length": 2048,
            "post_action_types": .array(PostActionType.all.map { .object($0.json) }),
            "topic_flag_types": .array(PostActionType.topicFlags.map { .object($0.json) }),
            "can_create_tag": .bool(staff),
            "can_tag_topics": .bool(me != nil),
            "can_tag_pms": .bool(staff),
            "tags_filter_regexp": "[/\\?#\\[\\]@!\\$&'\\(\\)\\*\\+,;=\\.%\\\\`^\\s|\\{\\}\"<>]+",
            "top_tags": .array(topTags(data).map { .object(serializeTag($0)) }),
            "email_configured": true,
            "topic_featured_link_allowed_category_ids": [],
            "user_themes": [["theme_id": 1, "name": "Default", "default": true, "color_scheme_id": .null]],
            "user_color_schemes": [],
            "default_light_color_scheme": .null,
            "default_dark_color_scheme": .null,
            "censored_regexp": [],
            "custom_emoji_translation": .object([:]),
            "watched_words_replace": .null,
            "watched_words_link": .null,
            "categories": .array(categories.map { .object(serializeSiteCategory($0, stats: stats, viewer: me)) }),
            "archetypes": [["id": "regular", "name": "Regular Topic", "options": []]],
            "user_fields": [],
            "auth_providers": [],
            "full_name_required_for_signup": false,
            "full_name_visible_in_signup": true,
            "homepage_choices": [
                ["name": "Latest", "value": "latest"], ["name": "Categories", "value": "categories"],
            ],
        ]
        return .object(object)
    }

    /// The most used tags, most used first (ties by name).
    static func topTags(_ data: CommunityData, limit: Int = 20) -> [String] {
        var counts: [String: Int] = [:]
        for topic in data.topics.values where !topic.isPrivateMessage && topic.deletedAt == nil {
            for tag in topic.tags { counts[tag, default: 0] += 1 }
        }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(limit).map(\.key)
    }

    static func basicInfo(data: CommunityData) -> JSONValue {
        [
            "logo_url": "/images/discourse-logo-sketch.png",
            "logo_small_url": "/images/discourse-logo-sketch-small.png",
            "apple_touch_icon_url": "/images/default-apple-touch-icon.png",
            "favicon_url": "/images/default-favicon.ico",
            "title": .string(data.title),
            "description": .string(data.description),
            "header_primary_color": "333333",
            "header_background_color": "ffffff",
            "login_required": false,
            "locale": "en",
            "include_in_discourse_discover": false,
            "mobile_logo_url": "",
        ]
    }

    static func categoryList(viewer: Viewer, data: CommunityData) -> JSONValue {
        let me = viewerUser(viewer, in: data)
        let stats = CategoryStatistics(data: data)
        let categories = data.categories.sorted { $0.position < $1.position }
        return [
            "category_list": [
                "can_create_category": .bool(me?.role == .admin),
                "can_create_topic": .bool(me != nil),
                "categories": .array(
                    categories.map { .object(serializeDetailedCategory($0, stats: stats, viewer: me)) }),
            ]
        ]
    }
}

extension RouteTable {
    mutating func registerSiteEndpoints() {
        get("/site.json") { request, context in
            context.state.read { data, _ in .json(SiteEndpoint.site(viewer: request.viewer, data: data)) }
        }
        get("/site/basic-info.json") { _, context in
            context.state.read { data, _ in .json(SiteEndpoint.basicInfo(data: data)) }
        }
        get("/site/settings.json") { _, context in
            context.state.read { data, _ in
                var settings = DemoSiteSettings.json
                settings["title"] = .string(data.title)
                return .json(.object(settings))
            }
        }
        get("/categories.json") { request, context in
            context.state.read { data, _ in .json(SiteEndpoint.categoryList(viewer: request.viewer, data: data)) }
        }
        get("/c/{id:int}/show.json") { request, context in
            try context.state.read { data, _ in
                guard let category = data.categories.first(where: { $0.id == request.intParameter("id") }) else {
                    throw DemoAPIError.notFound
                }
                let object = serializeDetailedCategory(
                    category, stats: CategoryStatistics(data: data), viewer: viewerUser(request.viewer, in: data))
                return .json(["category": .object(object)])
            }
        }
    }
}
