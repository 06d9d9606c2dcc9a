// Discourse-style paths (`/t/{slug}/{id}.json`, `/raw/{topic}/{post}`) matched by our own
// small table: each endpoint file registers its routes here, and the HTTP adapter asks it.
import DemoCommunity
import Foundation

/// Everything a handler may use: the community state and the server's settings.
public struct DemoContext: Sendable {
    public let state: CommunityState
    public let configuration: DemoServerConfiguration
}

public typealias APIHandler = @Sendable (APIRequest, DemoContext) throws -> APIResponse

public struct Route: Sendable {
    public let method: String
    public let pattern: String
    let segments: [Segment]
    public let handler: APIHandler

    enum Segment: Sendable, Equatable {
        case literal(String)
        /// `{name}` with an optional literal suffix, e.g. `{id}.json`; `{name:int}` matches
        /// digits only, so `/t/{id:int}/{post_number:int}.json` and `/t/{slug}/{id:int}.json`
        /// can live side by side (and leave `/t/{id}/posts.json` to its own route).
        case parameter(name: String, suffix: String, digitsOnly: Bool)
    }

    public init(_ method: String, _ pattern: String, _ handler: @escaping APIHandler) {
        self.method = method
        self.pattern = pattern
        self.handler = handler
        self.segments = pattern.split(separator: "/").map { part in
            if part.hasPrefix("{"), let close = part.firstIndex(of: "}") {
                let declared = part[part.index(after: part.startIndex)..<close]
                let digitsOnly = declared.hasSuffix(":int")
                let name = String(digitsOnly ? declared.dropLast(4) : declared)
                return .parameter(name: name, suffix: String(part[part.index(after: close)...]), digitsOnly: digitsOnly)
            }
            return .literal(String(part))
        }
    }

    /// The captured parameters when `path` matches, else nil.
    func match(_ path: String) -> [String: String]? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.count == segments.count else { return nil }
        var captured: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let literal):
                guard part == literal else { return nil }
            case .parameter(let name, let suffix, let digitsOnly):
                guard part.hasSuffix(suffix), part.count > suffix.count else { return nil }
                let value = String(part.dropLast(suffix.count))
                if digitsOnly && !value.utf8.allSatisfy({ (48...57).contains($0) }) { return nil }
                captured[name] = value.removingPercentEncoding ?? value
            }
        }
        return captured
    }
}

/// All routes of the server, tried in registration order (register specific before general).
public struct RouteTable: Sendable {
    public private(set) var routes: [Route] = []

    public init() {}

    public mutating func add(_ method: String, _ pattern: String, _ handler: @escaping APIHandler) {
        routes.append(Route(method, pattern, handler))
    }

    public mutating func get(_ pattern: String, _ handler: @escaping APIHandler) { add("GET", pattern, handler) }
    public mutating func post(_ pattern: String, _ handler: @escaping APIHandler) { add("POST", pattern, handler) }
    public mutating func put(_ pattern: String, _ handler: @escaping APIHandler) { add("PUT", pattern, handler) }
    public mutating func delete(_ pattern: String, _ handler: @escaping APIHandler) { add("DELETE", pattern, handler) }

    public enum Lookup {
        case found(Route, [String: String])
        /// The path exists for other methods.
        case methodNotAllowed
        case notFound
    }

    public func lookup(method: String, path: String) -> Lookup {
        var pathMatched = false
        // HEAD uses its own route when one is registered, else the GET route (body dropped
        // by the adapter).
        let candidates = method == "HEAD" ? ["HEAD", "GET"] : [method]
        for candidate in candidates {
            for route in routes {
                guard let captured = route.match(path) else { continue }
                if route.method == candidate { return .found(route, captured) }
                pathMatched = true
            }
        }
        return pathMatched ? .methodNotAllowed : .notFound
    }

    /// Runs the matching handler; errors become Discourse's error JSON.
    public func respond(to request: APIRequest, context: DemoContext) -> APIResponse {
        switch lookup(method: request.method, path: request.path) {
        case .found(let route, let captured):
            var request = request
            request.pathParameters = captured
            do {
                return try route.handler(request, context)
            } catch let error as DemoAPIError {
                return error.response
            } catch {
                return DemoAPIError(status: 500, errors: ["internal error: \(error)"]).response
            }
        case .methodNotAllowed:
            return DemoAPIError(status: 405, errors: ["method not allowed"]).response
        case .notFound:
            return DemoAPIError.notFound.response
        }
    }
}
