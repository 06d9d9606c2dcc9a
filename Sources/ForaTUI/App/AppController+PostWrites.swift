import ForaCore
import ForaStore

/// Liking and bookmarking the focused post of the reader. Like every write, they are
/// committed to the outbox first and then sent: offline they wait (the status bar counts them)
/// and go when the site answers again.
extension AppController {
    enum PostWrite {
        case like, bookmark, unlike, unbookmark

        var done: String {
            switch self {
            case .like: "liked"
            case .bookmark: "bookmarked"
            case .unlike: "unliked"
            case .unbookmark: "no longer bookmarked"
            }
        }

        /// The write that undoes this one.
        var opposite: PostWrite {
            switch self {
            case .like: .unlike
            case .unlike: .like
            case .bookmark: .unbookmark
            case .unbookmark: .bookmark
            }
        }
    }

    /// Whether the post is liked (or bookmarked) now: the site's state as loaded, changed by
    /// what this session queued since.
    func postIs(_ write: PostWrite, _ post: ReaderPost) -> Bool {
        if queuedPostWrites.contains("\(write):\(post.id)") { return true }
        if queuedPostWrites.contains("\(write.opposite):\(post.id)") { return false }
        switch write {
        case .like: return post.liked
        case .bookmark: return post.bookmarked
        case .unlike, .unbookmark: return false
        }
    }

    /// `l` and `B`: like (bookmark) the post, or take it back when it already is.
    func togglePostWrite(_ write: PostWrite) {
        guard let post = activeReader?.currentPost else {
            status.message = "open a topic first"
            return
        }
        queuePostWrite(postIs(write, post) ? write.opposite : write)
    }

    func queuePostWrite(_ write: PostWrite) {
        guard let reader = activeReader, let post = reader.currentPost else {
            status.message = "open a topic first"
            return
        }
        guard let queueWrite else {
            status.message = "writing is not available here (no local store)"
            return
        }
        let topicID = reader.topic.id
        let undone: Bool
        switch write {
        case .like, .bookmark: undone = postIs(write, post)
        case .unlike: undone = !postIs(.like, post)
        case .unbookmark: undone = !postIs(.bookmark, post)
        }
        guard !undone else {
            status.message = "post #\(post.number) is already \(write.done): nothing sent"
            return
        }
        queuedPostWrites.remove("\(write.opposite):\(post.id)")
        let key = "\(write):\(post.id)"
        queuedPostWrites.insert(key)
        let action: OutboxAction =
            switch write {
            case .like: .like(postID: post.id, topicID: topicID)
            case .bookmark: .bookmark(postID: post.id, topicID: topicID)
            case .unlike: .unlike(postID: post.id, topicID: topicID)
            case .unbookmark: .unbookmark(postID: post.id, topicID: topicID)
            }
        let label = "post #\(post.number)"
        runner.run {
            try await queueWrite(action)
        } then: { [weak self] result in
            guard let self else { return }
            switch result {
            case .success(let item):
                switch item.state {
                case .sent: status.message = "\(write.done) \(label)"
                case .pending, .sending: status.message = "queued: \(label) is \(write.done) once the site answers"
                case .failed, .conflict:
                    queuedPostWrites.remove(key)  // the site's state stands
                    status.lastError = "\(label): \(item.reason ?? "the site refused it")"
                }
            case .failure(let error):
                queuedPostWrites.remove(key)
                report(error)
            }
            refreshOutboxCount()
        }
    }
}
