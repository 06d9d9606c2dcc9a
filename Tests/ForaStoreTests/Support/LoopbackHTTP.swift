// A tiny blocking HTTP/1.1 client for 127.0.0.1 (one request per connection), so the store's
// Discourse adapters can be tested against the in-process demo server without ForaNet. It
// reports a body cut short (the dropped-connection fault) as `LoopbackError.truncated`, and
// a refused connection as `ForaError.hostUnreachable`, like the real client would.
import DiscourseBackend
import ForaCore
import ForaStore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

enum LoopbackError: Error {
    case truncated
    case malformed
}

/// The demo server's port, changeable when a test restarts the server elsewhere.
final class PortBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int
    private var counts: [String: Int] = [:]

    init(_ port: Int) { value = port }

    var port: Int {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }

    func count(_ key: String) { lock.withLock { counts[key, default: 0] += 1 } }
    func requests(_ key: String) -> Int { lock.withLock { counts[key] ?? 0 } }
}

enum LoopbackHTTP {
    /// `DiscourseHTTP` acting as `username` with the demo's all-users key. Counts requests
    /// per "METHOD path-without-query" in `box`.
    static func discourse(_ box: PortBox, username: String = "alice") -> DiscourseHTTP {
        let headers = ["Api-Key": "fora-demo-all-users-key", "Api-Username": username, "Accept": "application/json"]
        return DiscourseHTTP(
            get: { path in
                box.count("GET " + (path.split(separator: "?").first.map(String.init) ?? path))
                return try await request("GET", path, headers: headers, body: Data(), port: box.port)
            },
            send: { method, path, form in
                box.count(method + " " + path)
                var all = headers
                all["Content-Type"] = "application/x-www-form-urlencoded"
                return try await request(
                    method, path, headers: all, body: Data(FormField.encode(form).utf8), port: box.port)
            })
    }

    static func request(_ method: String, _ path: String, headers: [String: String], body: Data, port: Int)
        async throws -> [UInt8]
    {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(
                    with: Result { try exchange(method, path, headers: headers, body: body, port: port) })
            }
        }
    }

    private static func exchange(_ method: String, _ path: String, headers: [String: String], body: Data, port: Int)
        throws -> [UInt8]
    {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ForaError.hostUnreachable(host: "127.0.0.1") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw ForaError.hostUnreachable(host: "127.0.0.1:\(port)") }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\n\r\n"
        let request = Data(head.utf8) + body
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        guard let separator = received.range(of: Data("\r\n\r\n".utf8)) else { throw LoopbackError.truncated }
        let headText = String(decoding: received[..<separator.lowerBound], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw LoopbackError.malformed }
        var fields: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var payload = Data(received[separator.upperBound...])
        if fields["transfer-encoding"]?.lowercased() == "chunked" { payload = dechunk(payload) }
        if let expected = fields["content-length"].flatMap(Int.init), payload.count < expected {
            throw LoopbackError.truncated
        }
        if let error = mapStatus(status, payload, retryAfter: fields["retry-after"]) { throw error }
        return [UInt8](payload)
    }

    static func mapStatus(_ status: Int, _ body: Data, retryAfter: String?) -> ForaError? {
        guard !(200..<300).contains(status) else { return nil }
        let json = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        let errors = json?["errors"] as? [String] ?? []
        switch status {
        case 403: return .forbidden(errors.first)
        case 404: return .notFound(errors.first)
        case 409: return .conflict(errors.first)
        case 422: return .validation(errors)
        case 429:
            let extras = json?["extras"] as? [String: Any]
            return .rateLimited(waitSeconds: extras?["wait_seconds"] as? Int ?? retryAfter.flatMap { Int($0) })
        case 500...: return .serverError(status: status)
        default: return .other("HTTP \(status)")
        }
    }

    private static func dechunk(_ data: Data) -> Data {
        var out = Data()
        var rest = data[...]
        while let lineEnd = rest.range(of: Data("\r\n".utf8)) {
            let sizeText = String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";").first ?? "", radix: 16), size > 0 else { break }
            let start = lineEnd.upperBound
            let end = rest.index(start, offsetBy: size, limitedBy: rest.endIndex) ?? rest.endIndex
            out.append(rest[start..<end])
            rest = rest[min(rest.endIndex, rest.index(end, offsetBy: 2, limitedBy: rest.endIndex) ?? rest.endIndex)...]
        }
        return out
    }
}
