import ForaCore
import ForaStore

/// Applies config.toml's `[cache]` limits to the store, through the store's eviction (least
/// recently read topics first; never drafts, unsent writes or bookmarked topics).
enum CacheLimitsEnforcement {
    /// Returns how many topics were evicted.
    static func apply(_ limits: ConfigFile.CacheLimits, to store: Store) throws -> Int {
        var evicted = 0
        if let maxTopics = limits.maxTopics { evicted += try store.evict(keepingAtMost: maxTopics) }
        if let maxSizeMB = limits.maxSizeMB { evicted += try store.evict(toFitBytes: Int64(maxSizeMB) * 1_048_576) }
        return evicted
    }
}
