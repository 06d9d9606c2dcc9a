import ForaCore
import Foundation

/// What the review screen tells the app, usually long after a key was pressed.
public enum ReviewReport: Equatable, Sendable {
    case message(String)
    case error(String)
    case pendingCount(Int)
    /// The site could not be reached: the queue shown is the one the last sync stored.
    case offline(String, storedCount: Int?)
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
    /// The filter of the last load: a selected item missing from a reload under the same
    /// filter was handled elsewhere, which the moderator is told.
    private var loadedFilter: ReviewFilter?
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
                let before = loadedFilter == filter ? queue.selected : nil
                loadedFilter = filter
                queue.reload(page.items)
                if let before, !queue.items.contains(where: { $0.id == before.id }) {
                    let now = queue.selected.map { "; now on " + target($0) } ?? ""
                    onReport?(.message("\(target(before)) left the queue (handled elsewhere)\(now)"))
                }
                loadingMessage = nil
                if page.isOffline {
                    // The stored count is the last sync's, not the site's: it stands only until
                    // the site has given one.
                    onReport?(.offline("offline: the review queue as last synced", storedCount: page.pendingCount))
                } else if let count = page.pendingCount {
                    onReport?(.pendingCount(count))
                }
            case .failure(let error):
                let text = AppController.message(for: error)
                if queue.items.isEmpty { loadingMessage = "Could not load the review queue: " + text }
                onReport?(.error(text))
            }
        }
    }

    /// Refetches one item (after a conflict, a claim or a partial action). After an action that
    /// did not go through, says who handled the item and how when someone else did (a conflict,
    /// not a permission problem), else why it failed (`failure`, nil for a 409).
    func refreshItem(_ id: Int, then note: String? = nil, action: TriageAction? = nil, failure: String? = nil) {
        let source = self.source
        let known = queue.items.first { $0.id == id }
        runner.run {
            try await source.detail(id: id)
        } then: { [weak self] result in
            guard let self else { return }
            let name = target(known ?? ReviewItem(id: id))
            let mine = action.map { " Your \($0.label.lowercased()) was not done." } ?? ""
            switch result {
            case .success(let item):
                if item.status != .pending {
                    let who = item.reviewedBy.map { "@" + $0 } ?? "someone else"
                    if filter.status == .pending { queue.remove(id) } else { queue.refresh(item) }
                    let left = filter.status == .pending ? "; it left the queue" : ""
                    onReport?(.error("conflict: \(who) already \(item.status.name) \(name)\(left).\(mine)"))
                } else {
                    queue.refresh(item)
                    if let failure, let action {
                        onReport?(.error("\(name) is back: \(action.label.lowercased()) failed: \(failure)"))
                    } else if action != nil {
                        onReport?(
                            .error("conflict: \(name) changed on the server (edited or re-flagged); refreshed.\(mine)"))
                    } else if let note {
                        onReport?(.message(note))
                    }
                }
            case .failure(let error):
                let text = AppController.message(for: error)
                if let failure, let action {
                    onReport?(.error("\(name) is back: \(action.label.lowercased()) failed: \(failure)"))
                } else {
                    onReport?(.error("\(name): " + text))
                }
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

    /// The action keys of an item: each action's fixed key by its kind (`ReviewActionKind`),
    /// so a key means the same on every item and after every refresh.
    public func keys(for item: ReviewItem) -> [(key: Character, action: TriageAction)] {
        TriageActionKeys(bundles: item.bundles, reserved: reservedKeys).keyed
    }

    func unavailableReason(_ action: TriageAction) -> String? {
        ReviewPermissions.operation(for: action).unavailableReason(for: viewer.permissions)
            ?? ModerationOperation.reviewAct.unavailableReason(for: viewer.permissions)
    }

    /// Whether `event` is one of the fixed review action keys (whether or not the selected
    /// item offers it), so the app can refuse a count typed before it.
    public func ownsKey(_ event: InputEvent) -> Bool {
        guard case .character(let key) = event else { return false }
        return ReviewActionKind.allKeys.contains(key) && !reservedKeys.contains(key)
    }

    /// An action key: on the marked items when some are marked (a bulk action, confirmed),
    /// else on the selected item. A key the target does not offer is refused with the reason.
    public func handleDirect(_ event: InputEvent) -> ScreenAction? {
        guard ownsKey(event), case .character(let key) = event else { return nil }
        let kind = ReviewActionKind.allCases.first { $0.key == key }
        let name = "\(key) (\(kind?.summary ?? "review action"))"
        let markedItems = queue.visible.filter { queue.marked.contains($0.id) }
        if !markedItems.isEmpty {
            guard let action = markedItems.lazy.compactMap({ self.keys(for: $0).first { $0.key == key }?.action }).first
            else {
                return .message("\(name): none of the \(markedItems.count) marked items offers it; nothing done")
            }
            if let reason = unavailableReason(action) { return .message("\(action.label): \(reason)") }
            return act(action)
        }
        guard let item = queue.selected else { return .message("nothing selected: nothing done") }
        guard let action = keys(for: item).first(where: { $0.key == key })?.action else {
            let offered = keys(for: item).map { "\($0.key) \($0.action.label.lowercased())" }.joined(separator: ", ")
            let offers = offered.isEmpty ? "it offers no action now" : "it offers " + offered
            return .message("\(name) is not offered on \(target(item)); \(offers). Nothing done")
        }
        if let reason = unavailableReason(action) { return .message("\(action.label): \(reason)") }
        return act(action)
    }

    public var directHints: String {
        if !queue.marked.isEmpty {
            return "\(queue.marked.count) marked: keys act on them"
        }
        guard let item = queue.selected else { return "" }
        return keys(for: item).filter { unavailableReason($0.action) == nil }
            .map { "\($0.key) \($0.action.label.lowercased())" }.joined(separator: "  ")
    }

    public var helpLines: [String] {
        var lines: [String] = []
        if let item = queue.selected {
            lines.append("Actions of review item #\(item.id) (\(target(item)))")
            for bundle in item.bundles {
                lines.append("  " + bundle.label)
                for action in bundle.actions {
                    let key = keys(for: item).first { $0.action.id == action.id }.map { String($0.key) } ?? "-"
                    let note = unavailableReason(action).map { "unavailable: " + $0 } ?? action.label
                    lines.append("    " + DisplayWidth.pad(key, to: 4) + DisplayWidth.pad(action.id, to: 26) + note)
                }
            }
        } else {
            lines.append("No item selected: no review actions.")
        }
        lines.append("Review action keys (the same on every item; capitals ask before they act)")
        for kind in ReviewActionKind.allCases {
            lines.append("    " + DisplayWidth.pad(String(kind.key), to: 4) + kind.summary)
        }
        lines.append("Digits are counts (3j moves three items); they never act.")
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
