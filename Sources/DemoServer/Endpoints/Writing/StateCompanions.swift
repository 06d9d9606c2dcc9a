// Objects that live beside one community state without being part of it: the message bus,
// pending device authorisations, moderation switches. They hold what real Discourse keeps in
// Redis (ephemeral, never persisted), and they must be shared by every request of one server
// while two servers in the same test process stay apart. `DemoContext` carries only the
// state, so each kind of companion is found through the state it belongs to.
import DemoCommunity
import Foundation

/// One companion of type `Value` per `CommunityState`, made on first use and dropped once
/// its state is gone (tests start many servers in one process).
final class StateCompanions<Value: AnyObject & Sendable>: @unchecked Sendable {
    private struct Entry {
        weak var owner: CommunityState?
        let value: Value
    }

    private let lock = NSLock()
    private var entries: [ObjectIdentifier: Entry] = [:]
    private let make: @Sendable () -> Value

    init(make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    /// The companion of `state`. An entry whose state died is replaced, so a new state that
    /// reuses a dead one's address never inherits its companion.
    func of(_ state: CommunityState) -> Value {
        lock.lock()
        defer { lock.unlock() }
        let key = ObjectIdentifier(state)
        if let entry = entries[key], entry.owner === state { return entry.value }
        entries = entries.filter { $0.value.owner != nil }
        let value = make()
        entries[key] = Entry(owner: state, value: value)
        return value
    }
}
