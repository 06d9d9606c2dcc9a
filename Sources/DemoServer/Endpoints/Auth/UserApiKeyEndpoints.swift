// The User API Key browser flow (api-brief §1b): `HEAD /user-api-key/new` announces the
// protocol version and the device flow; `GET /user-api-key/new?…` validates the request and,
// once a demo user is chosen, issues the key and shows the encrypted payload to paste into
// the client. Also revocation (`POST /user-api-key/revoke`, `…/undo-revoke`) and
// `GET /session/current.json`.
import DemoCommunity
import Foundation

enum UserApiKeyEndpoint {
    static let protocolHeaders: [(name: String, value: String)] = [
        ("Auth-Api-Version", "4"), ("Auth-Api-Device-Code", "true"),
    ]

    static func head(request: APIRequest, context: DemoContext) throws -> APIResponse {
        APIResponse(status: 200, headers: protocolHeaders + [("Content-Type", "text/html; charset=utf-8")])
    }

    static func new(request: APIRequest, context: DemoContext) throws -> APIResponse {
        let asked: UserApiKeyRequest
        do {
            asked = try UserApiKeyRequest(value: { request.queryValue($0) }, deviceFlow: false)
        } catch {
            return AuthPages.error(error)
        }
        guard let username = request.queryValue("demo_username"), !username.isEmpty else {
            let users = context.state.read { data, _ in selectableUsers(data) }
            let body =
                AuthPages.requestSummary(asked)
                + "\n<p>This demo server has no login. Choose the account to authorize:</p>\n"
                + AuthPages.userChoice(users, baseLink: AuthPages.link(to: request))
            return AuthPages.page("Authorize \(asked.applicationName)", body)
        }
        return try context.state.write { data, _ in
            guard let user = data.user(named: username), isSelectable(user) else {
                return AuthPages.page("Authorization failed", "<p>No such user.</p>", status: 404)
            }
            let record = try data.issueUserApiKey(for: user, request: asked, at: Date())
            return AuthPages.payload(try asked.encryptedPayload(forKey: record.key), request: asked, user: user)
        }
    }

    static func isSelectable(_ user: DemoUser) -> Bool {
        (user.suspendedUntil ?? .distantPast) <= Date()
    }

    static func selectableUsers(_ data: CommunityData) -> [DemoUser] {
        data.users.values.filter(isSelectable).sorted { $0.id < $1.id }
    }

    /// Revokes the calling key, or (with `id`) another key of the same user.
    static func revoke(request: APIRequest, context: DemoContext) throws -> APIResponse {
        try setRevoked(true, request: request, context: context)
    }

    static func undoRevoke(request: APIRequest, context: DemoContext) throws -> APIResponse {
        try setRevoked(false, request: request, context: context)
    }

    private static func setRevoked(_ revoked: Bool, request: APIRequest, context: DemoContext) throws -> APIResponse {
        let me = try requireUser(request.viewer)
        guard let key = request.param("id") ?? request.param("key") ?? request.headers["user-api-key"] else {
            throw DemoAPIError.badParameter("id")
        }
        return try context.state.write { data, _ in
            guard let record = data.userApiKeys[key] else { throw DemoAPIError.notFound }
            guard record.userId == me || isAdmin(request.viewer, in: data) else { throw DemoAPIError.forbidden() }
            data.userApiKeys[key]?.revokedAt = revoked ? Date() : nil
            return .json(["success": "OK"])
        }
    }

    /// `{current_user: …}` for the signed-in user; 404 for anonymous visitors, as
    /// session#current answers them.
    static func currentSession(request: APIRequest, context: DemoContext) throws -> APIResponse {
        guard let me = request.viewer.userId else { throw DemoAPIError.notFound }
        return try context.state.read { data, _ in
            guard let user = data.users[me] else { throw DemoAPIError.notFound }
            let mine = data.notifications.values.filter { $0.userId == me && !$0.read }
            var current = serializeBasicUser(user)
            let facts: JSONObject = [
                "unread_notifications": .int(mine.filter { !$0.highPriority }.count),
                "unread_high_priority_notifications": .int(mine.filter(\.highPriority).count),
                "all_unread_notifications_count": .int(mine.count),
                "read_first_notification": true, "admin": .bool(user.role == .admin),
                "moderator": .bool(user.role == .moderator), "staff": .bool(user.isStaff),
                "trust_level": .int(user.trustLevel),
                "title": .optional(user.title),
                "can_create_topic": .bool((user.silencedUntil ?? .distantPast) <= Date()),
                "can_send_private_messages": true, "can_review": .bool(user.isStaff),
                "reviewable_count": .int(user.isStaff ? ReviewEndpoint.pendingCount(data) : 0),
                "silenced_till": .optionalDate(user.silencedUntil.flatMap { $0 > Date() ? $0 : nil }),
            ]
            for entry in facts.entries { current[entry.key] = entry.value }
            return .json(["current_user": .object(current)])
        }
    }
}
