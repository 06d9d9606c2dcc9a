import ForaCore

/// The edit actions (`agree_and_edit`, `edit_post`: `client_action` "edit"): the web UI opens
/// the post in its composer first. fora fetches the post's markdown, hands it to
/// `$VISUAL`/`$EDITOR`, saves it (refused with a 409 when someone else edited it meanwhile),
/// and only then performs the action. An unchanged or failed edit acts on nothing.
extension ReviewQueueScreen {
    func editThenAct(_ action: TriageAction, on target: ReviewItem) -> ScreenAction {
        guard let topicID = target.topicID, let postNumber = target.postNumber else {
            return .message("#\(target.id) has no post to edit")
        }
        let source = self.source
        runner.run {
            try await source.postForEditing(topicID: topicID, postNumber: postNumber)
        } then: { [weak self] result in
            guard let self else { return }
            switch result {
            case .success(let post): edit(post, then: action, on: target)
            case .failure(let error):
                onReport?(.error("#\(target.id): cannot fetch the post to edit: " + AppController.message(for: error)))
            }
        }
        return .message("#\(target.id): fetching the post for your editor…")
    }

    private func edit(_ post: ReviewPostText, then action: TriageAction, on target: ReviewItem) {
        guard let editText else { return }
        let context =
            "Editing post #\(target.postNumber ?? 0) by @\(target.author?.username ?? "?") for review item #\(target.id)"
        switch editText(post.raw, context) {
        case .failure(let error):
            onReport?(.error("#\(target.id): the editor failed, nothing done: " + AppController.message(for: error)))
        case .success(let edited)
        where edited.trimmingCharacters(in: .whitespacesAndNewlines)
            == post.raw.trimmingCharacters(in: .whitespacesAndNewlines):
            onReport?(.message("#\(target.id): the post is unchanged, nothing done"))
        case .success(let edited):
            let source = self.source
            onReport?(.message("#\(target.id): saving the edit…"))
            runner.run {
                try await source.savePost(id: post.id, raw: edited, originalRaw: post.raw)
            } then: { [weak self] result in
                switch result {
                case .success: self?.run(action, on: [target], penalty: nil)
                case .failure(let error):
                    self?.onReport?(
                        .error(
                            "#\(target.id): the edit was not saved, nothing done: " + AppController.message(for: error))
                    )
                }
            }
        }
    }
}
