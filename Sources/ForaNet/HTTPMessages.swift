/// A request as the client builds it; credentials travel in `headers` and are never logged.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    public var url: String
    public var headers: [String: String]
    /// The request body (form-encoded or JSON, with the matching Content-Type header).
    public var body: [UInt8]?
    /// Whether a failed attempt may be repeated automatically. GET and HEAD are; writes are
    /// not, unless the caller knows the call is safe to repeat (a message-bus poll).
    public var retryable: Bool

    public init(
        method: String = "GET", url: String, headers: [String: String] = [:], body: [UInt8]? = nil,
        retryable: Bool? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.retryable = retryable ?? ["GET", "HEAD"].contains(method)
    }

    /// The path and query, without scheme and host: what error messages name.
    public var endpoint: String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }
}

public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    /// Header names lower-cased.
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public var text: String { String(decoding: body, as: UTF8.self) }
}
