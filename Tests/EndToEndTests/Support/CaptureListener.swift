import Foundation

/// A plain TCP listener on 127.0.0.1 that records every request it receives and answers each
/// with `200 {}`: the "other host" a hostile server redirects to, to see whether a key arrives.
final class CaptureListener: @unchecked Sendable {
    let port: Int
    private let socketFD: Int32
    private let lock = NSLock()
    private var received: [String] = []
    private var stopped = false

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Every request head (and body start) received so far.
    var requests: [String] { lock.withLock { received } }

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw NSError(domain: "CaptureListener", code: 1)
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        socketFD = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    func stop() {
        lock.withLock { stopped = true }
        shutdown(socketFD, Int32(SHUT_RDWR))
        close(socketFD)
    }

    deinit { stop() }

    private func acceptLoop() {
        while !lock.withLock({ stopped }) {
            let client = accept(socketFD, nil, nil)
            guard client >= 0 else { return }
            var buffer = [UInt8](repeating: 0, count: 65_536)
            var data: [UInt8] = []
            var timeout = timeval(tv_sec: 2, tv_usec: 0)
            setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            while !data.contains(0x0A) || !String(decoding: data, as: UTF8.self).contains("\r\n\r\n") {
                let count = read(client, &buffer, buffer.count)
                guard count > 0 else { break }
                data += buffer[0..<count]
            }
            lock.withLock { received.append(String(decoding: data, as: UTF8.self)) }
            let answer =
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"
            _ = answer.utf8CString.withUnsafeBufferPointer { write(client, $0.baseAddress, answer.utf8.count) }
            close(client)
        }
    }
}
