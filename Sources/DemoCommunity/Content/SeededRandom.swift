// A tiny deterministic PRNG so the same seed always yields the same community.

/// SplitMix64: fast, tiny, and good enough for generating demo content deterministically.
/// (`SystemRandomNumberGenerator` would make every run different.)
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator for one sub-stream (e.g. one topic), independent of generation order.
    init(seed: UInt64, stream: Int) {
        state = seed &+ UInt64(truncatingIfNeeded: stream) &* 0x9E37_79B9_7F4A_7C15
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<upper` (upper > 0).
    mutating func below(_ upper: Int) -> Int { Int(next() % UInt64(max(upper, 1))) }

    mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[below(items.count)] }
}
