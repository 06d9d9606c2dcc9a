// A tiny HTTP/1.1 client over a plain socket to 127.0.0.1, so tests see exactly what went
// over the wire: a body cut short by a dropped connection, the pace of a slow drip, headers
// of a HEAD answer. One request per connection (`Connection: close`); the blocking socket
// work runs off Swift's cooperative pool so the in-process server keeps its threads.
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

struct RawHTTPResponse {
    var status: Int
    /// Lower-cased header names.
    var headers: [String: String]
    var body: Data
    /// Whether the connection closed before `Content-Length` bytes of body arrived.
    var truncated: Bool
    /// Seconds from sending the request to the first byte, and to the end.
    var timeToFirstByte: TimeInterval
    var totalTime: TimeInterval
    /// When each chunk of body bytes arrived, in seconds after the request was sent.
    var bodyArrivals: [TimeInterval]

    var text: String { String(decoding: body, as: UTF8.self) }

    func json() throws -> Any { try JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) }

    func jsonObject() throws -> [String: Any] {
        guard let object = try json() as? [String: Any] else {
            throw RawHTTPError.notAnObject(String(text.prefix(200)))
        }
        return object
    }
}

enum RawHTTPError: Error {
    case connectFailed(Int32)
    case malformedResponse(String)
    case notAnObject(String)
}

struct RawHTTPClient {
    let port: Int

    func get(_ path: String, headers: [String: String] = [:]) async throws -> RawHTTPResponse {
        try await send("GET", path, headers: headers)
    }

    func send(_ method: String, _ path: String, headers: [String: String] = [:], body: Data = Data())
        async throws -> RawHTTPResponse
    {
        let port = self.port
        return try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(
                    with: Result {
                        try RawHTTPClient.exchange(port: port, method: method, path: path, headers: headers, body: body)
                    })
            }
        }
    }

    private static func exchange(port: Int, method: String, path: String, headers: [String: String], body: Data) throws
        -> RawHTTPResponse
    {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawHTTPError.connectFailed(errno) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw RawHTTPError.connectFailed(errno) }

        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == "POST" || method == "PUT" { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        let request = Data(head.utf8) + body
        let start = Date()
        _ = request.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }

        var received = Data()
        var arrivals: [(end: Int, time: TimeInterval)] = []
        var firstByte: TimeInterval?
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            let now = Date().timeIntervalSince(start)
            if firstByte == nil { firstByte = now }
            received.append(contentsOf: buffer[0..<count])
            arrivals.append((received.count, now))
        }
        let total = Date().timeIntervalSince(start)

        guard let separator = received.range(of: Data("\r\n\r\n".utf8)) else {
            throw RawHTTPError.malformedResponse(String(decoding: received, as: UTF8.self))
        }
        let headText = String(decoding: received[..<separator.lowerBound], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw RawHTTPError.malformedResponse(headText)
        }
        var responseHeaders: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            responseHeaders[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        let bodyStart = separator.upperBound - received.startIndex
        var responseBody = Data(received[separator.upperBound...])
        if responseHeaders["transfer-encoding"]?.lowercased() == "chunked" {
            responseBody = dechunk(responseBody)
        }
        let expected = responseHeaders["content-length"].flatMap { Int($0) }
        let truncated = method != "HEAD" && expected.map { responseBody.count < $0 } ?? false
        let bodyArrivals = arrivals.filter { $0.end > bodyStart }.map(\.time)
        return RawHTTPResponse(
            status: status, headers: responseHeaders, body: responseBody, truncated: truncated,
            timeToFirstByte: firstByte ?? total, totalTime: total, bodyArrivals: bodyArrivals)
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
