/// One action a reviewable offers, as the server describes it (`actions[]` of `/review.json`).
/// Nothing is hard-coded per server version: the labels, confirmations and bundles come from
/// the payload; only the key letters and the "is this destructive" reading are ours.
public struct TriageAction: Equatable, Sendable {
    public var id: String
    public var label: String
    public var confirmMessage: String?
    /// The server asks for a confirmation dialog that warns of destruction.
    public var confirmDestructive: Bool
    /// `edit`, `suspend`, `silence`, `scrub`: the web UI opens a form first (reason, duration).
    public var clientAction: String?
    public var requiresRejectReason: Bool

    public init(
        id: String, label: String? = nil, confirmMessage: String? = nil, confirmDestructive: Bool = false,
        clientAction: String? = nil, requiresRejectReason: Bool = false
    ) {
        self.id = id
        self.label = label ?? id.replacingOccurrences(of: "_", with: " ")
        self.confirmMessage = confirmMessage
        self.confirmDestructive = confirmDestructive
        self.clientAction = clientAction
        self.requiresRejectReason = requiresRejectReason
    }

    /// Deleting content or a user, suspending, silencing, disagreeing and rejecting always ask
    /// first, whatever the server's flags say.
    public var isDestructive: Bool {
        confirmDestructive || clientAction == "suspend" || clientAction == "silence"
            || ["delete", "suspend", "silence", "block"].contains { id.contains($0) }
            || ReviewActionKind(actionID: id)?.isIrreversible == true
    }

    /// The action needs a form (reason and duration) before it can be performed.
    public var needsForm: Bool { clientAction == "suspend" || clientAction == "silence" || requiresRejectReason }
}

/// A bundle of alternatives (`bundled_actions[]`): "agree…", "ignore…" in the older UI, or
/// "post actions" and "user actions" in the 2025 one, where an item is finished only after one
/// action of every bundle has been performed.
public struct TriageBundle: Equatable, Sendable {
    public var id: String
    public var label: String
    public var actions: [TriageAction]

    public init(id: String, label: String?, actions: [TriageAction]) {
        self.id = id
        self.label = label ?? id
        self.actions = actions
    }
}

/// The actions of one reviewable, with a single key each.
public struct TriageActionKeys: Equatable, Sendable {
    public private(set) var keyed: [(key: Character, action: TriageAction)] = []

    public static func == (lhs: TriageActionKeys, rhs: TriageActionKeys) -> Bool {
        lhs.keyed.map(\.key) == rhs.keyed.map(\.key) && lhs.keyed.map(\.action) == rhs.keyed.map(\.action)
    }

    /// Keys the review screen keeps for itself (navigation, marking, claiming, help, quit).
    public static let reserved: Set<Character> = ["j", "k", "g", "G", "q", "?", " ", "x", "c", "u", "o", "r", "/", ":"]

    /// Gives each action the fixed key of its kind (`ReviewActionKind`), the same on every
    /// item. An action of a kind fora does not know, one whose key the keymap took for
    /// something else (`reserved`), or a second action of a kind already keyed gets none.
    public init(bundles: [TriageBundle], reserved: Set<Character> = TriageActionKeys.reserved) {
        var used = reserved
        for action in bundles.flatMap(\.actions) {
            guard let key = ReviewActionKind(actionID: action.id)?.key, !used.contains(key) else { continue }
            used.insert(key)
            keyed.append((key, action))
        }
    }

    public func action(for key: Character) -> TriageAction? { keyed.first { $0.key == key }?.action }

    /// The key hints, e.g. `a agree and hide  d disagree`.
    public var hints: String { keyed.map { "\($0.key) \($0.action.label.lowercased())" }.joined(separator: "  ") }
}

/// Which bundles of a reviewable still need an action before the server finalises it.
public struct TriageProgress: Equatable, Sendable {
    public let bundles: [TriageBundle]
    public private(set) var performed: [String: String] = [:]

    public init(bundles: [TriageBundle]) { self.bundles = bundles }

    public mutating func record(_ actionID: String) {
        guard let bundle = bundles.first(where: { $0.actions.contains { $0.id == actionID } }) else { return }
        performed[bundle.id] = actionID
    }

    /// Bundles with no action performed yet (the 2025 UI needs one from each).
    public var remaining: [TriageBundle] { bundles.filter { performed[$0.id] == nil } }
}
