// What an endpoint handler sees and returns, independent of the HTTP server library, so every
// endpoint can be called directly in tests and the Hummingbird adapter stays one small file.
import DemoCommunity
import Foundation

/// Who is making the request, after authentication.
public enum Viewer: Sendable, Equatable {
    case anonymous
    /// `scopes` is nil for an all-users `Api-Key` (every scope), or the User API Key's scopes.
    case user(id: Int, scopes: [String]?)

    public var userId: Int? {
        if case .user(let id, _) = self { return id }
        return nil
    }
}

public struct APIRequest: Sendable {
    public var method: String
    /// The path without the query string, e.g. `/t/12.json`.
    public var path: String
    /// Values captured by the route pattern (`{id}` → "12").
    public var pathParameters: [String: String] = [:]
    /// Query parameters in order; Rails-style arrays keep their `[]` suffix (`post_ids[]`).
    public var query: [(name: String, value: String)] = []
    /// Lower-cased header names.
    public var headers: [String: String] = [:]
    public var body: Data = Data()
    public var viewer: Viewer = .anonymous

    public init(
        method: String, path: String, query: [(name: String, value: String)] = [],
        headers: [String: String] = [:], body: Data = Data(), viewer: Viewer = .anonymous
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.viewer = viewer
    }

    /// The first query value named `name`.
    public func queryValue(_ name: String) -> String? { query.first { $0.name == name }?.value }
    /// Every query value named `name` (use `name[]` for Rails arrays).
    public func queryValues(_ name: String) -> [String] { query.filter { $0.name == name }.map(\.value) }
    public func intParameter(_ name: String) -> Int? { pathParameters[name].flatMap { Int($0) } }

    /// Body parameters, from JSON or `application/x-www-form-urlencoded`, flattened to
    /// Rails-style names (`post[raw]`, `timings[3]`). Query parameters are *not* included.
    public var form: [(name: String, value: String)] {
        let type = headers["content-type"] ?? ""
        if type.contains("json"), let json = JSONValue.parse(body) {
            var out: [(String, String)] = []
            APIRequest.flatten(json, prefix: "", into: &out)
            return out
        }
        return APIRequest.parseForm(String(decoding: body, as: UTF8.self))
    }

    /// The first body-or-query value named `name` (body wins), as Rails merges them.
    public func param(_ name: String) -> String? {
        form.first { $0.name == name }?.value ?? queryValue(name)
    }

    /// Every body-or-query value named `name`.
    public func params(_ name: String) -> [String] {
        let fromBody = form.filter { $0.name == name }.map(\.value)
        return fromBody.isEmpty ? queryValues(name) : fromBody
    }

    public static func parseForm(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let rawName = parts.first else { return nil }
            let decode: (Substring) -> String = {
                $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            return (decode(rawName), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    static func flatten(_ value: JSONValue, prefix: String, into out: inout [(String, String)]) {
        switch value {
        case .object(let object):
            for entry in object.entries {
                flatten(entry.value, prefix: prefix.isEmpty ? entry.key : "\(prefix)[\(entry.key)]", into: &out)
            }
        case .array(let items):
            for item in items { flatten(item, prefix: "\(prefix)[]", into: &out) }
        case .null: break
        default: if let s = value.stringValue { out.append((prefix, s)) }
        }
    }
}

public struct APIResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data

    public init(status: Int = 200, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public static func json(_ value: JSONValue, status: Int = 200) -> APIResponse {
        APIResponse(
            status: status, headers: [("Content-Type", "application/json; charset=utf-8")], body: value.encoded())
    }

    public static func text(_ text: String, status: Int = 200, contentType: String = "text/plain; charset=utf-8")
        -> APIResponse
    {
        APIResponse(status: status, headers: [("Content-Type", contentType)], body: Data(text.utf8))
    }
}
