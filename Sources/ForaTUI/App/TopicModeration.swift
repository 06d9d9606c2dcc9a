import ForaCore

/// Moderating the open topic from the reader (`:close`, `:reopen`, `:pin`, `:unpin`, `:archive`,
/// `:unlist`, `:relist`). The app checks the operation's precondition against the viewer
/// first, so an operation the user may not do is refused with the reason, not sent.
public protocol TopicModerator: Sendable {
    /// Who is looking (staff or not), asked once at start.
    func viewer() async throws -> ModerationViewer
    func perform(_ operation: ModerationOperation, topicID: Int) async throws
}

extension OperationID {
    /// The moderation operation a reader command stands for.
    var topicModeration: ModerationOperation? {
        switch self {
        case .closeTopic: return .closeTopic
        case .reopenTopic: return .openTopic
        case .pinTopic: return .pinTopic
        case .unpinTopic: return .unpinTopic
        case .archiveTopic: return .archiveTopic
        case .unlistTopic: return .unlistTopic
        case .relistTopic: return .listTopic
        default: return nil
        }
    }
}

extension AppController {
    func loadModerationViewer() {
        guard let moderator = topicModerator else { return }
        runner.run {
            try await moderator.viewer()
        } then: { [weak self] result in
            if case .success(let viewer) = result { self?.moderationViewer = viewer }
        }
    }

    func moderateTopic(_ operation: ModerationOperation) {
        guard let reader, let moderator = topicModerator else {
            status.message = reader == nil ? "open a topic first" : "moderation is not available here"
            return
        }
        let viewer = moderationViewer ?? ModerationViewer()
        if let reason = operation.unavailableReason(for: viewer) {
            status.message = "\(operation.rawValue): \(reason)"
            return
        }
        let topic = reader.topic
        let place = reader.currentPostNumber
        status.message = "\(operation.rawValue)…"
        runner.run {
            try await moderator.perform(operation, topicID: topic.id)
        } then: { [weak self] result in
            guard let self else { return }
            switch result {
            case .success:
                status.message = "\(operation.rawValue): done"
                open(Topic(id: topic.id, title: topic.title), at: place ?? 1)
            case .failure(let error):
                report(error)
            }
        }
    }
}
