import CCurl
import ForaCore
import Foundation

/// Sends HTTP requests over a reused libcurl easy handle. Transfers run one at a time on a
/// private serial queue (so callers never block the UI thread); `send` suspends until done.
/// The multi-handle parallel transport is not written yet.
public final class HTTPClient: @unchecked Sendable {
    private let queue = DispatchQueue(label: "fora.http")
    private var easy: CurlEasy?  // touched only on `queue`

    public init(caFile: String? = nil) {
        _ = HTTPClient.globalInit
        queue.sync {
            easy = CurlEasy()
            easy?.caFile = caFile
        }
    }

    private static let globalInit: Void = { _ = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                guard let easy = self.easy else {
                    continuation.resume(throwing: ForaError.other("libcurl could not be initialised"))
                    return
                }
                do {
                    continuation.resume(returning: try easy.perform(request))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Sends and maps non-2xx statuses (with Discourse's error JSON) to ForaError.
    public func fetch(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response = try await send(request)
        if let error = HTTPStatusMapping.error(for: response) { throw error }
        return response
    }
}

/// HTTP statuses and Discourse error bodies (`{"errors": [...], "error_type": "..."}`) to ForaError.
public enum HTTPStatusMapping {
    struct DiscourseErrorBody: Decodable {
        var errors: [String]?
        var errorType: String?
        var extras: Extras?
        struct Extras: Decodable {
            var waitSeconds: Int?
            enum CodingKeys: String, CodingKey { case waitSeconds = "wait_seconds" }
        }
        enum CodingKeys: String, CodingKey {
            case errors, extras
            case errorType = "error_type"
        }
    }

    public static func error(for response: HTTPResponse) -> ForaError? {
        guard !(200..<300).contains(response.status) else { return nil }
        let body = try? JSONDecoder().decode(DiscourseErrorBody.self, from: Data(response.body))
        let detail = body?.errors?.first
        switch response.status {
        case 401: return .notLoggedIn
        case 403: return body?.errorType == "not_logged_in" ? .notLoggedIn : .forbidden(detail)
        case 404: return .notFound(detail)
        case 409: return .conflict(detail)
        case 422: return .validation(body?.errors ?? [])
        case 429:
            let wait = body?.extras?.waitSeconds ?? response.headers["retry-after"].flatMap { Int($0) }
            return .rateLimited(waitSeconds: wait)
        case 500...: return .serverError(status: response.status)
        default: return .other(detail ?? "HTTP \(response.status)")
        }
    }
}
