import ForaCore
import ForaNet
import Foundation

/// fora's live updates from a Discourse site: long polls on the message bus for the latest
/// and new topics, the open topic, the viewer's notifications and (staff) the review count,
/// with back-off after failures; on a site without a message bus (404 or 403 on the poll)
/// it falls back to polling the JSON endpoints every `fallbackInterval` seconds.
public actor LiveUpdateClient: LiveUpdateSource {
    public struct Options: Sendable {
        /// Seconds between rounds of the polling fallback.
        public var fallbackInterval: Double = 30
        /// A poll that comes back empty sooner than this (the server is short-polling us past
        /// its `max_active_clients`, or a proxy cuts long requests) is followed by a pause, so
        /// fora never spins: news then arrives within this many seconds.
        public var minimumPollInterval: Double = 5
        /// The first wait after a failure; it doubles per failure up to `maximumBackoff`.
        public var baseBackoff: Double = 1
        public var maximumBackoff: Double = 60

        public init() {}
    }

    private let service: DiscourseService
    private let bus: MessageBus
    private let options: Options
    private var identity: LiveIdentity?
    private var started = false
    private var watchedTopic: Int?
    public private(set) var mode: LiveMode = .messageBus
    private var failures = 0
    private var fallback = LivePollingFallback()
    private var lastFallbackRound: ContinuousClock.Instant?
    /// Ends the poll or pause in progress (set while one runs).
    private var interrupt: (@Sendable () -> Void)?
    private let clock = ContinuousClock()

    public init(service: DiscourseService, clientID: String? = nil, options: Options = Options()) {
        self.service = service
        bus = clientID.map { MessageBus(service: service, clientID: $0) } ?? MessageBus(service: service)
        self.options = options
    }

    public func watchTopic(_ topicID: Int?) async {
        guard topicID != watchedTopic else { return }
        if let old = watchedTopic { await bus.unsubscribe(LiveChannels.topic(old)) }
        watchedTopic = topicID
        // -1: from the current position; the reader has just loaded the topic.
        if let topicID { await bus.subscribe(LiveChannels.topic(topicID)) }
        fallback.topicChanged()
        interrupt?()
    }

    public func nextEvents() async -> [LiveEvent] {
        var events: [LiveEvent] = []
        if !started {
            started = true
            events += await start()
        }
        switch mode {
        case .messageBus: events += await pollBus()
        case .polling: events += await pollEndpoints()
        }
        return events
    }

    /// Learns who is listening and subscribes to their channels.
    private func start() async -> [LiveEvent] {
        identity = try? await LiveIdentity.fetch(from: service)
        for channel in LiveChannels.subscriptions(
            userID: identity?.userID, isStaff: identity?.isStaff ?? false, topicID: watchedTopic)
        {
            await bus.subscribe(channel)
        }
        return identity?.countEvents ?? []
    }

    private func pollBus() async -> [LiveEvent] {
        let began = clock.now
        // Channels at -1 get their position at once: that poll is expected to be quick.
        let positioning = await bus.subscriptions.values.contains(-1)
        let bus = self.bus
        let task = Task { try await bus.poll() }
        interrupt = { task.cancel() }
        defer { interrupt = nil }
        do {
            let messages = try await task.value
            failures = 0
            let events = messages.compactMap(LiveChannels.event(from:))
            let elapsed = Self.seconds(clock.now - began)
            if messages.isEmpty, !positioning, elapsed < options.minimumPollInterval {
                await pause(options.minimumPollInterval - elapsed)
            }
            return events
        } catch is CancellationError {
            return []
        } catch ForaError.notFound, ForaError.forbidden {
            mode = .polling
            return [.mode(.polling)]
        } catch {
            await backOff()
            return []
        }
    }

    private func pollEndpoints() async -> [LiveEvent] {
        if let last = lastFallbackRound {
            let wait = options.fallbackInterval - Self.seconds(clock.now - last)
            if wait > 0 {
                await pause(wait)
                // Interrupted (another topic opened): a round now picks it up.
            }
        }
        lastFallbackRound = clock.now
        do {
            // A copy: an actor's property cannot be mutated across the awaits of a round.
            var round = fallback
            let events = try await round.round(service: service, loggedIn: identity != nil, topicID: watchedTopic)
            if round.topicID == watchedTopic { fallback = round }
            failures = 0
            return events
        } catch {
            await backOff()
            return []
        }
    }

    /// Waits after the `failures`-th failure in a row: 1, 2, 4… seconds, at most the maximum.
    private func backOff() async {
        failures += 1
        await pause(Self.backoff(failures: failures, base: options.baseBackoff, maximum: options.maximumBackoff))
    }

    static func backoff(failures: Int, base: Double, maximum: Double) -> Double {
        min(maximum, base * Double(1 << min(max(0, failures - 1), 20)))
    }

    /// Sleeps, unless `watchTopic` interrupts.
    private func pause(_ seconds: Double) async {
        let task = Task { try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000)) }
        interrupt = { task.cancel() }
        defer { interrupt = nil }
        _ = try? await task.value
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
