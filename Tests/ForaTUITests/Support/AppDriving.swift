import XCTest

@testable import ForaTUI

/// Keys into an `AppController` as the input loop delivers them, with the test's runner doing
/// the background work they start. A test class conforms (it owns `runner`) instead of declaring
/// its own copy of these helpers.
protocol AppDriving {
    var runner: TestRunner { get }
    /// Draw after every key, before its work settles: for tests where what a key does depends
    /// on the screen having been drawn (the reader's windows, the composer's layout).
    var drawsEachKey: Bool { get }
}

extension AppDriving {
    var drawsEachKey: Bool { false }

    /// Keys in, background work settled after each, the screen drawn at the end.
    @MainActor
    func press(_ app: AppController, _ keys: InputEvent...) {
        for key in keys {
            app.handle(key)
            if drawsEachKey { app.draw() }
            runner.settle()
        }
        app.draw()
    }

    /// Typed text (a newline is Enter), then background work settled and the screen drawn.
    @MainActor
    func type(_ app: AppController, _ text: String) {
        for character in text { app.handle(character == "\n" ? .enter : .character(character)) }
        if drawsEachKey { app.draw() }
        runner.settle()
        app.draw()
    }
}
