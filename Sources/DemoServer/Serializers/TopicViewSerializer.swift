// The `/t/{id}.json` object (TopicViewSerializer): the post stream window plus the full list
// of post ids, the topic's own fields, `details` with what the viewer may do, and the solved
// plugin's `accepted_answer`.
import DemoCommunity
import Foundation

/// Everything the topic view needs, gathered by the endpoint under the community lock.
struct TopicView {
    var topic: DemoTopic
    /// Every post the viewer may see, in post-number order.
    var visiblePosts: [DemoPost]
    /// The posts of this window (at most `chunkSize`, or the print limit).
    var window: [DemoPost]
    /// The post the window was asked for (`/t/{id}/{post_number}.json`), else nil.
    var requestedPostNumber: Int?
    var suggested: [DemoTopic]

    static let chunkSize = 20
}

func serializeTopicView(_ view: TopicView, data: CommunityData, viewer: Viewer) -> JSONObject {
    let topic = view.topic
    let me = viewerUser(viewer, in: data)
    let staff = me?.isStaff ?? false
    let lastRead = me.flatMap { data.lastReadPostNumber[$0.id]?[topic.id] }
    let allPosts = data.postsByTopic[topic.id] ?? view.visiblePosts
    let index = TopicPostIndex(posts: allPosts)

    var object: JSONObject = [
        "post_stream": [
            "posts": .array(
                view.window.map {
                    .object(serializeTopicViewPost($0, topic: topic, data: data, viewer: viewer, index: index))
                }),
            "stream": .array(view.visiblePosts.map { .int($0.id) }),
        ],
        "timeline_lookup": .array(timelineLookup(view.visiblePosts)),
        "suggested_topics": .array(
            view.suggested.map { .object(serializeSuggestedTopic($0, data: data, viewer: viewer)) }),
        "tags": .array(topic.tags.map { .object(serializeTag($0)) }),
        "tags_descriptions": .object([:]),
        "id": .int(topic.id),
        "title": .string(topic.title),
        "fancy_title": .string(TextFormatting.fancyTitle(topic.title)),
        "posts_count": .int(topic.postsCount),
        "created_at": .date(topic.createdAt),
        "views": .int(topic.views),
        "reply_count": .int(max(0, topic.postsCount - 1)),
        "like_count": .int(topic.likeCount),
        "last_posted_at": .date(topic.lastPostedAt),
        "visible": .bool(topic.visible),
        "closed": .bool(topic.closed),
        "archived": .bool(topic.archived),
        "has_summary": false,
        "archetype": .string(topic.archetype.rawValue),
        "slug": .string(topic.slug),
        "category_id": .optional(topic.categoryId),
        "word_count": .int(allPosts.reduce(0) { $0 + $1.raw.split(whereSeparator: \.isWhitespace).count }),
        "deleted_at": .optionalDate(topic.deletedAt),
        "user_id": .int(topic.userId),
        "featured_link": .null,
        "pinned_globally": .bool(topic.pinnedGlobally),
        "pinned_at": topic.pinned ? .date(topic.createdAt) : .null,
        "pinned_until": .null,
        "image_url": .null,
        "slow_mode_seconds": 0,
    ]
    let draft = me.flatMap { user in data.drafts.values.first { $0.userId == user.id && $0.key == "topic_\(topic.id)" }
    }
    object["draft"] = .optional(draft?.data)
    object["draft_key"] = .string("topic_\(topic.id)")
    object["draft_sequence"] = .int(draft?.sequence ?? 0)
    object["unpinned"] = .null
    object["pinned"] = .bool(topic.pinned)
    object["current_post_number"] = .int(view.requestedPostNumber ?? view.window.first?.postNumber ?? 1)
    object["highest_post_number"] = .int(topic.highestPostNumber)
    if let lastRead {
        object["last_read_post_number"] = .int(lastRead)
        if let post = allPosts.last(where: { $0.postNumber <= lastRead }) {
            object["last_read_post_id"] = .int(post.id)
        }
        object["posted"] = .bool(allPosts.contains { $0.userId == me?.id })
    }
    object["deleted_by"] = .null
    if staff { object["has_deleted"] = .bool(allPosts.contains { $0.deletedAt != nil }) }
    object["actions_summary"] = .array(
        topicFlagTypes.map { id in
            ["id": .int(id), "count": 0, "hidden": false, "can_act": .bool(me != nil && me?.id != topic.userId)]
        })
    object["chunk_size"] = .int(TopicView.chunkSize)
    let bookmarked = me.map { user in allPosts.contains { $0.bookmarkedByUserIds.contains(user.id) } } ?? false
    object["bookmarked"] = .bool(bookmarked)
    object["bookmarks"] = .array(bookmarks(allPosts, viewer: me))
    object["topic_timer"] = .null
    object["message_bus_last_id"] = 0
    object["participant_count"] = .int(Set(view.visiblePosts.map(\.userId)).count)
    object["show_read_indicator"] = false
    object["thumbnails"] = .null
    object["slow_mode_enabled_until"] = .null
    object["details"] = .object(topicDetails(topic, posts: view.visiblePosts, data: data, viewer: me))
    if let number = topic.acceptedAnswerPostNumber, let answer = allPosts.first(where: { $0.postNumber == number }) {
        let author = data.userOrSystem(answer.userId)
        object["accepted_answer"] = [
            "post_number": .int(number), "username": .string(author.username), "name": .optional(author.name),
            "excerpt": .string(TextFormatting.excerpt(TextFormatting.plainText(fromHTML: answer.cooked), length: 300)),
        ]
    }
    object["has_accepted_answer"] = .bool(topic.acceptedAnswerPostNumber != nil)
    return object
}

/// Topic-level flag types, as `topic_flag_types` lists them.
let topicFlagTypes = PostActionType.topicFlags.map(\.id)

/// A post as the topic view sends it: the post object with `link_counts` always present,
/// as the reference schema of `/t/{id}.json` requires it.
private func serializeTopicViewPost(
    _ post: DemoPost, topic: DemoTopic, data: CommunityData, viewer: Viewer, index: TopicPostIndex
) -> JSONObject {
    var object = serializePost(post, topic: topic, data: data, viewer: viewer, index: index)
    if object["link_counts"] == nil { object["link_counts"] = [] }
    return object
}

/// `[[post index (1-based), days ago]]` each time the age in days changes, thinned to at most
/// 100 entries like Discourse's TimelineLookup.
private func timelineLookup(_ posts: [DemoPost], now: Date = Date()) -> [JSONValue] {
    var tuples: [(Int, Int)] = []
    for (offset, post) in posts.enumerated() {
        let daysAgo = max(0, Int(now.timeIntervalSince(post.createdAt) / 86_400))
        if tuples.last?.1 != daysAgo { tuples.append((offset + 1, daysAgo)) }
    }
    let stride = max(1, (tuples.count + 99) / 100)
    return tuples.enumerated().filter { $0.offset % stride == 0 }.map { [.int($0.element.0), .int($0.element.1)] }
}

/// The viewer's bookmarks in this topic.
private func bookmarks(_ posts: [DemoPost], viewer: DemoUser?) -> [JSONValue] {
    guard let viewer else { return [] }
    return posts.filter { $0.bookmarkedByUserIds.contains(viewer.id) }.map { post in
        [
            "id": .int(post.id), "bookmarkable_id": .int(post.id), "bookmarkable_type": "Post",
            "name": .null, "reminder_at": .null,
        ]
    }
}

/// `details`: who started and last posted, the participants, and the `can_*` keys. As in
/// Discourse, keys of abilities the viewer lacks are left out rather than sent as false;
/// anonymous viewers get only `can_edit` and `notification_level`.
private func topicDetails(_ topic: DemoTopic, posts: [DemoPost], data: CommunityData, viewer: DemoUser?) -> JSONObject {
    let lastRead = viewer.flatMap { data.lastReadPostNumber[$0.id]?[topic.id] }
    var details: JSONObject = [
        "can_edit": .bool(viewer.map { $0.isStaff || ($0.id == topic.userId && !topic.archived) } ?? false),
        "notification_level": .int(viewer?.id == topic.userId ? 3 : lastRead != nil ? 2 : 1),
    ]
    if let viewer {
        let staff = viewer.isStaff
        let participant = topic.allowedUserIds.contains(viewer.id)
        if staff {
            details["can_move_posts"] = true
            details["can_delete"] = .bool(topic.deletedAt == nil)
            if topic.deletedAt != nil { details["can_recover"] = true }
            details["can_remove_allowed_users"] = true
            details["can_invite_to"] = true
            details["can_invite_via_email"] = true
        } else if topic.isPrivateMessage && participant {
            details["can_invite_to"] = true
        }
        if staff || (!topic.closed && !topic.archived) { details["can_create_post"] = true }
        details["can_reply_as_new_topic"] = true
        if viewer.id != topic.userId { details["can_flag_topic"] = true }
        if staff {
            details["can_convert_topic"] = true
            details["can_review_topic"] = true
            details["can_close_topic"] = true
            details["can_archive_topic"] = true
            details["can_split_merge_topic"] = true
            details["can_edit_staff_notes"] = true
            details["can_toggle_topic_visibility"] = true
            details["can_pin_unpin_topic"] = true
            if viewer.role == .admin { details["can_banner_topic"] = true }
            details["can_moderate_category"] = true
        }
        if staff || (topic.isPrivateMessage && participant && viewer.id != topic.userId) {
            details["can_remove_self_id"] = .int(viewer.id)
        }
    }
    details["participants"] = .array(participants(posts, data: data))
    details["created_by"] = .object(serializeBasicUser(data.userOrSystem(topic.userId)))
    details["last_poster"] = .object(serializeBasicUser(data.userOrSystem(topic.lastPosterId)))
    return details
}

/// Up to 24 posters, most posts first (ties: who posted first).
private func participants(_ posts: [DemoPost], data: CommunityData) -> [JSONValue] {
    var counts: [Int: Int] = [:]
    var order: [Int] = []
    for post in posts where post.postType != 3 {
        if counts[post.userId] == nil { order.append(post.userId) }
        counts[post.userId, default: 0] += 1
    }
    let ranked = order.enumerated().sorted { lhs, rhs in
        let (l, r) = (counts[lhs.element] ?? 0, counts[rhs.element] ?? 0)
        return l != r ? l > r : lhs.offset < rhs.offset
    }
    return ranked.prefix(24).compactMap { entry -> JSONValue? in
        guard let user = data.users[entry.element] else { return nil }
        var object = serializeBasicUser(user)
        object["post_count"] = .int(counts[user.id] ?? 0)
        object["primary_group_name"] = .null
        object["flair_name"] = .null
        object["flair_url"] = .null
        object["flair_color"] = .null
        object["flair_bg_color"] = .null
        object["admin"] = .bool(user.role == .admin)
        object["moderator"] = .bool(user.role == .moderator)
        object["trust_level"] = .int(user.trustLevel)
        return .object(object)
    }
}

/// A suggested topic (SuggestedTopicSerializer): fewer fields than a list item, the excerpt,
/// and posters that embed their user. `bookmarked`/`liked` are null unless the viewer has
/// read the topic, as they come from the viewer's topic-user row.
private func serializeSuggestedTopic(_ topic: DemoTopic, data: CommunityData, viewer: Viewer) -> JSONObject {
    let me = viewer.userId
    let lastRead = me.flatMap { data.lastReadPostNumber[$0]?[topic.id] }
    let posts = data.postsByTopic[topic.id] ?? []
    var item: JSONObject = [
        "id": .int(topic.id),
        "title": .string(topic.title),
        "fancy_title": .string(TextFormatting.fancyTitle(topic.title)),
        "slug": .string(topic.slug),
        "posts_count": .int(topic.postsCount),
        "reply_count": .int(max(0, topic.postsCount - 1)),
        "highest_post_number": .int(topic.highestPostNumber),
        "image_url": .null,
        "created_at": .date(topic.createdAt),
        "last_posted_at": .date(topic.lastPostedAt),
        "bumped": true,
        "bumped_at": .date(topic.lastPostedAt),
        "archetype": .string(topic.archetype.rawValue),
        "unseen": .bool(me != nil && lastRead == nil),
        "pinned": .bool(topic.pinned),
        "unpinned": .null,
        "excerpt": .string(TextFormatting.htmlEscaped(topic.excerpt)),
        "visible": .bool(topic.visible),
        "closed": .bool(topic.closed),
        "archived": .bool(topic.archived),
    ]
    if let me, lastRead != nil {
        item["bookmarked"] = .bool(posts.contains { $0.bookmarkedByUserIds.contains(me) })
        item["liked"] = .bool(posts.contains { $0.likedByUserIds.contains(me) })
    } else {
        item["bookmarked"] = .null
        item["liked"] = .null
    }
    item["tags"] = .array(topic.tags.map { .object(serializeTag($0)) })
    item["tags_descriptions"] = .object([:])
    item["like_count"] = .int(topic.likeCount)
    item["views"] = .int(topic.views)
    item["category_id"] = .optional(topic.categoryId)
    item["featured_link"] = .null
    item["has_accepted_answer"] = .bool(topic.acceptedAnswerPostNumber != nil)
    item["posters"] = .array(
        topicPosters(topic).map { poster in
            [
                "extras": .optional(poster.extras), "description": .string(poster.description),
                "user": .object(serializeBasicUser(data.userOrSystem(poster.userId))),
            ]
        })
    return item
}
