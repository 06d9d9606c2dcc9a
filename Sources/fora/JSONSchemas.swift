import ForaCore
import ForaRender
import Foundation

/// The documented `--json` shapes (man page, JSON OUTPUT). Keys are stable; new keys may be
/// added, none removed or renamed.
enum JSONSchemas {
    static func topic(_ topic: Topic) -> [String: Any] {
        [
            "id": topic.id, "title": topic.title, "slug": topic.slug,
            "category_id": Output.nullable(topic.categoryID),
            "posts_count": topic.postsCount, "reply_count": topic.replyCount, "views": topic.views,
            "like_count": topic.likeCount,
            "created_at": Output.nullable(topic.createdAt),
            "last_posted_at": Output.nullable(topic.lastPostedAt),
            "has_accepted_answer": topic.hasAcceptedAnswer, "pinned": topic.pinned, "closed": topic.closed,
        ]
    }

    static func category(_ category: Category) -> [String: Any] {
        [
            "id": category.id, "name": category.name, "slug": category.slug,
            "parent_category_id": Output.nullable(category.parentCategoryID),
            "topic_count": Output.nullable(category.topicCount), "color": Output.nullable(category.color),
        ]
    }

    static func thread(_ topic: TopicDetail, texts: [PostText]) -> [String: Any] {
        let solution = topic.acceptedAnswerPostNumber
        let posts: [[String: Any]] = zip(topic.posts, texts).map { post, text in
            let entry: [String: Any] = PostTextOutput.merge(
                [
                    "id": post.id, "post_number": post.postNumber, "username": post.username,
                    "created_at": Output.nullable(post.createdAt),
                    "reply_to_post_number": Output.nullable(post.replyToPostNumber),
                    "like_count": post.likeCount,
                    "is_solution": post.acceptedAnswer || post.postNumber == solution,
                    "cooked": post.cooked,
                ], text)
            return entry.merging(postStates(post)) { first, _ in first }
        }
        return [
            "id": topic.id, "title": topic.title, "category_id": Output.nullable(topic.categoryID),
            "posts_count": topic.postsCount, "accepted_answer_post_number": Output.nullable(solution),
            "accepted_answer_username": Output.nullable(solution == nil ? nil : topic.acceptedAnswer?.username),
            "archetype": topic.archetype, "closed": topic.closed, "archived": topic.archived,
            "posts": posts,
        ]
    }

    /// A post's type, states and its author's badges, as the site shows them; a small action
    /// also gets its line ("moderator closed the topic").
    static func postStates(_ post: Post) -> [String: Any] {
        var states: [String: Any] = [
            "post_type": post.postType, "action_code": Output.nullable(post.actionCode),
            "hidden": post.hidden, "deleted": post.deletedAt != nil, "wiki": post.wiki,
            "admin": post.admin, "moderator": post.moderator, "trust_level": Output.nullable(post.trustLevel),
            "user_title": Output.nullable(post.userTitle),
        ]
        if post.postType == SmallAction.postType {
            states["action"] = post.username + " " + SmallAction.phrase(for: post.actionCode)
        }
        return states
    }

    static func searchPost(_ post: SearchPost, topic: Topic?) -> [String: Any] {
        [
            "id": post.id, "topic_id": post.topicID, "post_number": post.postNumber, "username": post.username,
            "created_at": Output.nullable(post.createdAt), "like_count": post.likeCount, "blurb": post.blurb,
            "topic_title": Output.nullable(topic?.title ?? post.topicTitleHeadline),
        ]
    }

    static func notification(_ item: ForumNotification) -> [String: Any] {
        [
            "id": item.id, "notification_type": item.notificationType, "type": item.typeName, "read": item.read,
            "high_priority": item.highPriority, "created_at": Output.nullable(item.createdAt),
            "topic_id": Output.nullable(item.topicID), "post_number": Output.nullable(item.postNumber),
            "topic_title": Output.nullable(item.topicTitle ?? item.fancyTitle),
            "username": Output.nullable(item.displayUsername),
        ]
    }

    static func user(_ user: UserProfile) -> [String: Any] {
        [
            "id": user.id, "username": user.username, "name": Output.nullable(user.name),
            "title": Output.nullable(user.title), "trust_level": Output.nullable(user.trustLevel),
            "moderator": user.moderator, "admin": user.admin, "created_at": Output.nullable(user.createdAt),
            "last_posted_at": Output.nullable(user.lastPostedAt), "last_seen_at": Output.nullable(user.lastSeenAt),
            "post_count": Output.nullable(user.postCount), "topic_count": Output.nullable(user.topicCount),
            "likes_received": Output.nullable(user.likesReceived), "badge_count": Output.nullable(user.badgeCount),
        ]
    }
}
