import ForaCore
import ForaStore

/// Liking and bookmarking the focused post of the reader. Like every write, they are
/// committed to the outbox first and then sent: offline they wait (the status bar counts them)
/// and go when the site answers again.
extension AppController {
    enum PostWrite {
        case like, bookmark

        var done: String {
            switch self {
            case .like: "liked"
            case .bookmark: "bookmarked"
            }
        }
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
        let key = "\(write):\(post.id)"
        guard !queuedPostWrites.contains(key) else {
            status.message = "post #\(post.number) is already \(write.done) (fora cannot undo that yet): nothing sent"
            return
        }
        queuedPostWrites.insert(key)
        let action: OutboxAction =
            switch write {
            case .like: .like(postID: post.id, topicID: topicID)
            case .bookmark: .bookmark(postID: post.id, topicID: topicID)
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
                case .failed, .conflict: status.lastError = "\(label): \(item.reason ?? "the site refused it")"
                }
            case .failure(let error): report(error)
            }
            refreshOutboxCount()
        }
    }
}
