import ForaCore

/// The posts of the open topic by stream position, loaded lazily in windows: only what is
/// near the screen is ever fetched, so a 10,000-post topic costs what its visible part costs.
public struct PostStream: Sendable {
    public static let windowSize = 20

    public private(set) var topic: ReaderTopic
    /// Loaded posts by position. Sparse on purpose: the count comes from the server, and
    /// must never size an allocation (a topic claiming 10^13 posts costs what it carries).
    private var posts: [Int: ReaderPost] = [:]
    public private(set) var count: Int
    /// Window indexes (position / windowSize) asked for and not failed.
    private var requested: Set<Int> = []

    public init(topic: ReaderTopic) {
        self.topic = topic
        count = max(0, topic.postCount)
        insert(topic.initialPosts, at: 0)
    }

    public subscript(position: Int) -> ReaderPost? { posts[position] }

    public mutating func insert(_ loaded: [ReaderPost], at start: Int) {
        guard start >= 0, start < count else { return }
        let stored = loaded.prefix(count - start)
        for (offset, post) in stored.enumerated() { posts[start + offset] = post }
        guard !stored.isEmpty else { return }
        for window in (start / Self.windowSize)...((start + stored.count - 1) / Self.windowSize) {
            requested.insert(window)
        }
    }

    /// Grows the stream to `total` posts (live updates: posts published since the topic was
    /// opened) and inserts those loaded at `start`.
    public mutating func extend(to total: Int, with loaded: [ReaderPost], at start: Int) {
        if total > count {
            count = total
            topic.postCount = total
        }
        insert(loaded, at: start)
    }

    /// A window failed to load: it may be asked for again.
    public mutating func forget(_ range: Range<Int>) {
        for window in Set(range.map { $0 / Self.windowSize }) { requested.remove(window) }
    }

    /// The windows covering `positions` that hold unloaded posts and were not asked for yet;
    /// they are marked as asked for.
    public mutating func windowsToLoad(covering positions: Range<Int>) -> [Range<Int>] {
        let clamped = positions.clamped(to: 0..<count)
        guard !clamped.isEmpty else { return [] }
        var result: [Range<Int>] = []
        for window in (clamped.lowerBound / Self.windowSize)...((clamped.upperBound - 1) / Self.windowSize) {
            let range = (window * Self.windowSize)..<min(count, (window + 1) * Self.windowSize)
            guard !requested.contains(window), range.contains(where: { posts[$0] == nil }) else { continue }
            requested.insert(window)
            result.append(range)
        }
        return result
    }

    /// The position of post number `number` when it is loaded.
    public func loadedPosition(ofNumber number: Int) -> Int? {
        posts.filter { $0.value.number == number }.keys.min()
    }

    /// Loaded positions, in order.
    public var loadedPositions: [Int] { posts.keys.sorted() }

    /// A guess for where post `number` sits, from the loaded posts around it (numbers only
    /// grow along the stream, and gaps only make a number larger than its position + 1).
    public func estimatedPosition(ofNumber number: Int) -> Int {
        if let exact = loadedPosition(ofNumber: number) { return exact }
        // Post numbers come from the server: saturating arithmetic, so none can trap.
        var guess = min(max(0, number &- 1 < number ? number &- 1 : 0), max(0, count - 1))
        // Use the nearest loaded post before the guess to correct for gaps.
        if let before = posts.keys.filter({ $0 <= guess }).max(), let post = posts[before], post.number < number {
            let (gap, overflow) = number.subtractingReportingOverflow(post.number)
            let (estimate, beyond) = before.addingReportingOverflow(gap)
            guess = overflow || beyond ? count - 1 : min(count - 1, estimate)
        }
        return max(0, guess)
    }
}
