// The post object of `/t/{id}.json`'s post_stream, `/t/{id}/posts.json` and `/posts/{id}.json`,
// key for key as Discourse's PostSerializer (plus the solved plugin's fields) writes it.
import DemoCommunity
import Foundation

/// Facts about a topic's posts that several post fields need (reply counts, the author of a
/// replied-to post). Built once per request so serialising a page of posts stays linear.
struct TopicPostIndex {
    private(set) var replyCounts: [Int: Int] = [:]
    private(set) var authorByPostNumber: [Int: Int] = [:]

    init(posts: [DemoPost]) {
        for post in posts {
            authorByPostNumber[post.postNumber] = post.userId
            if post.deletedAt == nil, let target = post.replyToPostNumber {
                replyCounts[target, default: 0] += 1
            }
        }
    }
}

/// The post object for `viewer`. `data` is inout so callers can hand in the state they hold
/// under the community lock; the posts of `topic` should already be materialised.
func serializePost(_ post: DemoPost, topic: DemoTopic, data: inout CommunityData, viewer: Viewer) -> JSONObject {
    let index = TopicPostIndex(posts: data.postsByTopic[topic.id] ?? [post])
    return serializePost(post, topic: topic, data: data, viewer: viewer, index: index)
}

/// The post objects of several posts of one topic, sharing one index.
func serializePosts(_ posts: [DemoPost], topic: DemoTopic, data: CommunityData, viewer: Viewer) -> [JSONValue] {
    let index = TopicPostIndex(posts: data.postsByTopic[topic.id] ?? posts)
    return posts.map { .object(serializePost($0, topic: topic, data: data, viewer: viewer, index: index)) }
}

func serializePost(
    _ post: DemoPost, topic: DemoTopic, data: CommunityData, viewer: Viewer, index: TopicPostIndex
) -> JSONObject {
    let author = data.userOrSystem(post.userId)
    let me = viewerUser(viewer, in: data)
    let staff = me?.isStaff ?? false
    let yours = me?.id == post.userId
    let replyCount = index.replyCounts[post.postNumber] ?? 0
    let cookedHidden = post.hidden && !(staff || yours)
    let accepted = topic.acceptedAnswerPostNumber == post.postNumber
    let mayAccept = canAcceptAnswer(topic: topic, post: post, viewer: me, data: data)

    var object: JSONObject = [
        "id": .int(post.id),
        "name": .optional(author.name),
        "username": .string(author.username),
        "avatar_template": .string(author.avatarTemplate),
        "created_at": .date(post.createdAt),
        "cooked": .string(cookedHidden ? "" : post.cooked),
        "post_number": .int(post.postNumber),
        "post_type": .int(post.postType),
        "updated_at": .date(post.updatedAt),
        "reply_count": .int(replyCount),
        "reply_to_post_number": .optional(post.replyToPostNumber),
        "quote_count": .int(TextFormatting.quoteCount(inRaw: post.raw)),
        "incoming_link_count": 0,
        "reads": .int(post.reads),
        "readers_count": .int(max(0, post.reads - 1)),
        "score": .double(postScore(post, replyCount: replyCount)),
        "yours": .bool(yours),
        "topic_id": .int(topic.id),
        "topic_slug": .string(topic.slug),
        "display_username": .optional(author.name),
        "primary_group_name": .null,
        "flair_name": .null,
        "flair_url": .null,
        "flair_bg_color": .null,
        "flair_color": .null,
        "version": .int(post.version),
        "can_edit": .bool(canEdit(post, topic: topic, viewer: me)),
        "can_delete": .bool(post.deletedAt == nil && post.postNumber > 1 && (staff || yours)),
        "can_recover": .bool(post.deletedAt != nil && staff),
    ]
    if post.hidden { object["can_see_hidden_post"] = .bool(staff || yours) }
    object["can_wiki"] = .bool(staff || (yours && (me?.trustLevel ?? 0) >= 3))
    let links = TextFormatting.links(inHTML: post.cooked)
    if !links.isEmpty {
        object["link_counts"] = .array(
            links.map { url in
                [
                    "url": .string(url), "internal": .bool(url.hasPrefix("/")), "reflection": false,
                    "title": .string(url), "clicks": 0,
                ]
            })
    }
    object["read"] = .bool(isRead(post, viewer: viewer, data: data))
    object["user_title"] = .optional(author.title)
    object["bookmarked"] = .bool(me.map { post.bookmarkedByUserIds.contains($0.id) } ?? false)
    // A bookmark's id is its post's id in this model (see BookmarkEndpoints).
    if let me, post.bookmarkedByUserIds.contains(me.id) { object["bookmark_id"] = .int(post.id) }
    object["actions_summary"] = .array(actionsSummary(post, topic: topic, viewer: me, data: data).map { .object($0) })
    object["moderator"] = .bool(author.role == .moderator)
    object["admin"] = .bool(author.role == .admin)
    object["staff"] = .bool(author.isStaff)
    object["user_id"] = .int(author.id)
    object["hidden"] = .bool(post.hidden)
    if post.hidden { object["hidden_reason_id"] = 1 }
    if cookedHidden { object["cooked_hidden"] = true }
    object["trust_level"] = .int(author.trustLevel)
    object["deleted_at"] = .optionalDate(post.deletedAt)
    object["user_deleted"] = false
    object["edit_reason"] = .null
    object["can_view_edit_history"] = true
    object["wiki"] = .bool(post.wiki)
    if let code = post.actionCode { object["action_code"] = .string(code) }
    if let until = author.suspendedUntil, until > Date() { object["user_suspended"] = true }
    if staff {
        let review = reviewableSummary(ofPost: post.id, data: data)
        object["reviewable_id"] = .int(review.id)
        object["reviewable_score_count"] = .int(review.scores)
        object["reviewable_score_pending_count"] = .int(review.pendingScores)
    }
    if let target = post.replyToPostNumber, let targetAuthor = index.authorByPostNumber[target] {
        let user = data.userOrSystem(targetAuthor)
        object["reply_to_user"] = [
            "username": .string(user.username), "name": .optional(user.name),
            "avatar_template": .string(user.avatarTemplate),
        ]
    }
    // The solved plugin's fields, on every post as the plugin adds them.
    object["can_accept_answer"] = .bool(mayAccept && post.postNumber > 1 && !accepted)
    object["can_unaccept_answer"] = .bool(mayAccept && accepted)
    object["accepted_answer"] = .bool(accepted)
    return object
}

/// Discourse's ScoreCalculator weights: likes 15, replies 5, incoming links 5, bookmarks 2,
/// reads 0.2.
private func postScore(_ post: DemoPost, replyCount: Int) -> Double {
    Double(post.likeCount * 15 + replyCount * 5 + post.bookmarkedByUserIds.count * 2) + Double(post.reads) * 0.2
}

/// Anonymous viewers see every post as read, as TopicView#read? answers for them.
private func isRead(_ post: DemoPost, viewer: Viewer, data: CommunityData) -> Bool {
    guard let id = viewer.userId else { return true }
    return post.postNumber <= (data.lastReadPostNumber[id]?[post.topicId] ?? 0)
}

private func canEdit(_ post: DemoPost, topic: DemoTopic, viewer: DemoUser?) -> Bool {
    guard let viewer else { return false }
    if viewer.isStaff { return true }
    if post.deletedAt != nil || topic.archived { return false }
    if post.userId == viewer.id { return true }
    return post.wiki && viewer.trustLevel >= 1
}

/// The solved plugin's `can_accept_answer?`: staff, trust level 4, or the topic's author on
/// an open topic, in a category where answers can be accepted; never on whispers.
func canAcceptAnswer(topic: DemoTopic, post: DemoPost, viewer: DemoUser?, data: CommunityData) -> Bool {
    guard let viewer, post.postType != 4, post.deletedAt == nil else { return false }
    guard let categoryId = topic.categoryId,
        data.categories.first(where: { $0.id == categoryId })?.solvedEnabled == true
    else { return false }
    if viewer.isStaff || viewer.trustLevel >= 4 { return true }
    return topic.userId == viewer.id && !topic.closed
}

/// Post action types in the order Discourse lists them, and whether their counts are
/// private (flags).
private let postActionTypeOrder: [(id: Int, isFlag: Bool)] = PostActionType.all
    .filter { $0.appliesTo.contains("Post") }.map { ($0.id, $0.isFlag) }

/// Discourse's PostSerializer#actions_summary: one entry per action type the viewer can take
/// or that has a visible count. Like counts are public; flag counts only for staff (others
/// see 1 for their own flag); zero counts are left out.
private func actionsSummary(_ post: DemoPost, topic: DemoTopic, viewer: DemoUser?, data: CommunityData) -> [JSONObject]
{
    let flags = data.reviewables.values.filter { $0.postId == post.id }.flatMap(\.scores)
    let alreadyFlagged = viewer.map { me in flags.contains { $0.userId == me.id } } ?? false
    var result: [JSONObject] = []
    for type in postActionTypeOrder {
        let count = type.id == 2 ? post.likeCount : flags.filter { $0.scoreType == type.id }.count
        let acted: Bool
        if let viewer {
            acted =
                type.id == 2
                ? post.likedByUserIds.contains(viewer.id)
                : flags.contains { $0.scoreType == type.id && $0.userId == viewer.id }
        } else {
            acted = false
        }
        var canAct = false
        if let viewer, post.userId != viewer.id, post.deletedAt == nil, !topic.archived {
            canAct = type.id == 2 ? !acted : !alreadyFlagged
        }
        var visibleCount = count
        if type.isFlag && !(viewer?.isStaff ?? false) { visibleCount = acted ? 1 : 0 }
        guard canAct || visibleCount > 0 else { continue }
        var summary: JSONObject = ["id": .int(type.id)]
        if visibleCount > 0 { summary["count"] = .int(visibleCount) }
        if canAct { summary["can_act"] = true }
        if acted {
            summary["acted"] = true
            summary["can_undo"] = .bool(type.id == 2)
        }
        result.append(summary)
    }
    return result
}

/// The pending reviewable of a flagged post, as staff see it on the post.
private func reviewableSummary(ofPost postId: Int, data: CommunityData) -> (id: Int, scores: Int, pendingScores: Int) {
    let reviewables = data.reviewables.values.filter { $0.postId == postId }.sorted { $0.id < $1.id }
    let current = reviewables.last { $0.status == .pending } ?? reviewables.last
    guard let current else { return (0, 0, 0) }
    return (current.id, current.scores.count, current.scores.filter { $0.status == 0 }.count)
}
