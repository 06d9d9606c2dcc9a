import ForaCore

/// Accepting a solution from the reader (`S`, `:solve`): the post at the top becomes the
/// topic's accepted answer; on the accepted answer it is unaccepted again. The site decides
/// who may (the asker and staff); a refusal shows its reason in the status bar. Once done the
/// reader reloads at the post and the list's row shows (or loses) its ✓ at once, without
/// waiting for the next list load.
extension AppController {
    func toggleSolution() {
        guard let reader, let post = reader.currentPost else {
            status.message = "open a topic first"
            return
        }
        guard post.number > 1 else {
            status.message = "the first post asks the question; pick a reply as the solution"
            return
        }
        let accept = !post.isSolution
        let service = service
        let topic = reader.topic
        status.message = accept ? "marking #\(post.number) as the solution…" : "unmarking #\(post.number)…"
        runner.run {
            if accept {
                try await service.acceptSolution(postID: post.id)
            } else {
                try await service.unacceptSolution(postID: post.id)
            }
        } then: { [weak self] result in
            guard let self else { return }
            switch result {
            case .success:
                status.message =
                    accept ? "#\(post.number) is the solution" : "#\(post.number) is no longer the solution"
                list.markSolved(topicID: topic.id, solved: accept)
                open(Topic(id: topic.id, title: topic.title), at: post.number)
            case .failure(let error): report(error)
            }
        }
    }
}
