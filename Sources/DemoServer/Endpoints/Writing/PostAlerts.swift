// Who hears about a new post, as Discourse's PostAlerter decides: the author of the post
// replied to, people quoted, people @mentioned, the other participants of a private message,
// and the topic's creator (who watches their own topic). Each person gets one notification,
// of the most specific kind, and never for their own post.
import DemoCommunity
import Foundation

/// Discourse's notification type ids (api-brief §8).
enum NotificationType {
    static let mentioned = 1, replied = 2, quoted = 3, liked = 5, privateMessage = 6, posted = 9, custom = 14
    static let postApproved = 20
}

extension CommunityData {
    /// Adds a notification and tells the user's message-bus channel.
    @discardableResult
    mutating func notify(
        _ userId: Int, type: Int, topic: DemoTopic?, postNumber: Int?, data payload: [String: String],
        highPriority: Bool = false, at date: Date, live: LiveUpdates
    ) throws -> DemoNotification {
        let notification = try ModelFactory.notification(
            id: nextNotificationId, userId: userId, type: type, highPriority: highPriority, at: date,
            topicId: topic?.id, postNumber: postNumber, slug: topic?.slug, data: payload)
        nextNotificationId += 1
        notifications[notification.id] = notification
        live.publishNotificationState(of: userId, data: self)
        return notification
    }

    /// The notifications of a new post.
    mutating func alertAbout(_ post: DemoPost, in topic: DemoTopic, live: LiveUpdates) throws {
        guard let author = users[post.userId] else { return }
        var notified: Set<Int> = [author.id]
        let payload: [String: String] = [
            "topic_title": topic.title, "original_post_id": String(post.id),
            "original_post_type": String(post.postType),
            "original_username": author.username, "display_username": author.username,
        ]
        func alert(_ userId: Int?, _ type: Int) throws {
            guard let userId, users[userId] != nil, !notified.contains(userId),
                canSee(topic: topic, viewer: .user(id: userId, scopes: nil), data: self)
            else { return }
            notified.insert(userId)
            try notify(
                userId, type: type, topic: topic, postNumber: post.postNumber, data: payload,
                highPriority: type == NotificationType.privateMessage, at: post.createdAt, live: live)
        }

        if let target = post.replyToPostNumber {
            try alert(postsByTopic[topic.id]?.first { $0.postNumber == target }?.userId, NotificationType.replied)
        }
        for username in Self.quotedUsernames(inCooked: post.cooked) {
            try alert(user(named: username)?.id, NotificationType.quoted)
        }
        for username in Self.mentionedUsernames(inCooked: post.cooked) {
            try alert(user(named: username)?.id, NotificationType.mentioned)
        }
        if topic.isPrivateMessage {
            for participant in topic.allowedUserIds + [topic.userId] {
                try alert(participant, NotificationType.privateMessage)
            }
        } else if post.postNumber > 1 {
            try alert(topic.userId, NotificationType.posted)
        }
    }

    /// The users a cooked post mentions (`<a class="mention" href="/u/name">`).
    static func mentionedUsernames(inCooked cooked: String) -> [String] {
        attributeValues(after: "class=\"mention\" href=\"/u/", in: cooked)
    }

    /// The users a cooked post quotes (`<aside class="quote…" data-username="name"`).
    static func quotedUsernames(inCooked cooked: String) -> [String] {
        attributeValues(after: "data-username=\"", in: cooked)
    }

    private static func attributeValues(after marker: String, in html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let range = rest.range(of: marker) {
            let after = rest[range.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            let value = String(after[..<end])
            if !found.contains(value) { found.append(value) }
            rest = after[end...]
        }
        return found
    }
}
