// Errors with the bodies real Discourse sends, so a client's error handling is exercised on
// the genuine shapes (see ../shared/discourse/fixtures/errors_observed.json).
import DemoCommunity
import Foundation

public struct DemoAPIError: Error, Sendable {
    public var status: Int
    public var errors: [String]
    public var errorType: String?
    public var extras: JSONObject?
    public var headers: [(name: String, value: String)] = []

    public init(status: Int, errors: [String], errorType: String? = nil, extras: JSONObject? = nil) {
        self.status = status
        self.errors = errors
        self.errorType = errorType
        self.extras = extras
    }

    /// 403 `invalid_access`, as Discourse answers a forbidden request.
    public static func forbidden(_ message: String = "You are not permitted to view the requested resource.")
        -> DemoAPIError
    { DemoAPIError(status: 403, errors: [message], errorType: "invalid_access") }

    /// 403 for a request that needs a logged-in user.
    public static let notLoggedIn = DemoAPIError(
        status: 403, errors: ["You need to be logged in to do that."], errorType: "not_logged_in")

    /// 404 `not_found`.
    public static let notFound = DemoAPIError(
        status: 404, errors: ["The requested URL or resource could not be found."], errorType: "not_found")

    /// 422 with validation messages.
    public static func invalid(_ messages: [String]) -> DemoAPIError {
        DemoAPIError(status: 422, errors: messages)
    }

    /// 400 for a missing or malformed parameter.
    public static func badParameter(_ name: String) -> DemoAPIError {
        DemoAPIError(
            status: 400, errors: ["param is missing or the value is empty: \(name)"], errorType: "invalid_parameters")
    }

    /// 409 conflict (stale version, edit conflict, claim conflict).
    public static func conflict(_ message: String) -> DemoAPIError {
        DemoAPIError(status: 409, errors: [message])
    }

    public var response: APIResponse {
        var body: JSONObject = ["errors": .array(errors.map { .string($0) })]
        if let errorType { body["error_type"] = .string(errorType) }
        if let extras { body["extras"] = .object(extras) }
        var response = APIResponse.json(.object(body), status: status)
        response.headers += headers
        return response
    }
}
