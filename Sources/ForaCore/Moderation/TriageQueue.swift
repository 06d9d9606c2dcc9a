/// The review queue as the moderator works through it: acting on an item moves straight to
/// the next one while the request runs; a failure puts the item back where it was and says
/// why; a conflict (someone else acted, or a stale version) marks it for a refresh.
public struct TriageQueue<Item: Identifiable & Sendable>: Sendable where Item.ID: Sendable & Hashable {
    public enum Outcome: Equatable, Sendable {
        case done
        case failed(String)
        /// 409: the item changed on the server; it is refreshed and shown again.
        case conflict(String)
    }

    public private(set) var items: [Item]
    /// Index into `visible` of the selected item.
    public private(set) var cursor = 0
    /// Items with a request in flight, hidden from the list until it answers.
    public private(set) var inFlight: [Item.ID: (item: Item, index: Int)] = [:]
    /// Items marked for a bulk action.
    public private(set) var marked: Set<Item.ID> = []
    /// Items that must be refetched before anyone acts on them again.
    public private(set) var stale: Set<Item.ID> = []
    /// The last thing to tell the moderator (shown in the status bar).
    public private(set) var message: String?
    /// The focused item a single action was begun on: if it comes back (a failure, or one more
    /// action needed) the focus returns to it, unless the moderator has moved since.
    private var returnFocusTo: Item.ID?

    public init(_ items: [Item]) { self.items = items }

    /// What the list shows: everything not waiting for an answer.
    public var visible: [Item] { items.filter { inFlight[$0.id] == nil } }
    public var selected: Item? { visible.indices.contains(cursor) ? visible[cursor] : nil }

    public mutating func move(by delta: Int) {
        cursor = min(max(0, cursor + delta), max(0, visible.count - 1))
        returnFocusTo = nil
    }

    public mutating func toggleMark() {
        guard let id = selected?.id else { return }
        if marked.remove(id) == nil { marked.insert(id) }
        move(by: 1)
    }

    /// The marked items, or the selected one when none is marked.
    public var targets: [Item] {
        let chosen = visible.filter { marked.contains($0.id) }
        return chosen.isEmpty ? (selected.map { [$0] } ?? []) : chosen
    }

    /// Takes `targets` out of the list while their requests run; the cursor stays on the
    /// next item, so the moderator goes on at once.
    public mutating func begin(_ targets: [Item]) {
        returnFocusTo = targets.count == 1 && targets.first?.id == selected?.id ? selected?.id : nil
        keepingSelection { queue in
            for target in targets {
                guard let index = queue.items.firstIndex(where: { $0.id == target.id }) else { continue }
                queue.inFlight[target.id] = (target, index)
                queue.marked.remove(target.id)
            }
        }
        message = nil
    }

    /// Runs `change` and puts the cursor back on the item it was on; when that item has left
    /// the list, on the first item after it that is still there (else the last). A bulk action
    /// on marked items elsewhere, or a failure putting an item back above, must never move the
    /// focus onto someone else's post: the next single key would act on it.
    private mutating func keepingSelection(_ change: (inout Self) -> Void) {
        let before = visible
        let position = before.indices.contains(cursor) ? cursor : nil
        change(&self)
        let now = visible
        if let position {
            for candidate in before[position...] {
                if let index = now.firstIndex(where: { $0.id == candidate.id }) {
                    cursor = index
                    return
                }
            }
        }
        cursor = min(cursor, max(0, now.count - 1))
    }

    /// Applies the server's answer for one item.
    public mutating func finish(_ id: Item.ID, _ outcome: Outcome) {
        guard inFlight[id] != nil else { return }
        keepingSelection { queue in
            queue.inFlight.removeValue(forKey: id)
            switch outcome {
            case .done:
                queue.items.removeAll { $0.id == id }
            case .failed(let reason):
                queue.message = reason
            case .conflict(let reason):
                queue.stale.insert(id)
                queue.message = reason
            }
        }
        if returnFocusTo == id {
            returnFocusTo = nil
            if outcome != .done { select(id) }
        }
    }

    /// Replaces an item with its refetched version (after a conflict or a live update).
    public mutating func refresh(_ item: Item) {
        if let index = items.firstIndex(where: { $0.id == item.id }) {
            items[index] = item
        } else {
            items.append(item)
        }
        stale.remove(item.id)
    }

    /// Takes a fresh copy of the list (a poll or a filter change): marks and the selection
    /// stay on items still there, and items with a request in flight stay hidden until it
    /// answers, so a failure can still put them back.
    public mutating func reload(_ fresh: [Item]) {
        let selectedID = selected?.id
        items = fresh
        for (id, entry) in inFlight.sorted(by: { $0.value.index < $1.value.index })
        where !items.contains(where: { $0.id == id }) {
            items.insert(entry.item, at: min(entry.index, items.count))
        }
        let ids = Set(items.map(\.id))
        marked.formIntersection(ids)
        stale.subtract(fresh.map(\.id))
        if let selectedID, let index = visible.firstIndex(where: { $0.id == selectedID }) {
            cursor = index
        } else {
            cursor = min(cursor, max(0, visible.count - 1))
        }
    }

    /// Drops an item someone else already handled.
    public mutating func remove(_ id: Item.ID) {
        keepingSelection { queue in
            queue.items.removeAll { $0.id == id }
            queue.marked.remove(id)
            queue.stale.remove(id)
        }
    }

    /// Puts the cursor on `id` when it is visible.
    public mutating func select(_ id: Item.ID) {
        if let index = visible.firstIndex(where: { $0.id == id }) { cursor = index }
    }

    public mutating func dismissMessage() { message = nil }
}

/// What a bulk action will do, listed for the single confirmation.
public struct BulkActionPlan: Equatable, Sendable {
    public let actionID: String
    /// Items offering the action, by id.
    public let applicable: [Int]
    /// Items that do not offer it (a different type, or already handled): left alone.
    public let skipped: [Int]
    public let destructive: Bool

    /// - Parameter offers: for each item id, the action ids it offers.
    public init(actionID: String, items: [Int], offers: [Int: [String]], destructive: Bool) {
        self.actionID = actionID
        applicable = items.filter { offers[$0]?.contains(actionID) == true }
        skipped = items.filter { offers[$0]?.contains(actionID) != true }
        self.destructive = destructive
    }

    /// Bulk actions always confirm; this is the text of that confirmation.
    public var confirmation: String {
        var text = "\(actionID.replacingOccurrences(of: "_", with: " ")) on \(applicable.count) item"
        if applicable.count != 1 { text += "s" }
        if !skipped.isEmpty { text += " (\(skipped.count) skipped: they do not offer it)" }
        if destructive { text += ". This cannot be undone" }
        return text + "?"
    }
}
