/// The one error type the client surfaces. Every case has a user-facing `message` and a
/// documented process exit code, so the CLI and the TUI report failures the same way.
public enum ForaError: Error, Equatable, Sendable {
    case usage(String)
    case hostUnreachable(host: String)
    case dns(host: String)
    case tls(reason: String)
    case notLoggedIn
    case forbidden(String?)
    case notFound(String?)
    case conflict(String?)
    case validation([String])
    case rateLimited(waitSeconds: Int?)
    case serverError(status: Int)
    case malformedResponse(endpoint: String, field: String)
    /// The site redirected a request where fora will not follow: another origin (scheme, host,
    /// port), https to http, or any write. The message names where it pointed.
    case redirectRefused(String)
    /// A response broke a limit fora keeps against hostile servers: larger than allowed, or
    /// not finished within the deadline. The message names the limit and its setting.
    case responseLimit(String)
    case other(String)

    /// Process exit codes: 0 success, 1 other, 2 usage, 3 network unreachable,
    /// 4 auth required/denied, 5 not found, 6 rate limited, 7 server error, 8 conflict.
    public var exitCode: Int32 {
        switch self {
        case .usage: return 2
        case .hostUnreachable, .dns, .tls: return 3
        case .notLoggedIn, .forbidden: return 4
        case .notFound: return 5
        case .rateLimited: return 6
        case .serverError, .redirectRefused, .responseLimit: return 7
        case .conflict: return 8
        case .validation, .malformedResponse, .other: return 1
        }
    }

    public var message: String {
        switch self {
        case .usage(let text): return text
        case .hostUnreachable(let host): return "cannot connect to \(host)"
        case .dns(let host): return "cannot resolve host \(host)"
        case .tls(let reason): return "secure connection failed: \(reason)"
        case .notLoggedIn: return "you need to log in to do that"
        case .forbidden(let detail): return detail ?? "access denied"
        case .notFound(let detail): return detail ?? "not found"
        case .conflict(let detail): return detail ?? "conflict: the content changed meanwhile"
        case .validation(let errors):
            return errors.isEmpty ? "the server rejected the request" : errors.joined(separator: "; ")
        case .rateLimited(let wait):
            if let wait { return "rate limited by the server: try again in \(wait)s" }
            return "rate limited: try again later"
        case .serverError(let status): return "server error (HTTP \(status))"
        case .malformedResponse(let endpoint, let field): return "unexpected response from \(endpoint) (\(field))"
        case .redirectRefused(let text), .responseLimit(let text), .other(let text): return text
        }
    }
}
