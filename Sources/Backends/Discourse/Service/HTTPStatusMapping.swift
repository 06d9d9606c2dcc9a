import ForaCore
import ForaNet
import Foundation

/// HTTP statuses and Discourse error bodies (`{"errors": [...], "error_type": "..."}`) to
/// ForaError. A 403 names what the request needed (see `PermissionHints`). The statuses
/// themselves are ForaNet's `HTTPStatusErrors`; this reads what Discourse adds to them.
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
        if response.status == 403, body?.errorType == "not_logged_in" { return .notLoggedIn }
        var forbidden: String?
        if response.status == 403, let request {
            let need = PermissionHints.requirement(method: request.method, endpoint: request.endpoint)
            let server = detail.map { " (the server said: \($0))" } ?? ""
            forbidden = "not allowed: \(need)\(server)"
        }
        return HTTPStatusErrors.error(
            for: response, request: request, detail: detail, messages: errors, forbidden: forbidden)
    }
}

/// `HTTPStatusMapping` as the mapping `HTTPClient.fetch` applies to every Discourse request.
struct DiscourseErrors: HTTPErrorMapping {
    func error(for response: HTTPResponse, request: HTTPRequest?) -> ForaError? {
        HTTPStatusMapping.error(for: response, request: request)
    }
}
