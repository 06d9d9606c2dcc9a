import ForaCore

/// How a platform's error answers become `ForaError`s. ForaNet knows HTTP statuses; a backend
/// knows its platform's error bodies and what each endpoint needs, and hands its mapping to
/// `HTTPClient.fetch` (Discourse's is `HTTPStatusMapping` in DiscourseBackend).
public protocol HTTPErrorMapping: Sendable {
    /// nil for a successful answer.
    func error(for response: HTTPResponse, request: HTTPRequest?) -> ForaError?
}

/// The statuses alone, for requests no backend describes; and the one table of statuses every
/// backend's mapping ends in, once it has read its platform's body.
public struct HTTPStatusErrors: HTTPErrorMapping {
    public init() {}

    public func error(for response: HTTPResponse, request: HTTPRequest?) -> ForaError? {
        Self.error(for: response, request: request)
    }

    /// The error for the answer's status, given what the platform's body said (`detail`, and
    /// every message in `messages`) and, for a 403, what the request needed (`forbidden`).
    public static func error(
        for response: HTTPResponse, request: HTTPRequest?, detail: String? = nil, messages: [String] = [],
        forbidden: String? = nil
    ) -> ForaError? {
        guard !(200..<300).contains(response.status) else { return nil }
        switch response.status {
        case 401: return .notLoggedIn
        case 403: return .forbidden(forbidden ?? detail)
        case 404: return .notFound(detail ?? request.map { "not found: \($0.endpoint)" })
        case 409: return .conflict(detail)
        case 410: return .notFound(detail ?? "it has been deleted")
        case 400, 422: return .validation(messages)
        case 429:
            return .rateLimited(waitSeconds: RetryAfter.seconds(for: response).map { Int($0.rounded(.up)) })
        case 500...: return .serverError(status: response.status)
        default: return .other(detail ?? "HTTP \(response.status) from \(request?.endpoint ?? "the server")")
        }
    }
}
