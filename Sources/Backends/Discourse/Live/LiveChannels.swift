import ForaCore
import ForaNet
import Foundation

/// The message-bus channels fora listens to, as Discourse names them (api-brief §13), and
/// how their messages become `LiveEvent`s. Unknown channels, types and payload shapes are
/// ignored, as the brief advises.
public enum LiveChannels {
    public static let latest = "/latest"
    public static let new = "/new"
    public static func topic(_ id: Int) -> String { "/topic/\(id)" }
    public static func notification(_ userID: Int) -> String { "/notification/\(userID)" }
    /// Modern Discourse publishes the review count per staff member; older versions on the
    /// shared `/reviewable_counts`. Staff subscribe to both (the demo server publishes both).
    public static func reviewableCounts(_ userID: Int) -> String { "/reviewable_counts/\(userID)" }
    public static let sharedReviewableCounts = "/reviewable_counts"

    /// The channels for a viewer (nil user: anonymous) and the open topic.
    public static func subscriptions(userID: Int?, isStaff: Bool, topicID: Int?) -> [String] {
        var channels = [latest, new]
        if let userID {
            channels.append(notification(userID))
            if isStaff { channels += [reviewableCounts(userID), sharedReviewableCounts] }
        }
        if let topicID { channels.append(topic(topicID)) }
        return channels
    }

    /// The event a message stands for, or nil for what fora does not act on.
    public static func event(from message: MessageBusMessage) -> LiveEvent? {
        let payload = (try? JSONSerialization.jsonObject(with: message.data)) as? [String: Any] ?? [:]
        let channel = message.channel
        if channel == latest || channel == new {
            return .listChanged(topicID: payload["topic_id"] as? Int)
        }
        if let id = number(after: "/topic/", in: channel) {
            if payload["reload_topic"] as? Bool == true {
                return .topicChanged(topicID: id, postNumber: nil, kind: "reload")
            }
            guard let type = payload["type"] as? String else { return nil }
            return .topicChanged(topicID: id, postNumber: payload["post_number"] as? Int, kind: type)
        }
        if number(after: "/notification/", in: channel) != nil {
            guard let unread = payload["unread_notifications"] as? Int else { return nil }
            return .notificationCounts(
                unread: unread, highPriority: payload["unread_high_priority_notifications"] as? Int ?? 0)
        }
        if channel == sharedReviewableCounts || number(after: "/reviewable_counts/", in: channel) != nil {
            guard let count = payload["reviewable_count"] as? Int else { return nil }
            return .reviewCount(count)
        }
        return nil
    }

    private static func number(after prefix: String, in channel: String) -> Int? {
        guard channel.hasPrefix(prefix) else { return nil }
        return Int(channel.dropFirst(prefix.count))
    }
}
