// The answers a fault puts on the wire: the two real forms of Discourse's 429, server errors
// as Rails and nginx send them, and bodies that break (dropped, malformed, trickled).
import Foundation
import Hummingbird

enum FaultResponses {
    /// The 429 of the API key limiter (JSON) or of the per-IP middleware (text/plain), with
    /// `Retry-After` in seconds or as an HTTP date.
    static func rateLimited(form: RateLimitForm, retryAfterSeconds seconds: Int, asDate: Bool, now: Date = Date())
        -> APIResponse
    {
        let retryAfter = asDate ? httpDate(now.addingTimeInterval(TimeInterval(seconds))) : String(seconds)
        var response: APIResponse
        switch form {
        case .json:
            var error = DemoAPIError(
                status: 429,
                errors: [
                    "You’ve performed this action too many times. Please wait \(seconds) seconds before trying again."
                ],
                errorType: "rate_limit",
                extras: ["wait_seconds": .int(seconds), "time_left": .string("\(seconds) seconds")])
            error.headers = [("Discourse-Rate-Limit-Error-Code", "admin_api_key_rate_limit")]
            response = error.response
        case .text:
            // Verbatim template of lib/middleware/request_tracker.rb.
            response = .text(
                "Slow down, you're making too many requests.\nPlease retry again in \(seconds) seconds.\n"
                    + "Error code: ip_10_secs_limit.\n",
                status: 429)
            response.headers.append(("Discourse-Rate-Limit-Error-Code", "ip_10_secs_limit"))
        }
        response.headers.append(("Retry-After", retryAfter))
        return response
    }

    /// A 500 as Rails renders an unhandled exception to a JSON request; 502–504 as the nginx
    /// in front of Discourse answers when the app is down (an HTML page); others as Discourse
    /// error JSON.
    static func serverError(status: Int) -> APIResponse {
        switch status {
        case 500:
            return .json(["status": 500, "error": "Internal Server Error"], status: 500)
        case 502, 503, 504:
            let reason =
                [502: "Bad Gateway", 503: "Service Temporarily Unavailable", 504: "Gateway Time-out"][status]
                ?? "Error"
            let page =
                "<html>\r\n<head><title>\(status) \(reason)</title></head>\r\n<body>\r\n"
                + "<center><h1>\(status) \(reason)</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
            return .text(page, status: status, contentType: "text/html")
        default:
            return DemoAPIError(status: status, errors: ["The demo server was asked to fail this request."]).response
        }
    }

    /// The body broken as asked: the first half only, or bytes in the middle overwritten.
    static func malformed(_ body: Data, form: MalformedForm) -> Data {
        switch form {
        case .truncate:
            return body.prefix(body.count / 2)
        case .corrupt:
            var bytes = [UInt8](body)
            let garbage = Array("\u{1}<<garbage".utf8)
            let start = bytes.count / 2
            for (offset, byte) in garbage.enumerated() where start + offset < bytes.count {
                bytes[start + offset] = byte
            }
            // A body too short to overwrite still must not parse.
            if bytes.count < garbage.count { bytes += garbage }
            return Data(bytes)
        }
    }

    /// Sends the head with the full Content-Length and half of the body, then fails the
    /// write so Hummingbird closes the connection.
    static func droppedBody(_ body: Data) -> ResponseBody {
        let half = ByteBuffer(bytes: body.prefix(body.count / 2))
        return ResponseBody(contentLength: body.count) { writer in
            try await writer.write(half)
            // Let the half body reach the socket before the channel closes.
            try await Task.sleep(for: .milliseconds(20))
            throw DroppedConnection()
        }
    }

    /// The body in small chunks with a pause between them.
    static func slowDrip(_ body: Data, chunkBytes: Int, delayMs: Int) -> ResponseBody {
        ResponseBody(contentLength: body.count) { writer in
            var offset = 0
            while offset < body.count {
                let end = min(body.count, offset + max(1, chunkBytes))
                try await writer.write(ByteBuffer(bytes: body[body.startIndex + offset..<body.startIndex + end]))
                offset = end
                if offset < body.count { try await Task.sleep(for: .milliseconds(delayMs)) }
            }
            try await writer.finish(nil)
        }
    }

    /// Thrown inside a body writer to make the server close the connection mid-body.
    struct DroppedConnection: Error {}

    /// An RFC 9110 IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT`.
    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
