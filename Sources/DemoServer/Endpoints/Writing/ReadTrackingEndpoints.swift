// Reading state: `POST /topics/timings` (and the older `POST /t/{id}/timings`) moves the
// user's last read post forward and marks the notifications of the read posts read, as
// TopicsController#timings does; `PUT /notifications/mark-read.json` marks one (`id`), some
// (`dismiss_types`) or all notifications read.
import DemoCommunity
import Foundation

enum ReadTrackingEndpoint {
    static func timings(request: APIRequest, context: DemoContext) throws -> APIResponse {
        let me = try requireUser(request.viewer)
        let topicId = request.param("topic_id").flatMap { Int($0) } ?? request.intParameter("id")
        guard let topicId else { throw DemoAPIError.badParameter("topic_id") }
        // `timings[N]=ms`: the post numbers the user spent time on.
        let numbers = request.form.compactMap { field -> Int? in
            guard field.name.hasPrefix("timings["), field.name.hasSuffix("]") else { return nil }
            return Int(field.name.dropFirst(8).dropLast())
        }
        let live = context.live
        return try context.state.write { data, _ in
            let topic = try requireVisibleTopic(topicId, viewer: request.viewer, data: data)
            guard let highestRead = numbers.filter({ $0 >= 1 && $0 <= topic.highestPostNumber }).max() else {
                return APIResponse(status: 200)
            }
            let previous = data.lastReadPostNumber[me]?[topic.id] ?? 0
            data.lastReadPostNumber[me, default: [:]][topic.id] = max(previous, highestRead)
            let read = data.notifications.values.filter {
                $0.userId == me && !$0.read && $0.topicId == topic.id && ($0.postNumber ?? 0) <= highestRead
            }
            for notification in read { data.notifications[notification.id]?.read = true }
            if !read.isEmpty { live.publishNotificationState(of: me, data: data) }
            live.publish(
                "/unread/\(me)",
                [
                    "topic_id": .int(topic.id), "message_type": "read",
                    "payload": [
                        "last_read_post_number": .int(max(previous, highestRead)),
                        "highest_post_number": .int(topic.highestPostNumber), "notification_level": 2,
                    ],
                ], audience: .users([me]))
            return APIResponse(status: 200)
        }
    }

    static func markRead(request: APIRequest, context: DemoContext) throws -> APIResponse {
        let me = try requireUser(request.viewer)
        let id = request.param("id").flatMap { Int($0) }
        let types = request.param("dismiss_types").map { names in
            Set(
                names.split(separator: ",").compactMap {
                    notificationTypeIds[String($0).trimmingCharacters(in: .whitespaces)]
                })
        }
        let live = context.live
        return try context.state.write { data, _ in
            let targets = data.notifications.values.filter { notification in
                guard notification.userId == me, !notification.read else { return false }
                if let id { return notification.id == id }
                if let types { return types.contains(notification.notificationType) }
                return true
            }
            if let id, data.notifications[id]?.userId != me { throw DemoAPIError.notFound }
            for notification in targets { data.notifications[notification.id]?.read = true }
            live.publishNotificationState(of: me, data: data)
            return .json(["success": "OK"])
        }
    }

    /// Notification type names (as `dismiss_types` lists them) to ids.
    static let notificationTypeIds: [String: Int] = [
        "mentioned": 1, "replied": 2, "quoted": 3, "edited": 4, "liked": 5, "private_message": 6,
        "invited_to_private_message": 7, "invitee_accepted": 8, "posted": 9, "moved_post": 10, "linked": 11,
        "granted_badge": 12, "invited_to_topic": 13, "custom": 14, "group_mentioned": 15, "group_message_summary": 16,
        "watching_first_post": 17, "topic_reminder": 18, "liked_consolidated": 19, "post_approved": 20,
        "bookmark_reminder": 24, "reaction": 25,
    ]
}
