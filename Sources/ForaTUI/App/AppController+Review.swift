import ForaCore
import Foundation

/// What the app keeps for the review queue: the source, who is looking, the saved filters
/// and how often to poll.
struct ReviewWiring {
    var source: (any ReviewDataSource)?
    var viewer: ReviewViewer?
    var savedFilters: [(name: String, filter: ReviewFilter)] = []
    /// Seconds between polls of the pending count (nil: never, as in tests).
    var pollSeconds: Double?
    /// The last error the queue reported, which its next message replaces (other errors stay).
    var lastError: String?
}

/// The review queue from the app's side (issue 8): learning who is looking, polling the
/// pending count for the status bar (and refreshing an open queue when it changes), opening
/// the queue, and opening a reviewed post in the reader over it.
extension AppController {
    /// Learns the viewer; for staff, starts polling.
    func startReview() {
        guard let source = review.source else { return }
        runner.run {
            try await source.viewer()
        } then: { [weak self] result in
            guard let self, case .success(let viewer) = result else { return }
            review.viewer = viewer
            guard viewer.permissions.isStaff else { return }
            pollReviews()
            scheduleReviewPoll()
        }
    }

    private func scheduleReviewPoll() {
        guard review.source != nil, let seconds = review.pollSeconds, seconds > 0 else { return }
        runner.run {
            try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
        } then: { [weak self] _ in
            guard let self, isRunning else { return }
            pollReviews()
            scheduleReviewPoll()
        }
    }

    /// One poll: an open queue reloads (new flags, and new scores on old ones, appear and the
    /// count comes with them); otherwise just the pending count.
    public func pollReviews() {
        guard let source = review.source else { return }
        if let queue = reviewScreen {
            queue.reload()
            return
        }
        runner.run {
            try await source.pendingCount()
        } then: { [weak self] result in
            guard let self, case .success(let count) = result else { return }
            status.pendingReviews = count
        }
    }

    /// Every character key the keymap binds on the review screen (its own and the global ones).
    var reviewBoundCharacters: Set<Character> {
        var keys = TriageActionKeys.reserved
        for operation in keymap.operations(in: .review) {
            for case .character(let character) in keymap.keys(for: operation, in: .review) { keys.insert(character) }
        }
        return keys
    }

    /// For the `?` screen: the review keys this viewer may not use, and why.
    var reviewUnavailableLines: [String] {
        guard review.source != nil, let viewer = review.viewer,
            let reason = ModerationOperation.reviewQueue.unavailableReason(for: viewer.permissions)
        else { return [] }
        let keys = keymap.keys(for: .reviewQueue, in: .global).map(KeyName.name).joined(separator: " ")
        return ["Unavailable to you", "  " + DisplayWidth.pad(keys, to: 16) + " review: unavailable, " + reason]
    }

    /// The open review queue, wherever it is on the overlay stack.
    public var reviewScreen: ReviewQueueScreen? {
        overlays.lazy.compactMap { $0 as? ReviewQueueScreen }.last
    }

    func openReviewQueue() {
        guard let source = review.source else {
            status.message = "the review queue is not wired into this build"
            return
        }
        guard let viewer = review.viewer else {
            status.message = "still checking who you are; try again in a moment"
            startReview()
            return
        }
        if let reason = ModerationOperation.reviewQueue.unavailableReason(for: viewer.permissions) {
            status.message = "review queue: " + reason
            return
        }
        if let open = reviewScreen {
            overlays.removeAll { $0 === open }
            overlays.append(open)
            return
        }
        let screen = ReviewQueueScreen(source: source, runner: runner, viewer: viewer)
        screen.categories = list.categories
        screen.savedFilters = review.savedFilters
        screen.reservedKeys = reviewBoundCharacters
        let hooks = composerHooks
        screen.editText = { [terminal] draft, context in
            var outcome: Result<String, any Error> = .success(draft)
            terminal.suspend {
                outcome = Result {
                    try EditorHandoff.edit(
                        draft: draft, context: context, directory: hooks.temporaryDirectory,
                        environment: hooks.environment)
                }
            }
            return outcome
        }
        screen.onReport = { [weak self] report in
            guard let self else { return }
            switch report {
            case .message(let text):
                if status.lastError != nil, status.lastError == review.lastError { status.lastError = nil }
                status.message = text
            case .error(let text):
                status.lastError = text
                review.lastError = text
            case .pendingCount(let count): status.pendingReviews = count
            case .offline(let text, let storedCount):
                status.connection = .offline
                status.message = text
                if status.pendingReviews == nil { status.pendingReviews = storedCount }
            }
        }
        overlays.append(screen)
        screen.reload()
    }

    /// Opens a topic at a post in a reader over the current screen; `q` comes back.
    func openPost(topicID: Int, postNumber: Int) {
        guard let source = readerSource else {
            status.message = "reading topics is not wired into this build yet"
            return
        }
        let placeholder = ReaderTopic(
            id: topicID, title: "Topic \(topicID)", categoryName: nil, categoryColor: nil, postCount: 0,
            initialPosts: [])
        let loading = ReaderScreen(topic: placeholder, renderer: renderer)
        loading.loadingMessage = "Loading…"
        overlays.append(loading)
        runner.run {
            try await source.topic(id: topicID)
        } then: { [weak self] result in
            guard let self, let index = overlays.lastIndex(where: { $0 === loading }) else { return }
            switch result {
            case .success(let topic):
                let ready = ReaderScreen(topic: topic, renderer: renderer)
                ready.onNeedPosts = { [weak self, weak ready] range in
                    guard let self, let ready else { return }
                    loadPosts(range, into: ready)
                }
                overlays[index] = ready
                _ = ready.goto(postNumber: postNumber)
            case .failure(let error):
                loading.loadingMessage = "Could not open this topic: " + Self.message(for: error)
                report(error)
            }
        }
    }
}
