import ForaCore
import Foundation

extension OperationID {
    /// The post operation a reader key or command stands for.
    var postModeration: ModerationOperation? {
        switch self {
        case .hidePost: return .hidePost
        case .unhidePost: return .unhidePost
        case .deletePost: return .deletePost
        case .recoverPost: return .recoverPost
        default: return nil
        }
    }
}

/// The author a `:silence` or `:suspend` acts on: the selected review item's (from the queue
/// or its detail view), else the focused post of the reader's.
struct ModerationTarget: Equatable {
    var userID: Int
    var username: String
}

/// Moderating posts, their authors and the open topic's category from the interface. Every
/// operation checks its precondition (`ModerationOperation`) before anything is sent, so one
/// the viewer may not do is refused with the reason; destructive ones (delete, silence,
/// suspend) always ask first.
extension AppController {
    /// `H`, `X`, `:hide`, `:unhide`, `:delete`, `:recover` on the focused post of the reader.
    func moderatePost(_ requested: ModerationOperation) {
        guard let reader = activeReader, let post = reader.currentPost, let moderator = topicModerator else {
            status.message = activeReader == nil ? "open a topic first" : "moderation is not available here"
            return
        }
        let facts = post.moderation
        let operation: ModerationOperation
        switch requested {
        case .hidePost where facts.hidden: operation = .unhidePost
        case .deletePost where facts.deleted: operation = .recoverPost
        case .unhidePost where !facts.hidden:
            status.message = "post #\(post.number) is not hidden"
            return
        case .recoverPost where !facts.deleted:
            status.message = "post #\(post.number) is not deleted"
            return
        default: operation = requested
        }
        let viewer = moderationViewer ?? ModerationViewer()
        if let reason = operation.unavailableReason(for: viewer, reported: facts.reported) {
            status.message = "\(operation.rawValue): \(reason)"
            return
        }
        let topic = reader.topic
        let run: @MainActor () -> Void = { [weak self] in
            guard let self else { return }
            status.message = "\(operation.rawValue) #\(post.number)…"
            runner.run {
                try await moderator.perform(operation, postID: post.id)
            } then: { [weak self] result in
                guard let self else { return }
                switch result {
                case .success:
                    status.message = "\(operation.rawValue) #\(post.number): done"
                    reloadAfterWrite(topicID: topic.id, title: topic.title, at: post.number)
                case .failure(let error): report(error)
                }
            }
        }
        // Every post moderation asks first, naming the post and its author: a count or a
        // stale focus must never hide or delete a post nobody meant.
        let excerpt = reader.plainText(of: post).replacingOccurrences(of: "\n", with: " ").prefix(70)
        var details = [String(excerpt)]
        if operation == .deletePost { details.append("The post is deleted; staff can recover it (:recover).") }
        let word = operation.rawValue.split(separator: " ").last.map(String.init) ?? operation.rawValue
        let verb = word.prefix(1).uppercased() + word.dropFirst()
        let confirm = ConfirmScreen(
            question: "\(verb) post #\(post.number) by @\(post.username)?", details: details,
            destructive: operation.isDestructive
        ) {
            run()
            return .none
        }
        overlays.append(confirm)
    }

    /// `:silence` and `:suspend`: with `DURATION REASON` straight to the confirmation, alone
    /// through the reason-and-days form first.
    func penalizeAuthor(_ kind: ReviewPenalty.Kind, argument: String?) {
        let operation: ModerationOperation = kind == .silence ? .silenceUser : .suspendUser
        guard let moderator = topicModerator else {
            status.message = "moderation is not available here"
            return
        }
        if let reason = operation.unavailableReason(for: moderationViewer ?? ModerationViewer()) {
            status.message = "\(kind.rawValue): \(reason)"
            return
        }
        guard let target = moderationTarget else {
            status.message = "open a topic or select a review item first: :\(kind.rawValue) acts on its author"
            return
        }
        guard let argument else {
            let form = PenaltyFormScreen(title: "\(kind.rawValue.capitalized) @\(target.username)") {
                [weak self] reason, days in
                let request = PenaltyRequest(
                    until: Date().addingTimeInterval(Double(days) * 86_400), reason: reason, duration: "\(days)d")
                guard let confirm = self?.penaltyConfirmation(kind, request, target, moderator) else { return .back }
                return .present(PresentedScreen(confirm))
            }
            overlays.append(form)
            return
        }
        switch PenaltyRequest.parse(argument) {
        case .failure(let failure): status.message = ":\(kind.rawValue): " + failure.message
        case .success(let request): overlays.append(penaltyConfirmation(kind, request, target, moderator))
        }
    }

    private func penaltyConfirmation(
        _ kind: ReviewPenalty.Kind, _ request: PenaltyRequest, _ target: ModerationTarget,
        _ moderator: any TopicModerator
    ) -> ConfirmScreen {
        let verb = kind == .silence ? "silenced" : "suspended"
        let until = request.until.map { " (until " + ISO8601DateFormatter().string(from: $0) + ")" } ?? ""
        return ConfirmScreen(
            question: "\(kind.rawValue.capitalized) @\(target.username) \(request.span)?",
            details: ["reason: " + request.reason + until], destructive: false
        ) { [weak self] in
            guard let self else { return .none }
            status.message = "\(kind.rawValue) @\(target.username)…"
            runner.run {
                try await moderator.penalize(kind, userID: target.userID, reason: request.reason, until: request.until)
            } then: { [weak self] result in
                switch result {
                case .success: self?.status.message = "\(verb) @\(target.username) \(request.span)"
                case .failure(let error): self?.report(error)
                }
            }
            return .none
        }
    }

    /// The author the penalty commands act on, by what has the focus.
    var moderationTarget: ModerationTarget? {
        let item: ReviewItem? =
            switch overlays.last {
            case let queue as ReviewQueueScreen: queue.selected
            case let detail as ReviewDetailScreen: detail.item
            default: nil
            }
        if let item {
            guard let author = item.author, let id = author.userID else { return nil }
            return ModerationTarget(userID: id, username: author.username)
        }
        guard let post = activeReader?.currentPost, let id = post.moderation.userID else { return nil }
        return ModerationTarget(userID: id, username: post.username)
    }

    /// `:move CATEGORY`: moves the open topic, then reloads it.
    func moveOpenTopic(to category: String) {
        guard let reader = activeReader, let moderator = topicModerator else {
            status.message =
                activeReader == nil ? "open a topic first: :move moves it" : "moderation is not available here"
            return
        }
        if let reason = ModerationOperation.moveTopic.unavailableReason(for: moderationViewer ?? ModerationViewer()) {
            status.message = "move: \(reason)"
            return
        }
        let topic = reader.topic
        let place = reader.currentPostNumber
        status.message = "moving to \(category)…"
        runner.run {
            try await moderator.move(topicID: topic.id, toCategory: category)
        } then: { [weak self] result in
            guard let self else { return }
            switch result {
            case .success(let name):
                status.message = "moved \u{201C}\(topic.title)\u{201D} to \(name)"
                reloadAfterWrite(topicID: topic.id, title: topic.title, at: place ?? 1)
                // The list shows the topic under its new category.
                loadList()
            case .failure(let error): report(error)
            }
        }
    }

    /// The category names `:move` completes, fetched once the viewer is known to be staff.
    func loadModerationCategories() {
        guard let moderator = topicModerator else { return }
        runner.run {
            try await moderator.categoryNames()
        } then: { [weak self] result in
            if case .success(let names) = result { self?.moderationCategoryNames = names }
        }
    }

    /// What Tab completes after a command's name.
    var commandArguments: [String: [String]] {
        [
            OperationID.moveTopic.rawValue: moderationCategoryNames,
            OperationID.showCategory.rawValue: list.categories.values.map(\.slug).sorted(),
        ]
    }

    /// The help's "unavailable to you" lines for the moderation operations, with the reason
    /// each is refused (shown in the reader, where they act).
    var moderationUnavailableLines: [String] {
        guard topicModerator != nil, focused.context == .reader else { return [] }
        let viewer = moderationViewer ?? ModerationViewer()
        let facts = activeReader?.currentPost?.moderation ?? PostModerationFacts()
        let operations: [OperationID] = [
            .hidePost, .unhidePost, .deletePost, .recoverPost, .silenceUser, .suspendUser, .moveTopic, .closeTopic,
            .reopenTopic, .pinTopic, .unpinTopic, .archiveTopic, .unlistTopic, .relistTopic,
        ]
        let lines = operations.compactMap { id -> String? in
            guard let operation = id.postModeration ?? id.topicModeration ?? id.userOrTopicModeration,
                let reason = operation.unavailableReason(for: viewer, reported: facts.reported)
            else { return nil }
            let keys = keymap.keys(for: id, in: .reader).map(KeyName.name)
            let label = (keys + [":" + id.rawValue]).joined(separator: " ")
            return "  " + DisplayWidth.pad(label, to: 16) + " \(id.rawValue): unavailable, " + reason
        }
        guard !lines.isEmpty else { return [] }
        // One heading with the review queue's line, when the help shows that too.
        return (reviewUnavailableLines.isEmpty ? ["Unavailable to you"] : []) + lines
    }
}

extension OperationID {
    var userOrTopicModeration: ModerationOperation? {
        switch self {
        case .silenceUser: return .silenceUser
        case .suspendUser: return .suspendUser
        case .moveTopic: return .moveTopic
        default: return nil
        }
    }
}
