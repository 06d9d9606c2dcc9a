import Foundation

/// Where a sync stands, reported as it goes (a progress bar on a terminal, a status line in
/// the TUI).
public struct SyncProgress: Equatable, Sendable {
    public enum Phase: Equatable, Sendable {
        case lists
        case topics
        /// Waiting out a rate limit (seconds).
        case waiting(Int)
        case done
    }

    public var phase: Phase = .lists
    public var listPages = 0
    public var topicsDone = 0
    public var topicsTotal = 0
    public var postsDone = 0
    /// An estimate until each topic's stream has been read.
    public var postsTotal = 0
    public var requests = 0
    /// Seconds spent waiting for rate limits.
    public var waited: TimeInterval = 0
    public var elapsed: TimeInterval = 0
    /// Topics whose posts were (re)fetched so far: what a screen showing them should re-read.
    public var changedTopicIDs: [Int] = []

    public var postsPerSecond: Double { elapsed > 0 ? Double(postsDone) / elapsed : 0 }

    /// Seconds left at the current rate, nil until there is a rate.
    public var eta: TimeInterval? {
        let rate = postsPerSecond
        guard rate > 0, postsTotal >= postsDone else { return nil }
        return Double(postsTotal - postsDone) / rate
    }

    /// One line for a terminal: `topics 12/40 · posts 300/1200 · 250 posts/s · ETA 4s`.
    public var line: String {
        var parts = ["topics \(topicsDone)/\(topicsTotal)", "posts \(postsDone)/\(max(postsTotal, postsDone))"]
        parts.append(String(format: "%.0f posts/s", postsPerSecond))
        if case .waiting(let seconds) = phase { parts.append("rate limited: waiting \(seconds)s") }
        if let eta { parts.append("ETA \(Int(eta.rounded()))s") }
        return parts.joined(separator: " · ")
    }
}

/// What a finished sync did.
public struct SyncSummary: Equatable, Sendable {
    public var topics: Int
    public var posts: Int
    public var requests: Int
    public var elapsed: TimeInterval
    public var waited: TimeInterval
    /// Topics whose posts changed in the store.
    public var changedTopicIDs: [Int]

    /// `synced 12 topics, 340 posts in 2.1 s`.
    public var line: String {
        String(format: "synced %d topics, %d posts in %.1f s", topics, posts, elapsed)
    }
}
