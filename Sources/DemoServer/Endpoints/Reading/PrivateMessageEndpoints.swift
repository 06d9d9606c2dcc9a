// Private-message lists: `/topics/private-messages/{username}.json` (inbox),
// `-sent`, `-unread` and `-new`; only the user themself and staff may read them.
import DemoCommunity
import Foundation

enum PrivateMessageEndpoint {
    enum Box: String {
        case inbox = ""
        case sent = "-sent"
        case unread = "-unread"
        case new = "-new"
    }

    static func list(_ box: Box, request: APIRequest, context: DemoContext) throws -> APIResponse {
        let query = try TopicListQuery(request)
        _ = try requireUser(request.viewer)
        return try context.state.read { data, _ in
            guard let name = request.pathParameters["username"], let owner = data.user(named: name) else {
                throw DemoAPIError.notFound
            }
            guard canSeePrivateMessages(of: owner, viewer: request.viewer, data: data) else {
                throw DemoAPIError.forbidden()
            }
            let messages = data.topics.values.filter { topic in
                guard topic.isPrivateMessage, topic.deletedAt == nil,
                    topic.allowedUserIds.contains(owner.id) || topic.userId == owner.id
                else { return false }
                let lastRead = data.lastReadPostNumber[owner.id]?[topic.id]
                switch box {
                case .inbox: return true
                case .sent: return topic.userId == owner.id
                case .unread: return lastRead.map { $0 < topic.highestPostNumber } ?? false
                case .new: return lastRead == nil && topic.userId != owner.id
                }
            }
            let ordered = query.sorted(messages, isPinnedHere: { _ in false })
            let page = query.page(
                of: ordered, basePath: "/topics/private-messages\(box.rawValue)/\(owner.username)", request: request)
            return .json(serializeTopicList(page, data: data, viewer: request.viewer))
        }
    }
}

extension RouteTable {
    mutating func registerPrivateMessageEndpoints() {
        for box in [PrivateMessageEndpoint.Box.inbox, .sent, .unread, .new] {
            get("/topics/private-messages\(box.rawValue)/{username}.json") { request, context in
                try PrivateMessageEndpoint.list(box, request: request, context: context)
            }
        }
    }
}
