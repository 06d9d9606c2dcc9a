import ForaCore
import Foundation

/// What the review screen tells the app, usually long after a key was pressed.
public enum ReviewReport: Equatable, Sendable {
    case message(String)
    case error(String)
    case pendingCount(Int)
}

/// The moderator's review queue: two rows per reviewable, filters by status, type, category
/// and priority, one key per action from each item's payload, marking for bulk actions.
/// Acting hides the item and moves on at once (`TriageQueue`); answers come back later.
@MainActor
public final class ReviewQueueScreen: DirectKeyScreen {
    public let context = KeyContext.review
    public let hintGroups: [[OperationID]] = [
        [.moveDown, .moveUp], [.open], [.mark], [.claim], [.filterStatus], [.back],
    ]
    public internal(set) var queue = TriageQueue<ReviewItem>([])
    public internal(set) var filter: ReviewFilter
    public internal(set) var loadingMessage: String? = "Loading the review queue…"
    public var categories: [Int: ForaCore.Category] = [:]
    public var savedFilters: [(name: String, filter: ReviewFilter)] = []
    var savedIndex: Int?
    let source: any ReviewDataSource
    let runner: any BackgroundRunner
    public let viewer: ReviewViewer
    var now: () -> Date = { Date() }
    /// Messages, errors and the pending count, for the status bar.
    public var onReport: ((ReviewReport) -> Void)?
    var scrollTop = 0
    private var generation = 0
    private var keyCache: [Int: TriageActionKeys] = [:]
    /// Keys action keys must not take: the defaults plus whatever the keymap binds here.
    public var reservedKeys = TriageActionKeys.reserved
    /// Hands a post's markdown to `$VISUAL`/`$EDITOR` (curses suspended) and returns what was
    /// saved, or nil when the editor failed; the app sets it. Without it, edit actions run as
    /// the server defines them, with no edit.
    public var editText: (@MainActor (_ draft: String, _ context: String) -> Result<String, any Error>)?

    public init(
        source: any ReviewDataSource, runner: any BackgroundRunner, viewer: ReviewViewer,
        filter: ReviewFilter = ReviewFilter()
    ) {
        self.source = source
        self.runner = runner
        self.viewer = viewer
        self.filter = filter
    }

    public var selected: ReviewItem? { queue.selected }
    public var marked: Set<Int> { queue.marked }

    public var position: String? {
        let visible = queue.visible.count
        return visible == 0 ? nil : "item \(queue.cursor + 1)/\(visible)"
    }

    // MARK: Loading

    /// Fetches the queue under the current filter; the list keeps its place.
    public func reload() {
        generation += 1
        let expected = generation
        let source = self.source
        let filter = self.filter
        runner.run {
            try await source.list(filter)
        } then: { [weak self] result in
            guard let self, expected == self.generation else { return }
            switch result {
            case .success(let page):
                queue.reload(page.items)
                loadingMessage = nil
                if let count = page.pendingCount { onReport?(.pendingCount(count)) }
                if page.isOffline { onReport?(.message("offline: the review queue as last synced")) }
            case .failure(let error):
                let text = AppController.message(for: error)
                if queue.items.isEmpty { loadingMessage = "Could not load the review queue: " + text }
                onReport?(.error(text))
            }
        }
    }

    /// Refetches one item (after a conflict, a claim or a partial action).
    func refreshItem(_ id: Int, then note: String? = nil) {
        let source = self.source
        runner.run {
            try await source.detail(id: id)
        } then: { [weak self] result in
            guard let self else { return }
            switch result {
            case .success(let item):
                if item.status != .pending, filter.status == .pending {
                    queue.remove(id)
                    let who = item.reviewedBy.map { " by @" + $0 } ?? ""
                    onReport?(.error("#\(id) was already \(item.status.name)\(who); it left the queue"))
                } else {
                    queue.refresh(item)
                    if let note { onReport?(.message(note)) }
                }
            case .failure(let error): onReport?(.error("#\(id): " + AppController.message(for: error)))
            }
        }
    }

    /// Fetches how the item's score adds up and hands it to the open detail view.
    func explain(_ id: Int, into detail: ReviewDetailScreen) {
        let source = self.source
        runner.run {
            try await source.explain(id: id)
        } then: { [weak detail] result in
            detail?.show(result.mapError { ReviewExplanationFailure(AppController.message(for: $0)) })
        }
    }

    // MARK: Keys

    /// The action keys of an item, assigned from the first payload seen for it, so an action
    /// keeps its key when a partial action (the 2025 bundles) leaves fewer on offer.
    public func keys(for item: ReviewItem) -> [(key: Character, action: TriageAction)] {
        let offered = Set(item.actionIDs)
        if let known = keyCache[item.id], offered.isSubset(of: Set(known.keyed.map(\.action.id))) {
            return known.keyed.filter { offered.contains($0.action.id) }
        }
        let fresh = TriageActionKeys(bundles: item.bundles, reserved: reservedKeys)
        keyCache[item.id] = fresh
        return fresh.keyed
    }

    func unavailableReason(_ action: TriageAction) -> String? {
        ReviewPermissions.operation(for: action).unavailableReason(for: viewer.permissions)
            ?? ModerationOperation.reviewAct.unavailableReason(for: viewer.permissions)
    }

    /// An action key of the selected item, else of a marked one (a bulk action may name an
    /// action the selected item does not offer).
    public func handleDirect(_ event: InputEvent) -> ScreenAction? {
        guard case .character(let key) = event else { return nil }
        let candidates = (queue.selected.map { [$0] } ?? []) + queue.visible.filter { queue.marked.contains($0.id) }
        guard let action = candidates.lazy.compactMap({ self.keys(for: $0).first { $0.key == key }?.action }).first
        else { return nil }
        if let reason = unavailableReason(action) { return .message("\(action.label): \(reason)") }
        return act(action)
    }

    public var directHints: String {
        guard let item = queue.selected else { return "" }
        return keys(for: item).filter { unavailableReason($0.action) == nil }
            .map { "\($0.key) \($0.action.label.lowercased())" }.joined(separator: "  ")
    }

    public var helpLines: [String] {
        guard let item = queue.selected else { return ["No item selected: no review actions."] }
        var lines = ["Actions of review item #\(item.id) (from the server's payload)"]
        for bundle in item.bundles {
            lines.append("  " + bundle.label)
            for action in bundle.actions {
                let key = keys(for: item).first { $0.action.id == action.id }.map { String($0.key) } ?? "-"
                let note = unavailableReason(action).map { "unavailable: " + $0 } ?? action.label
                lines.append("    " + DisplayWidth.pad(key, to: 4) + DisplayWidth.pad(action.id, to: 26) + note)
            }
        }
        return lines
    }

    public func perform(_ operation: OperationID, count: Int?) -> ScreenAction {
        let n = count ?? 1
        switch operation {
        case .moveDown: queue.move(by: n)
        case .moveUp: queue.move(by: -n)
        case .pageDown, .halfPageDown: queue.move(by: 5 * n)
        case .pageUp, .halfPageUp: queue.move(by: -5 * n)
        case .first: queue.move(by: -queue.items.count)
        case .last: queue.move(by: queue.items.count)
        case .mark: queue.toggleMark()
        case .open:
            guard let item = queue.selected else { return .message("nothing selected") }
            let detail = ReviewDetailScreen(item: item, now: now(), queue: self)
            explain(item.id, into: detail)
            return .present(PresentedScreen(detail))
        case .openPost:
            guard let item = queue.selected, let topic = item.topicID else { return .message("no post to open") }
            return .openPost(topicID: topic, postNumber: item.postNumber ?? 1)
        case .claim: return claim(true)
        case .unclaim: return claim(false)
        case .refresh:
            reload()
            return .message("refreshing the review queue")
        case .filterStatus, .filterType, .filterCategory, .filterPriority, .sortOrder, .savedFilter:
            return changeFilter(operation)
        case .back: return .back
        default: return .unhandled
        }
        return .none
    }
}
