// How a demo server is started: by tests in-process, or by `fora-demo-server` from flags.
import DemoCommunity
import Foundation

public struct DemoServerConfiguration: Sendable {
    /// Always loopback: the demo server is never reachable from another host.
    public var host: String = "127.0.0.1"
    /// 0 picks a free ephemeral port (tests); the bound port is reported once listening.
    public var port: Int = 0
    /// Where writes are persisted so a restart keeps them; nil keeps everything in memory.
    public var dataDirectory: URL?
    /// Extra generated topics on top of the seeded community (see Content/README in
    /// `Sources/DemoServer/Content`); 0 is the seeded community alone.
    public var scale: Int = 0
    /// The seed of the deterministic content generator.
    public var seed: UInt64 = 1
    /// The all-users admin API key: with any seeded `Api-Username` it acts as that user.
    public var apiKey: String = DemoServerConfiguration.defaultAPIKey
    /// Faults injected on demand (latency, errors, 429s, dropped connections…); the running
    /// server's `faults` controller changes them later.
    public var faults: FaultSettings = FaultSettings()
    /// A standing hostile mode (redirects elsewhere, endless bodies, absurd counts); off by default.
    public var hostile: HostileSettings = HostileSettings()
    /// Answers rewritten as a hostile site would send them (escapes in every string,
    /// integers at the limits in posts); off by default.
    public var hostileContent = HostileContent()
    /// A community to serve as it is, instead of generating (or loading) one from `seed`,
    /// `scale` and `dataDirectory`: tests use it for small hand-made fixtures.
    public var community: CommunityState?
    /// Serve over TLS, with HTTP/2 offered by ALPN (DemoServerTLS's `DemoTLSFiles`); nil is
    /// plain HTTP/1.1.
    public var tls: (any DemoTLSTransport)?

    public static let defaultAPIKey = "fora-demo-all-users-key"

    public init() {}
}
