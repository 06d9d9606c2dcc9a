// Faults the demo server injects on demand, for reliability tests of the client.
// (Filled in by the HTTP layer: latency, error rates, 429 forms, dropped and slow bodies.)
public struct FaultSettings: Sendable, Codable, Equatable {
    public init() {}
}
