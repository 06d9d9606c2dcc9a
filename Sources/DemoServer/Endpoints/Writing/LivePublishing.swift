// What the write and moderation handlers announce on the message bus, in the payload shapes
// Discourse publishes (api-brief §13): post changes on `/topic/{id}`, bumps on `/latest` and
// new topics on `/new`, a user's notification state on `/notification/{id}`, and the review
// queue size on `/reviewable_counts`.
import DemoCommunity
import Foundation

extension DemoContext {
    /// The message bus of this server's community.
    var live: LiveUpdates { LiveUpdates.of(state) }
}

extension MessageAudience {
    /// Who may hear about a topic: everyone, or a private message's participants and staff.
    static func of(_ topic: DemoTopic) -> MessageAudience {
        topic.isPrivateMessage ? .usersAndStaff(Set(topic.allowedUserIds + [topic.userId])) : .everyone
    }
}

extension LiveUpdates {
    /// A post change on `/topic/{id}`: `type` is created, revised, deleted, recovered,
    /// liked, unliked, acted…
    func publishPost(_ post: DemoPost, topic: DemoTopic, type: String, actorId: Int? = nil) {
        publish(
            "/topic/\(topic.id)",
            [
                "id": .int(post.id), "post_number": .int(post.postNumber), "updated_at": .date(post.updatedAt),
                "user_id": .int(post.userId), "last_editor_id": .int(actorId ?? post.userId), "type": .string(type),
                "version": .int(post.version),
            ], audience: .of(topic))
    }

    /// A topic-level change on `/topic/{id}` (status, title, solution), which tells clients
    /// to reload the topic, as the solved plugin's `{reload_topic: true}` does.
    func publishTopicReload(_ topic: DemoTopic) {
        publish("/topic/\(topic.id)", ["reload_topic": true, "refresh_stream": true], audience: .of(topic))
    }

    /// A bump on `/latest` and, for a topic's first post, an entry on `/new`. Private
    /// messages are announced on neither, as TopicTrackingState keeps them out.
    func publishTopicActivity(_ topic: DemoTopic, isNewTopic: Bool) {
        guard !topic.isPrivateMessage else { return }
        var payload: JSONObject = [
            "bumped_at": .date(topic.lastPostedAt), "category_id": .optional(topic.categoryId),
            "archetype": .string(topic.archetype.rawValue),
        ]
        if !topic.tags.isEmpty { payload["tags"] = .array(topic.tags.map { .string($0) }) }
        publish("/latest", ["topic_id": .int(topic.id), "message_type": "latest", "payload": .object(payload)])
        if isNewTopic {
            publish(
                "/new",
                [
                    "topic_id": .int(topic.id), "message_type": "new_topic",
                    "payload": [
                        "last_read_post_number": .null, "highest_post_number": .int(topic.highestPostNumber),
                        "created_at": .date(topic.createdAt), "category_id": .optional(topic.categoryId),
                        "archetype": .string(topic.archetype.rawValue), "created_in_new_period": true,
                    ],
                ])
        }
    }

    /// The state Discourse's `User#publish_notifications_state` sends after a change.
    func publishNotificationState(of userId: Int, data: CommunityData) {
        let mine = data.notifications.values.filter { $0.userId == userId }.sorted { $0.id > $1.id }
        let unread = mine.filter { !$0.read }
        var grouped = JSONObject()
        for (type, items) in Dictionary(grouping: unread, by: \.notificationType).sorted(by: { $0.key < $1.key }) {
            grouped[String(type)] = .int(items.count)
        }
        var state: JSONObject = [
            "unread_notifications": .int(unread.filter { !$0.highPriority }.count),
            "unread_high_priority_notifications": .int(unread.filter(\.highPriority).count),
            "read_first_notification": false,
            "all_unread_notifications_count": .int(unread.count),
            "grouped_unread_notifications": .object(grouped),
            "new_personal_messages_notifications_count": .int(unread.filter { $0.notificationType == 6 }.count),
            "seen_notification_id": .int(mine.filter(\.read).map(\.id).max() ?? 0),
            "recent": .array(mine.prefix(10).map { [.int($0.id), .bool($0.read)] }),
        ]
        if let last = mine.first {
            state["last_notification"] = [
                "notification": .object(NotificationEndpoint.serializeNotification(last, data: data))
            ]
        }
        publish("/notification/\(userId)", .object(state), audience: .users([userId]))
    }

    /// The size of the review queue, to staff: on `/reviewable_counts` and, as Discourse
    /// addresses it, on `/reviewable_counts/{user_id}` of each staff member.
    func publishReviewableCounts(data: CommunityData) {
        let pending = data.reviewables.values.filter { $0.status == .pending }.count
        let counts: JSONValue = ["reviewable_count": .int(pending), "unseen_reviewable_count": .int(pending)]
        publish("/reviewable_counts", counts, audience: .staff)
        for user in data.users.values where user.isStaff {
            publish("/reviewable_counts/\(user.id)", counts, audience: .users([user.id]))
        }
    }
}
