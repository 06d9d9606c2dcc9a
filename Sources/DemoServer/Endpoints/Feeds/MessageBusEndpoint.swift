// `POST /message-bus/{client_id}/poll` (api-brief §13): the body maps channels to the last
// message id the client saw (`/latest=-1&/topic/12=4`, form or JSON; `__seq` and other
// `__` fields are bookkeeping); the answer is the JSON array of newer messages the viewer
// may receive. With `dlp=t` it answers at once; otherwise it waits for news up to the long
// polling interval and answers `[]` on timeout.
import DemoCommunity
import Foundation

enum MessageBusEndpoint {
    static func poll(request: APIRequest, context: DemoContext) throws -> APIResponse {
        var subscriptions: [(channel: String, lastId: Int)] = []
        for field in request.form where !field.name.hasPrefix("__") && field.name.hasPrefix("/") {
            guard let lastId = Int(field.value) else { throw DemoAPIError.badParameter(field.name) }
            subscriptions.append((field.name, lastId))
        }
        let viewerId = request.viewer.userId
        let staff = context.state.read { data, _ in isStaff(request.viewer, in: data) }
        let messages = context.live.poll(
            subscriptions, userId: viewerId, isStaff: staff,
            wait: request.queryValue("dlp") != "t" && !subscriptions.isEmpty,
            clientId: request.pathParameters["client_id"])
        var response = APIResponse.json(.array(messages))
        response.headers.append(("Cache-Control", "must-revalidate, private, max-age=0"))
        return response
    }
}
