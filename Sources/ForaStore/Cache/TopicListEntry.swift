import ForaCore

/// One row of a cached topic list, with the local read state folded in.
public struct TopicListEntry: Equatable, Sendable {
    public var topic: Topic
    public var highestPostNumber: Int
    /// nil when the topic was never opened (it is then "new").
    public var lastReadPostNumber: Int?
    public var isNew: Bool { lastReadPostNumber == nil }
    public var unreadPosts: Int { lastReadPostNumber.map { max(0, highestPostNumber - $0) } ?? 0 }
}
