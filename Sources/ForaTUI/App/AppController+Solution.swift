import ForaCore

/// Accepting a solution from the reader (`S`, `:solve`): the focused post becomes the
/// topic's accepted answer; on the accepted answer it is unaccepted again. The site decides
/// who may (the asker and staff); a refusal shows its reason in the status bar. Once done the
/// reader reloads at the post and the list's row shows (or loses) its ✓ at once, without
/// waiting for the next list load.
extension AppController {
    func toggleSolution() {
        guard let reader = activeReader, let post = reader.currentPost else {
            status.message = "open a topic first"
            return
        }
        guard post.number > 1 else {
            status.message = "the first post asks the question; pick a reply as the solution"
            return
        }
        let accept = !post.isSolution
        let service = service
        let queueWrite = queueWrite
        let topic = reader.topic
        status.message = accept ? "marking #\(post.number) as the solution…" : "unmarking #\(post.number)…"
        runner.run { () async throws -> Bool in
            // Accepting is a write like any other: committed to the outbox first when there is
            // one (the outbox has no "unaccept": that goes straight to the site).
            if accept, let queueWrite {
                let item = try await queueWrite(.accept(postID: post.id, topicID: topic.id))
                switch item.state {
                case .sent: return true
                case .pending, .sending: return false
                case .failed, .conflict: throw ForaError.other(item.reason ?? "the site refused it")
                }
            }
            if accept {
                try await service.acceptSolution(postID: post.id)
            } else {
                try await service.unacceptSolution(postID: post.id)
            }
            return true
        } then: { [weak self] result in
            guard let self else { return }
            refreshOutboxCount()
            switch result {
            case .success(false):
                status.message = "queued: #\(post.number) becomes the solution once the site answers"
            case .success:
                status.message =
                    accept ? "#\(post.number) is the solution" : "#\(post.number) is no longer the solution"
                list.markSolved(topicID: topic.id, solved: accept)
                readerSource?.invalidate(topicID: topic.id)
                readerSource?.noteAcceptedAnswer(
                    topicID: topic.id, postNumber: accept ? post.number : nil, username: post.username)
                open(Topic(id: topic.id, title: topic.title), at: post.number)
            case .failure(let error): report(error)
            }
        }
    }
}
