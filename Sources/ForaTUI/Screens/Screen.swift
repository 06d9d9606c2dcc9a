import ForaCore

/// What a screen asks the app to do after an operation.
public enum ScreenAction: Equatable {
    case none
    /// Close this screen (on the last one: quit).
    case back
    /// Close this overlay and say why in the status bar (a cancelled confirmation).
    case backWith(String)
    case quit
    case openTopic(Topic)
    case showLinks([String])
    case openURL(String)
    case copy(String)
    /// A passing note for the status bar.
    case message(String)
    /// Open the composer (or add to the open one): a reply, a quote, a new topic.
    case compose(ComposeRequest)
    /// The screen does not do this operation here.
    case unhandled
    /// Put `screen` over this one (a confirmation, a form, a detail view).
    case present(PresentedScreen)
    /// Replace the top overlay (this screen) with another.
    case replace(PresentedScreen)
    /// Open a topic in the reader at a post.
    case openPost(topicID: Int, postNumber: Int)
}

/// One screen on the app's stack. Screens are drawn into a region (`RegionTerminal`) and
/// never know where on the terminal they are.
@MainActor
public protocol Screen: AnyObject {
    /// Which `[keys.*]` table applies.
    var context: KeyContext { get }
    /// The status-line hints, as groups of operations sharing one label ("j/k move").
    var hintGroups: [[OperationID]] { get }
    /// Where the user is ("post 3/120"), for the status bar.
    var position: String? { get }
    func draw(on terminal: any Terminal, focused: Bool)
    /// Where the focus is after the last `draw`, in the screen's region (nil: the first row).
    /// Every screen answers, so the terminal's cursor is always on what the user works on.
    var cursorPosition: FocusCursor? { get }
    func perform(_ operation: OperationID, count: Int?) -> ScreenAction
    /// Searches for `query` from the current position; false when nothing matched.
    func search(_ query: String, forward: Bool) -> Bool
    /// Screens that take text (the composer) see each key before the keymap; `bound` says
    /// whether the screen's own context binds it. True when the screen used the key.
    func takeInput(_ event: InputEvent, bound: Bool) -> Bool
}

extension Screen {
    public var position: String? { nil }
    public func search(_ query: String, forward: Bool) -> Bool { false }
    public func takeInput(_ event: InputEvent, bound: Bool) -> Bool { false }
}

/// The status-line hints, generated from the keymap so remapped keys show as remapped.
public enum KeyHints {
    public static func text(for groups: [[OperationID]], context: KeyContext, keymap: Keymap) -> String {
        groups.compactMap { group -> String? in
            let keys = group.compactMap { keymap.keys(for: $0, in: context).first.map(KeyName.name) }
            guard let first = group.first, !keys.isEmpty, let label = OperationTable.operation(first)?.hint else {
                return nil
            }
            return keys.joined(separator: "/") + " " + label
        }.joined(separator: "  ")
    }
}
