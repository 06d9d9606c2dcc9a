// User profiles: `/u/{username}.json` (with badges) and `/user-badges/{username}.json`.
import DemoCommunity
import Foundation

extension RouteTable {
    mutating func registerUserEndpoints() {
        get("/u/{username}.json") { request, context in
            try context.state.read { data, _ in
                guard let name = request.pathParameters["username"], let user = data.user(named: name) else {
                    throw DemoAPIError.notFound
                }
                var object: JSONObject = [:]
                serializeUserBadges(user, data: data, into: &object)
                object["user"] = .object(serializeUserProfile(user, data: data, viewer: request.viewer))
                return .json(.object(object))
            }
        }
        get("/user-badges/{username}.json") { request, context in
            try context.state.read { data, _ in
                guard let name = request.pathParameters["username"], let user = data.user(named: name) else {
                    throw DemoAPIError.notFound
                }
                var object: JSONObject = [:]
                serializeUserBadges(user, data: data, into: &object)
                if object["badges"] == nil {
                    object["badges"] = []
                    object["badge_types"] = []
                }
                return .json(.object(object))
            }
        }
    }
}
