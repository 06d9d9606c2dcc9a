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

    public init(_ items: [Item]) { self.items = items }

    /// What the list shows: everything not waiting for an answer.
    public var visible: [Item] { items.filter { inFlight[$0.id] == nil } }
    public var selected: Item? { visible.indices.contains(cursor) ? visible[cursor] : nil }

    public mutating func move(by delta: Int) {
        cursor = min(max(0, cursor + delta), max(0, visible.count - 1))
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
        for target in targets {
            guard let index = items.firstIndex(where: { $0.id == target.id }) else { continue }
            inFlight[target.id] = (target, index)
            marked.remove(target.id)
        }
        cursor = min(cursor, max(0, visible.count - 1))
        message = nil
    }

    /// Applies the server's answer for one item.
    public mutating func finish(_ id: Item.ID, _ outcome: Outcome) {
        guard inFlight.removeValue(forKey: id) != nil else { return }
        switch outcome {
        case .done:
            items.removeAll { $0.id == id }
        case .failed(let reason):
            message = reason
        case .conflict(let reason):
            stale.insert(id)
            message = reason
        }
        cursor = min(cursor, max(0, visible.count - 1))
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
        items.removeAll { $0.id == id }
        marked.remove(id)
        stale.remove(id)
        cursor = min(cursor, max(0, visible.count - 1))
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
