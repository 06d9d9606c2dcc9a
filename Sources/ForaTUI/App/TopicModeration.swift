import ForaCore
import Foundation

/// Moderating the open topic from the reader (`:close`, `:reopen`, `:pin`, `:unpin`, `:archive`,
/// `:unlist`, `:relist`). The app checks the operation's precondition against the viewer
/// first, so an operation the user may not do is refused with the reason, not sent.
public protocol TopicModerator: Sendable {
    /// Who is looking (staff or not), asked once at start.
    func viewer() async throws -> ModerationViewer
    func perform(_ operation: ModerationOperation, topicID: Int) async throws
    /// Flags a post with one of the site's flag types, by its name (`spam`, `off_topic`…);
    /// returns the type's description, or throws listing the site's types.
    func flag(postID: Int, type: String) async throws -> String
    /// Hides, unhides, deletes or recovers a post (`hidePost`, `unhidePost`, `deletePost`,
    /// `recoverPost`).
    func perform(_ operation: ModerationOperation, postID: Int) async throws
    /// Silences or suspends a user until `until` (nil: indefinitely), with a reason.
    func penalize(_ kind: ReviewPenalty.Kind, userID: Int, reason: String, until: Date?) async throws
    /// Moves a topic to the category named `category` (name, slug or id); returns its name.
    func move(topicID: Int, toCategory category: String) async throws -> String
    /// The site's category names, for completing `:move`.
    func categoryNames() async throws -> [String]
}

/// Moderators written before post and user moderation existed (and test doubles) offer
/// none of it: each says so instead of failing at the server.
extension TopicModerator {
    public func perform(_ operation: ModerationOperation, postID: Int) async throws {
        throw ForaError.usage("\(operation.rawValue) is not available here")
    }

    public func penalize(_ kind: ReviewPenalty.Kind, userID: Int, reason: String, until: Date?) async throws {
        throw ForaError.usage("\(kind.rawValue) is not available here")
    }

    public func move(topicID: Int, toCategory category: String) async throws -> String {
        throw ForaError.usage("moving topics is not available here")
    }

    public func categoryNames() async throws -> [String] { [] }
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
            guard case .success(let viewer) = result, let self else { return }
            moderationViewer = viewer
            if viewer.isStaff { loadModerationCategories() }
        }
    }

    /// `:flag TYPE`: flags the post at the top of the reader. Everyone may flag.
    func flagCurrentPost(_ type: String) {
        guard let post = activeReader?.currentPost, let moderator = topicModerator else {
            status.message = "open a topic first: :flag flags the post at the top"
            return
        }
        if let reason = ModerationOperation.flagPost.unavailableReason(for: moderationViewer ?? ModerationViewer()) {
            status.message = "flag: \(reason)"
            return
        }
        status.message = "flagging post #\(post.number)…"
        runner.run {
            try await moderator.flag(postID: post.id, type: type)
        } then: { [weak self] result in
            switch result {
            case .success(let name): self?.status.message = "flagged post #\(post.number) as \(name)"
            case .failure(let error): self?.report(error)
            }
        }
    }

    func moderateTopic(_ operation: ModerationOperation) {
        guard let reader = activeReader, let moderator = topicModerator else {
            status.message = activeReader == nil ? "open a topic first" : "moderation is not available here"
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
                reloadAfterWrite(topicID: topic.id, title: topic.title, at: place ?? 1)
            case .failure(let error):
                report(error)
            }
        }
    }
}
