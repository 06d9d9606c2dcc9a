import Foundation

/// What the reader had on screen and for how long, the way Discourse's web client measures
/// reading (its screen track): each post gets the time it was visible, a pause longer than
/// `idleCap` counts only up to the cap (the user walked away), and the times are sent in one
/// batch per topic (`POST /topics/timings`) when the user leaves the topic or every
/// `flushInterval` while they stay.
public struct ReadingTracker: Sendable {
    /// One batch: a topic's post numbers with the milliseconds each was on screen.
    public struct Batch: Equatable, Sendable {
        public var topicID: Int
        public var timings: [Int: Int]
        public var topicTimeMs: Int { timings.values.max() ?? 0 }
        public var postNumbers: [Int] { timings.keys.sorted() }
    }

    public var idleCap: TimeInterval = 60
    public var flushInterval: TimeInterval = 30
    private var topicID: Int?
    private var visible: [Int] = []
    private var since: Date?
    private var lastFlush: Date?
    private var timings: [Int: Int] = [:]

    public init() {}

    /// The screen now shows `postNumbers` of `topicID` (nil: no topic). The posts shown until
    /// now get the time since the previous call. Answers a batch to send when the topic
    /// changed or the flush interval passed.
    public mutating func show(topicID newTopic: Int?, postNumbers: [Int], at now: Date) -> Batch? {
        if let since, topicID != nil {
            let ms = Int(min(idleCap, max(0, now.timeIntervalSince(since))) * 1000)
            if ms > 0 { for number in visible { timings[number, default: 0] += ms } }
        }
        var batch: Batch?
        if newTopic != topicID {
            batch = take()
            lastFlush = now
        } else if let lastFlush, now.timeIntervalSince(lastFlush) >= flushInterval {
            batch = take()
            self.lastFlush = now
        }
        if lastFlush == nil { lastFlush = now }
        topicID = newTopic
        visible = newTopic == nil ? [] : postNumbers
        since = now
        return batch
    }

    /// What was measured and not sent yet (the app is quitting).
    public mutating func take() -> Batch? {
        defer { timings = [:] }
        guard let topicID, !timings.isEmpty else { return nil }
        return Batch(topicID: topicID, timings: timings)
    }
}
