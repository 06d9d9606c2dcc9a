// `/notifications.json` for the signed-in user: the paged list (`offset`, `limit` ≤ 60,
// `filter=read|unread`) with `load_more_notifications`, or the menu list (`recent=true`),
// unread high-priority first.
import DemoCommunity
import Foundation

enum NotificationEndpoint {
    static let maxLimit = 60

    static func list(request: APIRequest, context: DemoContext) throws -> APIResponse {
        let me = try requireUser(request.viewer)
        let recent = request.queryValue("recent") == "true"
        let limit = min(maxLimit, max(1, request.queryValue("limit").flatMap { Int($0) } ?? maxLimit))
        let offset = max(0, request.queryValue("offset").flatMap { Int($0) } ?? 0)
        let filter = request.queryValue("filter")
        return context.state.read { data, _ in
            var mine = data.notifications.values.filter { $0.userId == me }
            if filter == "read" { mine = mine.filter(\.read) }
            if filter == "unread" { mine = mine.filter { !$0.read } }
            let newestFirst: (DemoNotification, DemoNotification) -> Bool = {
                $0.createdAt != $1.createdAt ? $0.createdAt > $1.createdAt : $0.id > $1.id
            }
            if recent {
                let urgent = mine.filter { !$0.read && $0.highPriority }.sorted(by: newestFirst)
                let rest = mine.filter { $0.read || !$0.highPriority }.sorted(by: newestFirst)
                mine = urgent + rest
            } else {
                mine.sort(by: newestFirst)
            }
            let page = Array(mine.dropFirst(recent ? 0 : offset).prefix(limit))
            let seen = data.notifications.values.filter { $0.userId == me && $0.read }.map(\.id).max() ?? 0
            var object: JSONObject = [
                "notifications": .array(page.map { .object(serializeNotification($0, data: data)) })
            ]
            if !recent {
                object["total_rows_notifications"] = .int(mine.count)
            }
            object["seen_notification_id"] = .int(seen)
            if !recent {
                let username = data.users[me]?.username ?? ""
                object["load_more_notifications"] = .string(
                    "/notifications?offset=\(offset + limit)&username=\(username)")
            }
            return .json(.object(object))
        }
    }

    static func serializeNotification(_ notification: DemoNotification, data: CommunityData) -> JSONObject {
        var object: JSONObject = [
            "id": .int(notification.id),
            "user_id": .int(notification.userId),
            "notification_type": .int(notification.notificationType),
            "read": .bool(notification.read),
            "high_priority": .bool(notification.highPriority),
            "created_at": .date(notification.createdAt),
            "post_number": .optional(notification.postNumber),
            "topic_id": .optional(notification.topicId),
        ]
        if let topicId = notification.topicId, let topic = data.topics[topicId] {
            object["fancy_title"] = .string(TextFormatting.fancyTitle(topic.title))
        }
        object["slug"] = .optional(notification.slug)
        var payload = JSONObject()
        for key in notification.data.keys.sorted() {
            if let value = notification.data[key] { payload[key] = typedValue(value) }
        }
        object["data"] = .object(payload)
        let actor =
            notification.data["display_username"] ?? notification.data["original_username"]
            ?? notification.data["username"]
        if let actor, let user = data.user(named: actor) {
            object["acting_user_avatar_template"] = .string(user.avatarTemplate)
            object["acting_user_name"] = .optional(user.name)
        }
        return object
    }

    /// Notification data is stored as strings; integers and booleans go back on the wire as
    /// JSON numbers and booleans, as Discourse stores them.
    private static func typedValue(_ value: String) -> JSONValue {
        if value == "true" { return true }
        if value == "false" { return false }
        if let number = Int(value), String(number) == value { return .int(number) }
        return .string(value)
    }
}

extension RouteTable {
    mutating func registerNotificationEndpoints() {
        get("/notifications.json") { request, context in
            try NotificationEndpoint.list(request: request, context: context)
        }
    }
}
