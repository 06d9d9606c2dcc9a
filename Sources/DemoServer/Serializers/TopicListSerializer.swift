// Topic lists as Discourse's TopicListSerializer writes them: `users[]` side-loaded and
// referenced by `posters[].user_id`, the list items of TopicListItemSerializer, and the
// `topic_list` envelope with its `more_topics_url` (without `.json`, as real Discourse).
import DemoCommunity
import Foundation

/// One page of a topic list, ready to serialise.
struct TopicListPage {
    var topics: [DemoTopic]
    /// The next page's URL without `.json` (e.g. `/latest?page=1`), nil on the last page.
    var moreTopicsURL: String?
    var perPage: Int
    /// `top` lists say which period they cover.
    var forPeriod: String?
    /// `/tag/{tag}.json` lists carry the tag they show.
    var tag: String?
}

/// The whole topic-list response: `{users, primary_groups, topic_list}` (newer servers add
/// `flair_groups`; the demo has no groups, so it leaves that key out).
func serializeTopicList(_ page: TopicListPage, data: CommunityData, viewer: Viewer) -> JSONValue {
    var posterIds: [Int] = []
    let items: [JSONValue] = page.topics.map { topic in
        let item = serializeTopicListItem(topic, data: data, viewer: viewer)
        posterIds += topicPosters(topic).map(\.userId)
        if topic.isPrivateMessage { posterIds += messageParticipants(topic) }
        return .object(item)
    }
    var list: JSONObject = ["can_create_topic": .bool(viewer.userId != nil)]
    if let more = page.moreTopicsURL { list["more_topics_url"] = .string(more) }
    if let me = viewer.userId {
        let draft = data.drafts.values.first { $0.userId == me && $0.key == "new_topic" }
        list["draft"] = .optional(draft?.data)
        list["draft_key"] = "new_topic"
        list["draft_sequence"] = .int(draft?.sequence ?? 0)
    }
    list["per_page"] = .int(page.perPage)
    if let period = page.forPeriod { list["for_period"] = .string(period) }
    if let tag = page.tag {
        list["tags"] = [.object(serializeTag(tag, topicCount: page.topics.count))]
    }
    list["topics"] = .array(items)
    return [
        "users": sideLoadUsers(posterIds, data: data),
        "primary_groups": [],
        "topic_list": .object(list),
    ]
}

/// A poster of a list item: who, and the role Discourse describes them with.
struct TopicPoster {
    var userId: Int
    var extras: String?
    var description: String
}

/// The original poster and the most recent poster ("latest single" when they are the same
/// person). Discourse also lists up to three frequent posters; that needs every post, so the
/// demo leaves it out to keep lists cheap on a scaled community.
func topicPosters(_ topic: DemoTopic) -> [TopicPoster] {
    if topic.userId == topic.lastPosterId {
        return [
            TopicPoster(
                userId: topic.userId, extras: "latest single", description: "Original Poster, Most Recent Poster")
        ]
    }
    return [
        TopicPoster(userId: topic.userId, extras: nil, description: "Original Poster"),
        TopicPoster(userId: topic.lastPosterId, extras: "latest", description: "Most Recent Poster"),
    ]
}

/// The other people of a private message (its `participants[]`), creator excluded.
func messageParticipants(_ topic: DemoTopic) -> [Int] {
    topic.allowedUserIds.filter { $0 != topic.userId }
}

/// One item of `topic_list.topics` (TopicListItemSerializer + ListableTopicSerializer).
func serializeTopicListItem(_ topic: DemoTopic, data: CommunityData, viewer: Viewer) -> JSONObject {
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
    ]
    let lastRead = viewer.userId.flatMap { data.lastReadPostNumber[$0]?[topic.id] }
    item["unseen"] = .bool(viewer.userId != nil && lastRead == nil)
    if let lastRead {
        item["last_read_post_number"] = .int(lastRead)
        item["unread_posts"] = .int(max(0, topic.highestPostNumber - lastRead))
    }
    item["pinned"] = .bool(topic.pinned)
    item["unpinned"] = .null
    if topic.pinned { item["excerpt"] = .string(TextFormatting.htmlEscaped(topic.excerpt)) }
    item["visible"] = .bool(topic.visible)
    item["closed"] = .bool(topic.closed)
    item["archived"] = .bool(topic.archived)
    if viewer.userId != nil {
        item["notification_level"] = .int(lastRead == nil ? 1 : 2)
        let posts = data.postsByTopic[topic.id] ?? []
        let me = viewer.userId ?? 0
        item["bookmarked"] = .bool(posts.contains { $0.bookmarkedByUserIds.contains(me) })
        item["liked"] = .bool(posts.contains { $0.likedByUserIds.contains(me) })
    } else {
        item["bookmarked"] = .null
        item["liked"] = .null
    }
    if !topic.tags.isEmpty || !topic.isPrivateMessage {
        item["tags"] = .array(topic.tags.map { .object(serializeTag($0)) })
        item["tags_descriptions"] = .object([:])
    }
    item["views"] = .int(topic.views)
    item["like_count"] = .int(topic.likeCount)
    item["has_summary"] = false
    item["last_poster_username"] = .string(data.userOrSystem(topic.lastPosterId).username)
    item["category_id"] = .optional(topic.categoryId)
    item["pinned_globally"] = .bool(topic.pinnedGlobally)
    item["featured_link"] = .null
    item["has_accepted_answer"] = .bool(topic.acceptedAnswerPostNumber != nil)
    item["posters"] = .array(
        topicPosters(topic).map { poster in
            [
                "extras": .optional(poster.extras), "description": .string(poster.description),
                "user_id": .int(poster.userId), "primary_group_id": .null,
            ]
        })
    if topic.isPrivateMessage {
        item["participants"] = .array(
            messageParticipants(topic).map { id in
                ["extras": .null, "description": .null, "user_id": .int(id), "primary_group_id": .null]
            })
        item["allowed_user_count"] = .int(topic.allowedUserIds.count)
        item["participant_groups"] = []
    }
    return item
}

/// A tag as modern Discourse sends it: `{id, name, slug}`. The demo has no tag table, so
/// the id is a stable hash of the name (the same tag always gets the same id).
func serializeTag(_ name: String, topicCount: Int? = nil) -> JSONObject {
    var object: JSONObject = ["id": .int(tagId(name)), "name": .string(name), "slug": .string(name)]
    if let topicCount { object["topic_count"] = .int(topicCount) }
    return object
}

/// FNV-1a of the tag name folded into a positive 31-bit id.
func tagId(_ name: String) -> Int {
    var hash: UInt32 = 2_166_136_261
    for byte in name.utf8 {
        hash ^= UInt32(byte)
        hash = hash &* 16_777_619
    }
    return Int(hash & 0x7fff_ffff)
}
