import ForaCore

/// Where "done" marks of the work lists are kept (the store, in the app): a topic marked done
/// stays out of the unanswered and unsolved lists until it has more posts than when marked.
public protocol DoneMarks: Sendable {
    func markDone(_ topic: Topic) throws
    /// `topics` without those marked done (one read of the marks, off the UI thread).
    func withoutDone(_ topics: [Topic]) -> [Topic]
}
