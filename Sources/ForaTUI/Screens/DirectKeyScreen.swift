/// A screen that takes some keys before the keymap does: keys that come from data, such as
/// the review queue's per-item action keys, or every key, such as a form or a confirmation.
@MainActor
public protocol DirectKeyScreen: Screen {
    /// The action for `event`, or nil to let the keymap dispatch it as usual.
    func handleDirect(_ event: InputEvent) -> ScreenAction?
    /// Hints for those keys, shown before the keymap's ("a agree  d disagree").
    var directHints: String { get }
    /// Extra lines for the `?` screen (the current keys and the unavailable ones).
    var helpLines: [String] { get }
    /// Whether `event` is one of the screen's own action keys, which take no count: a count
    /// typed before one is refused rather than dropped silently or read as part of the action.
    func ownsKey(_ event: InputEvent) -> Bool
}

extension DirectKeyScreen {
    public var directHints: String { "" }
    public var helpLines: [String] { [] }
    public func ownsKey(_ event: InputEvent) -> Bool { false }
}

/// A screen carried by a `ScreenAction`, equal by identity.
public struct PresentedScreen: Equatable {
    public let screen: any Screen

    public init(_ screen: any Screen) { self.screen = screen }

    public static func == (lhs: PresentedScreen, rhs: PresentedScreen) -> Bool { lhs.screen === rhs.screen }
}
