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
    /// How the transfer went over the wire (libcurl's own account of it).
    public var transport: TransportFacts

    public init(status: Int, headers: [String: String], body: [UInt8], transport: TransportFacts = TransportFacts()) {
        self.status = status
        self.headers = headers
        self.body = body
        self.transport = transport
    }

    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// What libcurl reports about one finished transfer: the HTTP version spoken and how many new
/// connections it opened (0 when it reused or multiplexed over an existing one).
public struct TransportFacts: Sendable, Equatable {
    /// "1.0", "1.1", "2", "3", or "" when unknown (CURLINFO_HTTP_VERSION).
    public var httpVersion: String
    /// CURLINFO_NUM_CONNECTS: connections this transfer had to open itself.
    public var newConnections: Int

    public init(httpVersion: String = "", newConnections: Int = 0) {
        self.httpVersion = httpVersion
        self.newConnections = newConnections
    }
}
