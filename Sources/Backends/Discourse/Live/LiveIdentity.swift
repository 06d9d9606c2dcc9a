import ForaCore
import ForaNet
import Foundation

/// Who is listening, from `/session/current.json`: the user id names the private channels,
/// staff also hear the review count, and the counts seed the status bar before any message
/// arrives. Anonymous viewers (404) have no identity and get the public channels only.
struct LiveIdentity: Sendable, Equatable {
    var userID: Int
    var isStaff: Bool
    var unreadNotifications: Int
    var unreadHighPriority: Int
    var reviewableCount: Int?

    static let path = "/session/current.json"

    static func fetch(from service: DiscourseService) async throws -> LiveIdentity? {
        do {
            let response = try await service.send("GET", path)
            return try parse(response.body)
        } catch ForaError.notFound, ForaError.notLoggedIn {
            return nil
        }
    }

    static func parse(_ body: [UInt8]) throws -> LiveIdentity {
        guard let outer = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            let user = outer["current_user"] as? [String: Any], let id = user["id"] as? Int
        else { throw ForaError.malformedResponse(endpoint: path, field: "current_user.id") }
        let staff =
            user["staff"] as? Bool ?? ((user["admin"] as? Bool ?? false) || (user["moderator"] as? Bool ?? false))
        return LiveIdentity(
            userID: id, isStaff: staff, unreadNotifications: user["unread_notifications"] as? Int ?? 0,
            unreadHighPriority: user["unread_high_priority_notifications"] as? Int ?? 0,
            reviewableCount: staff ? user["reviewable_count"] as? Int : nil)
    }

    /// The counts as events, for the status bar.
    var countEvents: [LiveEvent] {
        var events: [LiveEvent] = [.notificationCounts(unread: unreadNotifications, highPriority: unreadHighPriority)]
        if let reviewableCount { events.append(.reviewCount(reviewableCount)) }
        return events
    }
}
