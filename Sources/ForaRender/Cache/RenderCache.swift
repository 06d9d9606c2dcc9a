import Synchronization

/// Renderings kept per (post, width, options), so scrolling and redrawing never render a
/// post twice. A post whose cooked HTML changed (an edit) is rendered again: the entry keeps
/// the HTML it was made from and is used only when it matches.
///
/// Safe to share between tasks. The least recently used entries go first when full.
public final class RenderCache: Sendable {
    struct Key: Hashable {
        let post: Int
        let width: Int
        let options: RenderOptions
    }

    struct Entry {
        let cooked: String
        let document: RenderedDocument
        var lastUse: UInt64
    }

    struct State {
        var entries: [Key: Entry] = [:]
        var clock: UInt64 = 0
        var hits = 0
        var misses = 0
    }

    public let capacity: Int
    private let state = Mutex(State())

    public init(capacity: Int = 2_000) { self.capacity = max(1, capacity) }

    /// The rendering of post `post` at `width`, from the cache when its HTML is unchanged.
    public func document(
        post: Int, cooked: String, width: Int, renderer: CookedRenderer = CookedRenderer()
    ) -> RenderedDocument {
        let key = Key(post: post, width: width, options: renderer.options)
        let cached = state.withLock { state -> RenderedDocument? in
            state.clock += 1
            guard var entry = state.entries[key], entry.cooked == cooked else {
                state.misses += 1
                return nil
            }
            entry.lastUse = state.clock
            state.entries[key] = entry
            state.hits += 1
            return entry.document
        }
        if let cached { return cached }
        let document = renderer.render(cooked, width: width)
        state.withLock { state in
            state.entries[key] = Entry(cooked: cooked, document: document, lastUse: state.clock)
            if state.entries.count > capacity { evict(&state) }
        }
        return document
    }

    /// (hits, misses) since the cache was made; for tests and the benchmark.
    public var statistics: (hits: Int, misses: Int) { state.withLock { ($0.hits, $0.misses) } }

    public var count: Int { state.withLock { $0.entries.count } }

    public func removeAll() { state.withLock { $0.entries.removeAll() } }

    /// Drops the least recently used quarter, so eviction cost is paid rarely.
    private func evict(_ state: inout State) {
        let drop = max(1, state.entries.count / 4)
        let oldest = state.entries.sorted { $0.value.lastUse < $1.value.lastUse }.prefix(drop)
        for (key, _) in oldest { state.entries.removeValue(forKey: key) }
    }
}
