/// The posts of the open topic by stream position, loaded lazily in windows: only what is
/// near the screen is ever fetched, so a 10,000-post topic costs what its visible part costs.
public struct PostStream: Sendable {
    public static let windowSize = 20

    public private(set) var topic: ReaderTopic
    private var posts: [ReaderPost?]
    /// Window indexes (position / windowSize) asked for and not failed.
    private var requested: Set<Int> = []

    public init(topic: ReaderTopic) {
        self.topic = topic
        posts = Array(repeating: nil, count: max(0, topic.postCount))
        insert(topic.initialPosts, at: 0)
    }

    public var count: Int { posts.count }
    public subscript(position: Int) -> ReaderPost? { posts.indices.contains(position) ? posts[position] : nil }

    public mutating func insert(_ loaded: [ReaderPost], at start: Int) {
        for (offset, post) in loaded.enumerated() where posts.indices.contains(start + offset) {
            posts[start + offset] = post
        }
        for window in Set((start..<start + loaded.count).map { $0 / Self.windowSize }) { requested.insert(window) }
    }

    /// Grows the stream to `total` posts (live updates: posts published since the topic was
    /// opened) and inserts those loaded at `start`.
    public mutating func extend(to total: Int, with loaded: [ReaderPost], at start: Int) {
        if total > posts.count {
            posts += Array(repeating: nil, count: total - posts.count)
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
        posts.firstIndex { $0?.number == number }
    }

    /// A guess for where post `number` sits, from the loaded posts around it (numbers only
    /// grow along the stream, and gaps only make a number larger than its position + 1).
    public func estimatedPosition(ofNumber number: Int) -> Int {
        if let exact = loadedPosition(ofNumber: number) { return exact }
        // `number` may come from a document (a quote's data-post) or a link: any Int at all,
        // so nothing here may overflow.
        var guess = min(number > 0 ? number - 1 : 0, max(0, count - 1))
        // Use the nearest loaded post before the guess to correct for gaps.
        if let before = (0...guess).reversed().first(where: { posts[$0] != nil }), let post = posts[before],
            post.number < number
        {
            let (gap, overflow) = number.subtractingReportingOverflow(post.number)
            guess = overflow ? count - 1 : min(count - 1, before + min(gap, count))
        }
        return max(0, guess)
    }
}
