// A running demo server: started in-process by tests and benchmarks (port 0 picks a free
// port) and by the `fora-demo-server` executable. It only ever binds 127.0.0.1.
import DemoCommunity
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

public final class DemoServer: Sendable {
    /// The bound port (the ephemeral one when the configuration asked for port 0).
    public let port: Int
    public let state: CommunityState
    /// Change faults at run time; `/__demo/faults` does the same over HTTP.
    public let faults: FaultController
    public let configuration: DemoServerConfiguration
    private let group: ServiceGroup
    private let running: Task<Void, Error>

    /// `https://…` when the server runs with TLS (and HTTP/2), `http://…` otherwise.
    public var baseURL: String { "\(configuration.tls == nil ? "http" : "https")://127.0.0.1:\(port)" }

    private init(
        port: Int, state: CommunityState, faults: FaultController,
        configuration: DemoServerConfiguration, group: ServiceGroup, running: Task<Void, Error>
    ) {
        self.port = port
        self.state = state
        self.faults = faults
        self.configuration = configuration
        self.group = group
        self.running = running
    }

    /// Loads or generates the community, binds 127.0.0.1 and returns once it is listening.
    public static func start(_ configuration: DemoServerConfiguration) async throws -> DemoServer {
        var configuration = configuration
        // Whatever the caller asked, the demo server is never reachable from another host.
        configuration.host = "127.0.0.1"
        let problems = configuration.faults.problems + configuration.hostile.problems
        guard problems.isEmpty else { throw DemoServerError.invalidFaults(problems) }
        let state = try configuration.community ?? CommunityLoading.openState(configuration)
        let faults = FaultController(configuration.faults)
        let responder = DemoResponder(
            table: RouteTable.demo(), context: DemoContext(state: state, configuration: configuration), faults: faults)

        let requestedPort = configuration.port
        let (ports, portSink) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "fora-demo-server")
        logger.logLevel = .error
        let server = try configuration.tls?.serverBuilder() ?? .http1()
        let app = Application(
            responder: responder,
            server: server,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: configuration.port)),
            onServerRunning: { channel in
                portSink.yield(channel.localAddress?.port ?? requestedPort)
                portSink.finish()
            },
            logger: logger)
        // Our own service group, without signal handling: the executable decides about
        // signals, and tests stop servers with `stop()`.
        let group = ServiceGroup(services: [app], logger: logger)
        let running = Task {
            defer { portSink.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            // The server stopped before listening: report why (a bind error, usually).
            try await running.value
            throw DemoServerError.didNotStart
        }
        return DemoServer(
            port: port, state: state, faults: faults, configuration: configuration, group: group, running: running)
    }

    /// Stops listening, lets requests in flight end (for at most `gracePeriod`, then they
    /// are cut), and returns once the server is down.
    public func stop(gracePeriod: Duration = .seconds(3)) async {
        // Long polls would otherwise hold the graceful shutdown for their whole timeout.
        LiveUpdates.of(state).releaseWaitingPolls()
        await group.triggerGracefulShutdown()
        let running = self.running
        let deadline = Task {
            try await Task.sleep(for: gracePeriod)
            running.cancel()
        }
        _ = try? await running.value
        deadline.cancel()
    }

    /// Waits until the server stops (by `stop()` or because it failed).
    public func wait() async throws {
        try await running.value
    }
}

public enum DemoServerError: Error, CustomStringConvertible {
    case invalidFaults([String])
    case didNotStart
    case tls(String)

    public var description: String {
        switch self {
        case .invalidFaults(let problems): "invalid fault settings: " + problems.joined(separator: "; ")
        case .didNotStart: "the demo server stopped before it was listening"
        case .tls(let problem): "TLS: " + problem
        }
    }
}
