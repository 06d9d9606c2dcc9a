// The answers of the hostile mode (see `HostileSettings`): redirects elsewhere, bodies without
// end, and topic views whose counts promise what they do not carry.
import Foundation
import Hummingbird

enum HostileResponses {
    /// The hostile answer that replaces the route table's, if the request is one to misbehave on.
    static func replacing(_ request: APIRequest, settings: HostileSettings) -> Response? {
        if let target = settings.redirectTarget, request.path.hasPrefix(settings.redirectPathPrefix) {
            var location = target
            while location.hasSuffix("/") { location.removeLast() }
            location += request.path
            if !request.query.isEmpty {
                location += "?" + request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
            }
            var fields = HTTPFields()
            fields[.location] = location
            fields[.contentType] = "text/html; charset=utf-8"
            let body = ByteBuffer(
                string: "<html><body>You are being <a href=\"\(location)\">redirected</a>.</body></html>")
            return Response(
                status: HTTPResponse.Status(code: settings.redirectStatus), headers: fields,
                body: ResponseBody(byteBuffer: body))
        }
        if let prefix = settings.endlessBodyPathPrefix, request.path.hasPrefix(prefix) {
            var fields = HTTPFields()
            fields[.contentType] = "application/json; charset=utf-8"
            return Response(status: .ok, headers: fields, body: endlessBody(delayMs: settings.endlessBodyDelayMs))
        }
        return nil
    }

    /// The route table's answer made hostile where the mode says so.
    static func altering(_ answer: APIResponse, for request: APIRequest, settings: HostileSettings) -> APIResponse {
        guard let count = settings.absurdPostsCount, answer.status == 200, isTopicView(request.path),
            var topic = (try? JSONSerialization.jsonObject(with: answer.body)) as? [String: Any]
        else { return answer }
        topic["posts_count"] = count
        topic["highest_post_number"] = count
        if var stream = topic["post_stream"] as? [String: Any] {
            stream.removeValue(forKey: "stream")
            topic["post_stream"] = stream
        }
        guard let body = try? JSONSerialization.data(withJSONObject: topic) else { return answer }
        var altered = answer
        altered.body = body
        return altered
    }

    /// `/t/12.json` and `/t/slug/12.json`, not `/t/12/posts.json` or `/t/12/post_ids.json`.
    static func isTopicView(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        guard parts.first == "t", parts.count == 2 || parts.count == 3, let last = parts.last,
            last.hasSuffix(".json")
        else { return false }
        return Int(last.dropLast(5)) != nil
    }

    /// `{"topic_list":{"topics":[{"id":1,"title":"endless"},…` for as long as the client reads.
    private static func endlessBody(delayMs: Int) -> ResponseBody {
        ResponseBody { writer in
            try await writer.write(ByteBuffer(string: #"{"topic_list":{"topics":["#))
            let item = #"{"id":1,"title":"endless"},"#
            let chunk = ByteBuffer(string: String(repeating: item, count: 65_536 / item.utf8.count))
            while true {
                try await writer.write(chunk)
                if delayMs > 0 { try await Task.sleep(for: .milliseconds(delayMs)) }
            }
        }
    }
}
