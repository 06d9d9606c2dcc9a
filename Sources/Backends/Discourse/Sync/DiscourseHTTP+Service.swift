import ForaCore
import ForaNet
import Foundation

extension DiscourseHTTP {
    /// The two calls over a `DiscourseService`'s client, credentials and pacer, for the sync
    /// source and the outbox transport: JSON answers, form-encoded writes.
    public init(service: DiscourseService) {
        let site = service.site
        var headers = ["Accept": "application/json"]
        if let key = site.userAPIKey {
            headers["User-Api-Key"] = key
            if let client = site.userAPIClientID { headers["User-Api-Client-Id"] = client }
        } else if let key = site.apiKey {
            headers["Api-Key"] = key
            if let user = site.apiUsername { headers["Api-Username"] = user }
        }
        let client = service.client
        let pacer = service.pacer
        let auth = headers
        self.init(
            get: { path in
                try await client.fetch(
                    HTTPRequest(url: site.baseURL + path, headers: auth), pacer: pacer, errors: DiscourseErrors()
                ).body
            },
            send: { method, path, form in
                var all = auth
                all["Content-Type"] = "application/x-www-form-urlencoded"
                let request = HTTPRequest(
                    method: method, url: site.baseURL + path, headers: all, body: Array(FormField.encode(form).utf8))
                return try await client.fetch(request, pacer: pacer, errors: DiscourseErrors()).body
            })
    }

    /// The post number of a post, looked up by its id (nil when that fails).
    public func postNumber(ofPost postID: Int) async -> Int? {
        guard let body = try? await get("/posts/\(postID).json"),
            let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        else { return nil }
        return object["post_number"] as? Int
    }
}
