// Staff tools on users: `GET /admin/users/{id}.json` and the penalties — silence, suspend and
// their reversals — with the guardian's rule that staff cannot be penalised, and the answer
// shapes of Admin::UsersController.
import DemoCommunity
import Foundation

enum AdminUserEndpoint {
    /// A penalty without an end lasts a thousand years, as Discourse's "forever" does.
    static let forever: TimeInterval = 1000 * 365 * 86_400

    static func parseDate(_ text: String?) -> Date? {
        guard let text, !text.isEmpty else { return nil }
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        if let date = try? withFraction.parse(text) { return date }
        if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
        return try? Date.ISO8601FormatStyle().year().month().day().parse(text)
    }

    /// The target user, who must exist and not be staff, and the acting staff member.
    private static func penaltyParties(_ request: APIRequest, data: CommunityData) throws -> (
        staff: DemoUser, user: DemoUser
    ) {
        let staff = try requireStaff(request.viewer, in: data)
        guard let user = data.users[request.intParameter("id") ?? 0] else { throw DemoAPIError.notFound }
        guard !user.isStaff else { throw DemoAPIError.forbidden() }
        return (staff, user)
    }

    static func silence(request: APIRequest, context: DemoContext) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        let reason = request.param("reason") ?? ""
        let until = parseDate(request.param("silenced_till")) ?? Date().addingTimeInterval(forever)
        return try context.state.write { data, _ in
            let (staff, user) = try penaltyParties(request, data: data)
            data.users[user.id]?.silencedUntil = until
            data.users[user.id]?.silenceReason = reason
            return .json([
                "silence": [
                    "silenced": true, "silence_reason": .string(reason), "full_silence_reason": .string(reason),
                    "silenced_till": .date(until), "silenced_at": .date(Date()),
                    "silenced_by": .object(serializeBasicUser(staff)),
                ]
            ])
        }
    }

    static func unsilence(request: APIRequest, context: DemoContext) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        return try context.state.write { data, _ in
            let (_, user) = try penaltyParties(request, data: data)
            data.users[user.id]?.silencedUntil = nil
            data.users[user.id]?.silenceReason = nil
            return .json(["unsilence": ["silenced": false]])
        }
    }

    static func suspend(request: APIRequest, context: DemoContext) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        guard let until = parseDate(request.param("suspend_until")) else {
            throw DemoAPIError.badParameter("suspend_until")
        }
        guard let reason = request.param("reason"), !reason.isEmpty else { throw DemoAPIError.badParameter("reason") }
        let message = request.param("message")
        return try context.state.write { data, _ in
            let (staff, user) = try penaltyParties(request, data: data)
            data.users[user.id]?.suspendedUntil = until
            data.users[user.id]?.suspendReason = reason
            let full = message.map { "\(reason)\n\n\($0)" } ?? reason
            return .json([
                "suspension": [
                    "suspend_reason": .string(reason), "full_suspend_reason": .string(full),
                    "suspended_till": .date(until),
                    "suspended_at": .date(Date()), "suspended_by": .object(serializeBasicUser(staff)),
                ]
            ])
        }
    }

    static func unsuspend(request: APIRequest, context: DemoContext) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        return try context.state.write { data, _ in
            let (_, user) = try penaltyParties(request, data: data)
            data.users[user.id]?.suspendedUntil = nil
            data.users[user.id]?.suspendReason = nil
            return .json(["suspension": ["suspended_till": .null, "suspended_at": .null]])
        }
    }

    /// AdminDetailedUserSerializer, with the counts the demo can know.
    static func show(request: APIRequest, context: DemoContext) throws -> APIResponse {
        _ = try requireUser(request.viewer)
        return try context.state.read { data, _ in
            let staff = try requireStaff(request.viewer, in: data)
            guard let user = data.users[request.intParameter("id") ?? 0] else { throw DemoAPIError.notFound }
            let object = detailedUser(user, viewedBy: staff, data: data)
            return .json(.object(object))
        }
    }

    private static func detailedUser(_ user: DemoUser, viewedBy staff: DemoUser, data: CommunityData) -> JSONObject {
        let now = Date()
        let silenced = (user.silencedUntil ?? .distantPast) > now
        let suspended = (user.suspendedUntil ?? .distantPast) > now
        let regular = !user.isStaff
        let admin = staff.role == .admin
        let allPosts = Array(data.postsByTopic.values.joined())
        let posts = allPosts.filter { $0.userId == user.id && $0.deletedAt == nil }
        let likesGiven = allPosts.filter { $0.likedByUserIds.contains(user.id) }.count
        let flagsGiven = data.reviewables.values.flatMap(\.scores).filter { $0.userId == user.id }.count
        let flagsReceived = data.reviewables.values.filter { $0.kind == .flaggedPost && $0.targetUserId == user.id }
            .reduce(0) { $0 + $1.scores.count }
        let topicCount = data.topics.values.filter { $0.userId == user.id && $0.deletedAt == nil }.count
        let messageCount = data.topics.values.filter { $0.isPrivateMessage && $0.userId == user.id }.count
        var object = serializeBasicUser(user)
        let identity: JSONObject = [
            "active": true, "admin": .bool(user.role == .admin), "moderator": .bool(user.role == .moderator),
            "last_seen_at": .null, "last_emailed_at": .null, "created_at": .date(user.createdAt),
            "last_seen_age": .null,
            "last_emailed_age": .null, "created_at_age": .double(now.timeIntervalSince(user.createdAt)),
            "trust_level": .int(user.trustLevel), "manual_locked_trust_level": .null, "title": .optional(user.title),
            "time_read": 0, "staged": false, "days_visited": 0, "posts_read_count": 0, "topics_entered": 0,
            "post_count": .int(posts.count),
        ]
        let abilities: JSONObject = [
            "can_send_activation_email": false, "can_activate": false, "can_deactivate": .bool(regular),
            "ip_address": "127.0.0.1", "registration_ip_address": .null,
            "can_grant_admin": .bool(admin && user.role != .admin),
            "can_revoke_admin": .bool(admin && user.role == .admin && staff.id != user.id),
            "can_grant_moderation": .bool(admin && user.role == .user),
            "can_revoke_moderation": .bool(admin && user.role == .moderator),
            "can_impersonate": .bool(admin && regular),
            "can_delete_all_posts": .bool(regular), "can_be_deleted": .bool(regular),
            "can_be_anonymized": .bool(regular),
            "can_be_merged": .bool(regular), "can_view_action_logs": true, "can_disable_second_factor": false,
            "can_delete_sso_record": false,
        ]
        let counts: JSONObject = [
            "like_count": .int(posts.reduce(0) { $0 + $1.likeCount }), "like_given_count": .int(likesGiven),
            "topic_count": .int(topicCount), "flags_given_count": .int(flagsGiven),
            "flags_received_count": .int(flagsReceived), "private_topics_count": .int(messageCount),
            "badge_count": .int(user.badgeIds.count), "warnings_received_count": 0, "bounce_score": 0,
            "reset_bounce_score_after": .null, "api_key_count": 0,
        ]
        let penalties: JSONObject = [
            "full_suspend_reason": suspended ? .optional(user.suspendReason) : .null,
            "silence_reason": silenced ? .optional(user.silenceReason) : .null,
            "full_silence_reason": silenced ? .optional(user.silenceReason) : .null,
            "primary_group_id": .null, "single_sign_on_record": .null, "approved_by": .null, "suspended_by": .null,
            "silenced_by": .null,
            "penalty_counts": ["silenced": .int(silenced ? 1 : 0), "suspended": .int(suspended ? 1 : 0)],
            "groups": [], "external_ids": [:], "include_ip": false,
        ]
        for part in [identity, abilities, counts, penalties] {
            for entry in part.entries { object[entry.key] = entry.value }
        }
        // AdminUserListSerializer adds these while a penalty lasts.
        if suspended { object["suspended_till"] = .optionalDate(user.suspendedUntil) }
        if silenced { object["silenced_till"] = .optionalDate(user.silencedUntil) }
        return object
    }
}
