/// What a key does, named so key tables stay declarative.
public enum Operation: Sendable, Equatable {
    case moveUp, moveDown, pageUp, pageDown, first, last, refresh, quit
}

/// The answer to an input event.
public enum ScreenAction: Equatable {
    case none, quit
}

/// One screen on the app's stack.
@MainActor
public protocol Screen: AnyObject {
    func draw(on terminal: any Terminal)
    func handle(_ event: InputEvent) -> ScreenAction
}
