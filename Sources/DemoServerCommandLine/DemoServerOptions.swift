// The options `fora-demo-server` and `fora-demo-server-tls` share, and how both run a server
// until SIGINT or SIGTERM. Two executables so that the plain one `make demo` builds never
// links swift-nio-ssl; only tests and benchmarks build the TLS one.
import ArgumentParser
import DemoServer
import Dispatch
import Foundation

/// What every demo server executable accepts: where it listens, what it serves, which faults.
public struct DemoServerOptions: ParsableArguments {
    /// What both executables say about themselves in `--help`.
    public static let discussion = """
        Serves a deterministic, seeded support community with Discourse's JSON API. It only \
        ever listens on 127.0.0.1. Once ready it prints `listening on http://127.0.0.1:PORT`.

        Authenticate with `Api-Key: KEY` and `Api-Username: NAME` (any seeded user), or a \
        User API Key. Faults can also be changed while it runs: GET/PUT \
        /__demo/faults (JSON, snake_case keys as the flags) and POST /__demo/reset-faults.
        """

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: Int = 0

    @Option(help: "Directory where writes are kept across restarts (in memory when omitted).")
    var data: String?

    @Option(help: "Extra generated topics on top of the seeded community.")
    var scale: Int = 0

    @Option(help: "Seed of the deterministic content generator.")
    var seed: UInt64 = 1

    @Option(help: "The all-users API key (with any seeded Api-Username it acts as that user).")
    var apiKey: String = DemoServerConfiguration.defaultAPIKey

    @OptionGroup(title: "Faults")
    var faults: FaultOptions

    @OptionGroup(title: "Hostile mode")
    var hostile: HostileOptions

    @OptionGroup(title: "A hostile site's content")
    var hostileContent: HostileContentOptions

    public init() {}

    public func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard scale >= 0 else { throw ValidationError("--scale must be ≥ 0") }
    }

    /// The server configuration these options describe (plain HTTP; the TLS executable adds TLS).
    public func configuration() throws -> DemoServerConfiguration {
        var configuration = DemoServerConfiguration()
        configuration.port = port
        configuration.dataDirectory = data.map { URL(fileURLWithPath: $0, isDirectory: true) }
        configuration.scale = scale
        configuration.seed = seed
        configuration.apiKey = apiKey
        configuration.faults = try faults.settings()
        configuration.hostile = try hostile.settings()
        configuration.hostileContent = hostileContent.content
        return configuration
    }
}

/// Runs a demo server in the foreground: prints `listening on URL` once ready, stops on
/// SIGINT or SIGTERM.
public enum DemoServerRunner {
    public static func serve(_ configuration: DemoServerConfiguration) async throws {
        let (stopSignals, signalSources) = stopSignals()
        let server = try await DemoServer.start(configuration)
        // Written straight to the file descriptor: nothing waits in a buffer.
        FileHandle.standardOutput.write(Data("listening on \(server.baseURL)\n".utf8))
        var signals = stopSignals.makeAsyncIterator()
        _ = await signals.next()
        await server.stop()
        for source in signalSources { source.cancel() }
    }

    /// SIGINT and SIGTERM as an async sequence, their default handlers disabled; the caller
    /// keeps the dispatch sources alive while it waits.
    private static func stopSignals() -> (AsyncStream<Int32>, [DispatchSourceSignal]) {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        let queue = DispatchQueue(label: "fora-demo-server.signals")
        var sources: [DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            sources.append(source)
        }
        return (stream, sources)
    }
}
