import ForaCore
import Foundation

/// HTTP statuses and Discourse error bodies (`{"errors": [...], "error_type": "..."}`) to
/// ForaError. A 403 names what the request needed (see `PermissionHints`).
public enum HTTPStatusMapping {
    struct DiscourseErrorBody: Decodable {
        var errors: [String]?
        var errorType: String?
        var error: String?
        enum CodingKeys: String, CodingKey {
            case errors, error
            case errorType = "error_type"
        }
    }

    public static func error(for response: HTTPResponse, request: HTTPRequest? = nil) -> ForaError? {
        guard !(200..<300).contains(response.status) else { return nil }
        let body = try? JSONDecoder().decode(DiscourseErrorBody.self, from: Data(response.body))
        let errors = body?.errors ?? body?.error.map { [$0] } ?? []
        let detail = errors.first
        if [401, 403].contains(response.status), let request, request.headers["Api-Key"] != nil,
            request.headers["Api-Username"] == nil
        {
            // Not a missing permission: the key went without the user it should act as.
            return .forbidden(
                "the site refused the API key sent without a username; give the user it acts as with "
                    + "--api-username, FORA_API_USERNAME or api_username in config.toml")
        }
        switch response.status {
        case 401: return .notLoggedIn
        case 403:
            if body?.errorType == "not_logged_in" { return .notLoggedIn }
            guard let request else { return .forbidden(detail) }
            let need = PermissionHints.requirement(method: request.method, endpoint: request.endpoint)
            let server = detail.map { " (the server said: \($0))" } ?? ""
            return .forbidden("not allowed: \(need)\(server)")
        case 404: return .notFound(detail ?? request.map { "not found: \($0.endpoint)" })
        case 409: return .conflict(detail)
        case 410: return .notFound(detail ?? "it has been deleted")
        case 400, 422: return .validation(errors)
        case 429:
            return .rateLimited(waitSeconds: RetryAfter.seconds(for: response).map { Int($0.rounded(.up)) })
        case 500...: return .serverError(status: response.status)
        default: return .other(detail ?? "HTTP \(response.status) from \(request?.endpoint ?? "the server")")
        }
    }
}
