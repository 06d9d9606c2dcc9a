// Who a request comes from, decided the way Discourse's DefaultCurrentUserProvider does:
// an `Api-Key` with `Api-Username` (or `Api-User-Id`), a `User-Api-Key`, or nobody.
// Credentials in the query string count only on feed routes, as Discourse allows them only
// there. Bad credentials never fall back to anonymous: they are a 403 `invalid_access`.
import DemoCommunity
import Foundation

enum Authentication {
    /// Discourse's `invalid_api_credentials` message.
    static let invalidCredentials = DemoAPIError.forbidden(
        "You are not permitted to view the requested resource. The API username or key is invalid.")

    /// The viewer of `request`, or 403 for wrong, revoked or out-of-scope credentials.
    static func authenticate(_ request: APIRequest, data: CommunityData, allUsersKey: String, now: Date = Date())
        throws -> Viewer
    {
        let allowsQueryCredentials = request.method == "GET" && isFeedPath(request.path)
        func credential(header: String, query: String) -> String? {
            if let value = request.headers[header], !value.isEmpty { return value }
            return allowsQueryCredentials ? request.queryValue(query) : nil
        }

        if let key = credential(header: "api-key", query: "api_key") {
            guard key == allUsersKey else { throw invalidCredentials }
            let user: DemoUser?
            if let username = credential(header: "api-username", query: "api_username") {
                user = data.user(named: username)
            } else if let id = request.headers["api-user-id"].flatMap({ Int($0) }) {
                user = data.users[id]
            } else {
                user = nil
            }
            guard let user else { throw invalidCredentials }
            try requireActive(user, now: now)
            return .user(id: user.id, scopes: nil)
        }

        if let key = credential(header: "user-api-key", query: "user_api_key") {
            guard let record = data.userApiKeys[key] ?? data.userApiKeys.values.first(where: { $0.key == key }),
                record.revokedAt == nil, let user = data.users[record.userId]
            else { throw invalidCredentials }
            try requireActive(user, now: now)
            guard scopesAllow(record.scopes, method: request.method, path: request.path) else {
                throw DemoAPIError.forbidden()
            }
            return .user(id: user.id, scopes: record.scopes)
        }
        return .anonymous
    }

    /// Suspended users are refused, as Discourse refuses their API requests.
    private static func requireActive(_ user: DemoUser, now: Date) throws {
        if let until = user.suspendedUntil, until > now { throw DemoAPIError.forbidden() }
    }

    /// RSS and Atom routes, where Discourse accepts `api_key`/`user_api_key` in the query.
    static func isFeedPath(_ path: String) -> Bool {
        path.hasSuffix(".rss") || path.hasSuffix(".atom") || path.hasSuffix(".ics")
    }

    /// Whether User API Key scopes cover a route, following UserApiKeyScope: `read` allows
    /// every GET, `write` everything; the narrow scopes allow their few routes.
    static func scopesAllow(_ scopes: [String], method: String, path: String) -> Bool {
        if scopes.contains("write") { return true }
        let isRead = method == "GET" || method == "HEAD"
        if isRead && scopes.contains("read") { return true }
        // The user may always revoke the key that is calling.
        if path.hasPrefix("/user-api-key/revoke") { return true }
        if scopes.contains("notifications") {
            if isRead && (path.hasPrefix("/notifications.json") || path.hasPrefix("/notifications/totals")) {
                return true
            }
            if method == "PUT" && path.hasPrefix("/notifications/mark-read") { return true }
            if method == "POST" && path.hasPrefix("/message-bus/") { return true }
        }
        if scopes.contains("message_bus") && method == "POST" && path.hasPrefix("/message-bus/") { return true }
        if scopes.contains("session_info") && isRead
            && (path.hasPrefix("/session/current") || path.hasSuffix("/topic-tracking-state.json"))
        {
            return true
        }
        return false
    }
}
