// The one Hummingbird responder of the demo server: every request goes through here, is
// turned into an `APIRequest`, authenticated, possibly faulted, answered by the route table,
// and written back. Keeping Hummingbird to this file lets endpoints stay plain functions.
import Foundation
import HTTPTypes
import Hummingbird

struct DemoResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let table: RouteTable
    let context: DemoContext
    let faults: FaultController
    /// Larger request bodies are refused with 413.
    static let maxBodyBytes = 8 * 1024 * 1024

    func respond(to request: Request, context _: BasicRequestContext) async throws -> Response {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: Self.maxBodyBytes)
        } catch {
            return Self.makeResponse(
                DemoAPIError(status: 413, errors: ["The request body is too large."]).response, method: request.method)
        }
        var apiRequest = Self.apiRequest(from: request, body: body)

        if apiRequest.path.hasPrefix(ControlRoutes.prefix) {
            return Self.makeResponse(ControlRoutes.respond(to: apiRequest, faults: faults), method: request.method)
        }

        // A site without the message bus: clients must fall back to polling.
        if apiRequest.path.hasPrefix("/message-bus/"), faults.settings.messageBusDisabled {
            return Self.makeResponse(DemoAPIError.notFound.response, method: request.method)
        }

        if let hostile = HostileResponses.replacing(apiRequest, settings: context.configuration.hostile) {
            return hostile
        }

        let decision = faults.decide()
        if decision.latencyMs > 0 { try await Task.sleep(for: .milliseconds(decision.latencyMs)) }
        switch decision.outcome {
        case .rateLimited(let form, let seconds, let asDate):
            let answer = FaultResponses.rateLimited(form: form, retryAfterSeconds: seconds, asDate: asDate)
            return Self.makeResponse(answer, method: request.method)
        case .serverError(let status):
            return Self.makeResponse(FaultResponses.serverError(status: status), method: request.method)
        case .normal:
            break
        }

        let answer: APIResponse
        do {
            let keyForAllUsers = context.configuration.apiKey
            apiRequest.viewer = try self.context.state.read { data, _ in
                try Authentication.authenticate(apiRequest, data: data, allUsersKey: keyForAllUsers)
            }
            answer = HostileResponses.altering(
                respondRoutingJSONAccept(apiRequest), for: apiRequest, settings: context.configuration.hostile)
        } catch let error as DemoAPIError {
            answer = error.response
        }
        return Self.makeResponse(
            context.configuration.hostileContent.apply(to: answer), method: request.method,
            bodyFault: decision.bodyFault)
    }

    /// Runs the route table. Like Discourse, a path without `.json` answers JSON when the
    /// client sends `Accept: application/json` (so `more_topics_url` works as given).
    private func respondRoutingJSONAccept(_ request: APIRequest) -> APIResponse {
        if case .notFound = table.lookup(method: request.method, path: request.path),
            request.headers["accept"]?.contains("application/json") == true,
            !(request.path.split(separator: "/").last?.contains(".") ?? false)
        {
            var jsonRequest = request
            jsonRequest.path += ".json"
            if case .found = table.lookup(method: request.method, path: jsonRequest.path) {
                return table.respond(to: jsonRequest, context: context)
            }
        }
        return table.respond(to: request, context: context)
    }

    /// The handler's view of a request: path, query in order (Rails `[]` names kept),
    /// lower-cased headers (repeated headers joined with ", "), and the collected body.
    static func apiRequest(from request: Request, body: ByteBuffer) -> APIRequest {
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName.lowercased()
            if let existing = headers[name] {
                headers[name] = existing + ", " + field.value
            } else {
                headers[name] = field.value
            }
        }
        // HTTP/1.1 puts the host in the request head's authority, not in the header fields.
        if headers["host"] == nil, let authority = request.head.authority {
            headers["host"] = authority
        }
        let query = request.uri.query.map { APIRequest.parseForm($0) } ?? []
        return APIRequest(
            method: request.method.rawValue, path: request.uri.path, query: query, headers: headers,
            body: Data(buffer: body))
    }

    /// The Hummingbird response for an API answer, with a body fault applied. HEAD answers
    /// carry the headers (and Content-Length) of the GET, without the body.
    static func makeResponse(
        _ answer: APIResponse, method: HTTPRequest.Method,
        bodyFault: FaultDecision.BodyFault = .none
    ) -> Response {
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
        }
        let status = HTTPResponse.Status(code: answer.status)
        if method == .head {
            fields[.contentLength] = String(answer.body.count)
            return Response(status: status, headers: fields, body: ResponseBody())
        }
        switch bodyFault {
        case .none:
            return Response(
                status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
        case .dropMidBody:
            return Response(status: status, headers: fields, body: FaultResponses.droppedBody(answer.body))
        case .malformed(let form):
            let broken = FaultResponses.malformed(answer.body, form: form)
            return Response(status: .ok, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: broken)))
        case .slowDrip(let chunkBytes, let delayMs):
            return Response(
                status: status, headers: fields,
                body: FaultResponses.slowDrip(answer.body, chunkBytes: chunkBytes, delayMs: delayMs))
        }
    }
}
