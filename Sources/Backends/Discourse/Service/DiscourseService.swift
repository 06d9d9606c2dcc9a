import ForaCore
import ForaNet
import Foundation

/// The Discourse JSON API behind `CommunityService`. Reading calls live in
/// `DiscourseService+Reading.swift`, writing calls in `+Writing.swift`; this file holds the
/// transport: credentials, pacing, decoding with errors that name the endpoint and field.
public struct DiscourseService: CommunityService {
    public let site: SiteConfiguration
    public let client: HTTPClient
    /// Shared by every copy of this service: keeps the site's request rate under its limits.
    public let pacer: RequestPacer?
    /// Posts per `/t/{id}/posts.json` request when loading the rest of a topic.
    public var postBatchSize = 50

    /// How requests to the site are paced.
    public enum Pacing: Sendable {
        /// From the credentials: user API key 20/min and 2880/day; admin key 60/min; plus the
        /// per-IP limits unless the site is on a loopback or private address (exempt by default).
        case automatic
        case off
        case limits([RateLimit])
    }

    public init(site: SiteConfiguration, client: HTTPClient? = nil, pacing: Pacing = .automatic) {
        self.site = site
        self.client = client ?? HTTPClient(configuration: HTTPClientConfiguration(site: site))
        let limits: [RateLimit]
        switch pacing {
        case .off: limits = []
        case .limits(let given): limits = given
        case .automatic: limits = DiscourseService.automaticLimits(for: site)
        }
        pacer = limits.isEmpty ? nil : RequestPacer(limits: limits)
    }

    static func automaticLimits(for site: SiteConfiguration) -> [RateLimit] {
        var limits: [RateLimit] = []
        if site.userAPIKey != nil {
            limits += RateLimit.userAPIKey
        } else if site.apiKey != nil {
            limits += RateLimit.adminAPIKey
        }
        if !HostClassifier.isLocal(site.hostAndPort) { limits += RateLimit.perIP }
        return limits
    }

    /// Credentials as headers; never logged.
    var authHeaders: [String: String] {
        var headers: [String: String] = [:]
        if let key = site.userAPIKey {
            headers["User-Api-Key"] = key
            if let client = site.userAPIClientID { headers["User-Api-Client-Id"] = client }
        } else if let key = site.apiKey {
            headers["Api-Key"] = key
            if let user = site.apiUsername { headers["Api-Username"] = user }
        }
        return headers
    }

    /// Sends a request to `path` (relative to the site) and returns the successful response.
    func send(
        _ method: String, _ path: String, json: [String: Any]? = nil, headers: [String: String] = [:],
        retryable: Bool? = nil
    ) async throws -> HTTPResponse {
        var allHeaders = authHeaders.merging(headers) { $1 }
        var body: [UInt8]?
        if let json {
            allHeaders["Content-Type"] = "application/json"
            body = Array((try? JSONSerialization.data(withJSONObject: json)) ?? Data("{}".utf8))
        }
        let request = HTTPRequest(
            method: method, url: site.baseURL + path, headers: allHeaders, body: body, retryable: retryable)
        return try await client.fetch(request, pacer: pacer, errors: DiscourseErrors())
    }

    func get<T: Decodable>(_ path: String, as type: T.Type) async throws -> T {
        let response = try await send("GET", path)
        return try ResponseDecoder.decode(T.self, from: response.body, endpoint: path)
    }

    /// A write whose answer only needs to be a 2xx.
    func perform(_ method: String, _ path: String, json: [String: Any]? = nil) async throws {
        _ = try await send(method, path, json: json)
    }

    public func latestTopics(page: Int) async throws -> TopicList {
        try await topicList(TopicListQuery(filter: .latest, page: page))
    }

    public func categories() async throws -> [Category] {
        try await get("/categories.json?include_subcategories=true", as: CategoryListResponse.self).categories
    }
}

/// Which hosts count as local (loopback or private), where Discourse's per-IP limiter does not
/// apply by default.
enum HostClassifier {
    static func isLocal(_ hostAndPort: String) -> Bool {
        var host = hostAndPort
        if host.hasPrefix("[") {
            host = String(host.dropFirst().prefix { $0 != "]" })
        } else if let colon = host.lastIndex(of: ":") {
            host = String(host[..<colon])
        }
        host = host.lowercased()
        if host == "localhost" || host == "::1" || host.hasPrefix("127.") || host.hasPrefix("10.")
            || host.hasPrefix("192.168.")
        {
            return true
        }
        let parts = host.split(separator: ".").compactMap { Int($0) }
        return parts.count == 4 && parts[0] == 172 && (16...31).contains(parts[1])
    }
}
