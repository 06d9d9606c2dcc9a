import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Who holds a claim on an outbox item: this host, this process and one sender in it. Written
/// into the item as `host pid token`, so another process can tell a live claim (never taken
/// over) from one left by a process that died on this host (taken over at once, without
/// waiting for the claim to expire).
public struct OutboxClaimant: Equatable, Sendable {
    public let host: String
    public let pid: Int32
    public let token: String

    public init(host: String = OutboxClaimant.currentHost, pid: Int32 = getpid(), token: String = UUID().uuidString) {
        self.host = host
        self.pid = pid
        self.token = token
    }

    /// The claim's text as stored.
    public var id: String { "\(host) \(pid) \(token)" }

    /// Parses a stored claim; nil for anything else (then it only expires).
    public init?(id: String) {
        let parts = id.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, let pid = Int32(parts[1]), pid > 0 else { return nil }
        self.init(host: String(parts[0]), pid: pid, token: String(parts[2]))
    }

    /// Whether the process that made the claim is known to have ended: only decidable on the
    /// same host (a store on a shared home directory may be used from another machine).
    public var processIsGone: Bool {
        guard host == Self.currentHost else { return false }
        return kill(pid, 0) == -1 && errno == ESRCH
    }

    /// This machine's name (no DNS lookup, unlike `ProcessInfo.hostName`); spaces cannot occur
    /// in it, so the stored form splits back cleanly.
    public static let currentHost: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let cleaned = name.filter { !$0.isWhitespace }
        return cleaned.isEmpty ? "localhost" : cleaned
    }()
}
