// The `/u/{username}.json` user (UserSerializer): the public profile for everyone, plus the
// private fields (options, muted and watched lists, keys) for the user themself and staff,
// as Discourse includes them only when the viewer may edit the user.
import DemoCommunity
import Foundation

/// Activity figures of one user, from one pass over topics and the materialised posts.
/// Posts of topics never materialised count only as their first post (the topic's author),
/// which keeps a scaled community cheap; the seeded community is read whole at start.
struct UserActivity {
    var postCount = 0
    var topicCount = 0
    var lastPostedAt: Date?

    init(userId: Int, data: CommunityData) {
        for topic in data.topics.values where topic.deletedAt == nil && !topic.isPrivateMessage {
            if topic.userId == userId { topicCount += 1 }
            if let posts = data.postsByTopic[topic.id] {
                for post in posts where post.userId == userId && post.deletedAt == nil {
                    postCount += 1
                    if lastPostedAt.map({ post.createdAt > $0 }) ?? true { lastPostedAt = post.createdAt }
                }
            } else if topic.userId == userId {
                postCount += 1
                if lastPostedAt.map({ topic.createdAt > $0 }) ?? true { lastPostedAt = topic.createdAt }
            }
        }
    }
}

func serializeUserProfile(_ user: DemoUser, data: CommunityData, viewer: Viewer) -> JSONObject {
    let me = viewerUser(viewer, in: data)
    let isSelf = me?.id == user.id
    let mayEdit = isSelf || me?.role == .admin
    let activity = UserActivity(userId: user.id, data: data)

    var object: JSONObject = [
        "id": .int(user.id),
        "username": .string(user.username),
        "name": .optional(user.name),
        "avatar_template": .string(user.avatarTemplate),
        "last_posted_at": .optionalDate(activity.lastPostedAt),
        "last_seen_at": .date(activity.lastPostedAt ?? user.createdAt),
        "created_at": .date(user.createdAt),
        "ignored": false,
        "muted": false,
        "can_ignore_user": .bool(me != nil && !isSelf && !user.isStaff),
        "can_mute_user": .bool(me != nil && !isSelf && !user.isStaff),
        "can_send_private_messages": .bool(me != nil),
        "can_send_private_message_to_user": .bool(me != nil && !isSelf),
        "trust_level": .int(user.trustLevel),
        "moderator": .bool(user.role == .moderator),
        "admin": .bool(user.role == .admin),
        "title": .optional(user.title),
        "badge_count": .int(user.badgeIds.count),
        "custom_fields": .object([:]),
        "time_read": .int(activity.postCount * 420),
        "recent_time_read": .int(min(activity.postCount, 10) * 420),
        "primary_group_id": .null,
        "primary_group_name": .null,
        "flair_group_id": .null,
        "flair_name": .null,
        "flair_url": .null,
        "flair_bg_color": .null,
        "flair_color": .null,
        "featured_topic": .null,
        "staged": false,
        "can_edit": .bool(mayEdit),
        "can_edit_username": .bool(mayEdit),
        "can_edit_email": .bool(mayEdit),
        "can_edit_name": .bool(mayEdit),
        "uploaded_avatar_id": .null,
        "has_title_badges": .bool(!user.badgeIds.isEmpty),
        "pending_count": 0,
        "profile_view_count": .int(user.id * 7 % 300),
        "second_factor_enabled": false,
        "can_upload_profile_header": .bool(mayEdit),
        "can_upload_user_card_background": .bool(mayEdit),
        "post_count": .int(activity.postCount),
        "topic_count": .int(activity.topicCount),
        "can_be_deleted": .bool(me?.role == .admin && !isSelf && activity.postCount == 0),
        "can_delete_all_posts": .bool(me?.role == .admin && !isSelf),
    ]
    if let bio = user.bio {
        object["bio_raw"] = .string(bio)
        object["bio_cooked"] = .string("<p>\(TextFormatting.htmlEscaped(bio))</p>")
        object["bio_excerpt"] = .string(TextFormatting.excerpt(bio, length: 300))
    }
    if let until = user.suspendedUntil, until > Date() {
        object["suspended_till"] = .date(until)
        object["suspend_reason"] = .optional(user.suspendReason)
    }
    if let until = user.silencedUntil, until > Date() {
        object["silenced_till"] = .date(until)
        object["silence_reason"] = .optional(user.silenceReason)
    }
    if isSelf || (me?.isStaff ?? false) {
        addPrivateFields(to: &object, user: user, data: data)
    }
    return object
}

/// The fields only the user and staff see: preferences, muted/watched lists, keys, groups.
private func addPrivateFields(to object: inout JSONObject, user: DemoUser, data: CommunityData) {
    object["locale"] = "en"
    for key in [
        "muted_category_ids", "regular_category_ids", "watched_tags", "watching_first_post_tags",
        "tracked_tags", "muted_tags", "tracked_category_ids", "watched_category_ids",
        "watched_first_post_category_ids",
    ] {
        object[key] = []
    }
    object["system_avatar_upload_id"] = .null
    object["system_avatar_template"] = .string(user.avatarTemplate)
    object["muted_usernames"] = []
    object["ignored_usernames"] = []
    object["allowed_pm_usernames"] = []
    object["mailing_list_posts_per_day"] = 0
    object["can_change_bio"] = true
    object["can_change_location"] = true
    object["can_change_website"] = true
    object["can_change_tracking_preferences"] = true
    // Discourse sends the list of the user's User API Keys' applications, null when none.
    let keys = data.userApiKeys.values.filter { $0.userId == user.id && $0.revokedAt == nil }
    object["user_api_keys"] =
        keys.isEmpty
        ? .null
        : .array(
            keys.sorted { $0.createdAt < $1.createdAt }.map { key in
                [
                    "id": .int(tagId(key.key)), "application_name": .string(key.applicationName),
                    "scopes": .array(key.scopes.map { .string($0) }), "created_at": .date(key.createdAt),
                    "last_used_at": .date(key.createdAt),
                ]
            })
    object["user_auth_tokens"] = []
    var schedule: JSONObject = ["enabled": false]
    for day in 0..<7 {
        schedule["day_\(day)_start_time"] = 480
        schedule["day_\(day)_end_time"] = 1020
    }
    object["user_notification_schedule"] = .object(schedule)
    object["use_logo_small_as_avatar"] = false
    object["featured_user_badge_ids"] = .array(user.badgeIds.prefix(3).map { .int($0) })
    object["invited_by"] = .null
    object["groups"] = []
    object["group_users"] = []
    object["user_option"] = .object(userOption(user))
}

private func userOption(_ user: DemoUser) -> JSONObject {
    [
        "user_id": .int(user.id), "mailing_list_mode": false, "mailing_list_mode_frequency": 1,
        "email_digests": true, "email_level": 1, "email_messages_level": 0, "external_links_in_new_tab": false,
        "color_scheme_id": .null, "dark_scheme_id": .null, "dynamic_favicon": false, "enable_quoting": true,
        "enable_smart_lists": true, "enable_markdown_monospace_font": false, "digest_after_minutes": 10080,
        "automatically_unpin_topics": true, "auto_track_topics_after_msecs": 240_000,
        "notification_level_when_replying": 2, "new_topic_duration_minutes": 2880, "email_previous_replies": 2,
        "email_in_reply_to": true, "like_notification_frequency": 1, "notify_on_linked_posts": true,
        "push_notification_level": "always", "enable_upcoming_change_available_notifications": false,
        "include_tl0_in_digests": false, "theme_ids": [1], "theme_key_seq": 0, "allow_private_messages": true,
        "enable_allowed_pm_users": false, "homepage_id": .null, "hide_profile_and_presence": false,
        "hide_profile": false, "hide_presence": false, "text_size": "normal", "text_size_seq": 0,
        "title_count_mode": "notifications", "timezone": "UTC", "skip_new_user_tips": false,
        "topics_unread_when_closed": true, "interface_color_mode": 1, "show_original_content": false,
        "send_shortcut": "enter", "automatically_translate": false, "understood_languages": ["en"],
    ]
}

/// `user_badges` with the side-loaded `badges`, `badge_types` and granting `users`, which
/// Discourse adds only when the user has badges.
func serializeUserBadges(_ user: DemoUser, data: CommunityData, into object: inout JSONObject) {
    let badges = user.badgeIds.compactMap { id in data.badges.first { $0.id == id } }
    object["user_badges"] = .array(
        badges.enumerated().map { offset, badge in
            [
                "id": .int(user.id * 1000 + badge.id), "granted_at": .date(user.createdAt),
                "grouping_position": .int(offset),
                "is_favorite": false, "can_favorite": false, "badge_id": .int(badge.id), "user_id": .int(user.id),
                "granted_by_id": -1,
            ]
        })
    guard !badges.isEmpty else { return }
    object["badges"] = .array(
        badges.map { badge in
            [
                "id": .int(badge.id), "name": .string(badge.name), "description": .string(badge.description),
                "grant_count": .int(data.users.values.filter { $0.badgeIds.contains(badge.id) }.count),
                "allow_title": false, "multiple_grant": false, "icon": "certificate", "image_url": .null,
                "listable": true, "enabled": true, "badge_grouping_id": 5, "system": true,
                "slug": .string(badge.name.lowercased().replacingOccurrences(of: " ", with: "-")),
                "manually_grantable": false, "badge_type_id": .int(badge.badgeTypeId),
            ]
        })
    object["badge_types"] = [
        ["id": 1, "name": "Gold", "sort_order": 9], ["id": 2, "name": "Silver", "sort_order": 8],
        ["id": 3, "name": "Bronze", "sort_order": 7],
    ]
    object["users"] = [.object(serializeBasicUser(systemUser))]
}
