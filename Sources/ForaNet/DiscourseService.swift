import ForaCore
import Foundation

/// The Discourse JSON API behind `CommunityService`.
public struct DiscourseService: CommunityService {
    public let site: SiteConfiguration
    private let client: HTTPClient

    public init(site: SiteConfiguration, client: HTTPClient = HTTPClient()) {
        self.site = site
        self.client = client
    }

    public func latestTopics(page: Int) async throws -> TopicList {
        let path = page > 0 ? "/latest.json?page=\(page)" : "/latest.json"
        return try await get(path, as: TopicList.self)
    }

    public func categories() async throws -> [Category] {
        try await get("/categories.json", as: CategoryListResponse.self).categories
    }

    private func get<T: Decodable>(_ path: String, as type: T.Type) async throws -> T {
        var headers: [String: String] = [:]
        if let key = site.apiKey { headers["Api-Key"] = key }
        if let user = site.apiUsername { headers["Api-Username"] = user }
        let response = try await client.fetch(HTTPRequest(url: site.baseURL + path, headers: headers))
        do {
            return try JSONDecoder().decode(T.self, from: Data(response.body))
        } catch {
            throw ForaError.malformedResponse(endpoint: path, field: String(describing: error).prefix(120).description)
        }
    }
}
