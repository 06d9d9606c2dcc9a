import Foundation
import XCTest

/// Driving the interface to a topic the way a user does, shared by the tmux suites.
extension TmuxSession {
    /// Finds `title` with `:filter` once the list is in and opens it with Enter.
    func openTopic(_ title: String) throws {
        try waitFor(" · 1/")  // the list is in
        let needle = String(title.prefix(24))
        try send(":filter " + needle, "Enter")
        try waitFor("filter \"\(needle)\"")
        try waitFor(" · 1/")
        try send("Enter")
        try waitForReader(of: title)
    }

    /// The reader's first row is the topic's title.
    func waitForReader(of title: String) throws {
        let prefix = String(title.prefix(30))
        try waitUntil("the reader of \(prefix)") { $0.split(separator: "\n").first?.hasPrefix(prefix) == true }
    }
}

/// Polls `value` until it is not nil (or fails after `timeout`).
func eventually<T>(
    _ description: String, timeout: TimeInterval = 30, file: StaticString = #filePath, line: UInt = #line,
    _ value: () throws -> T?
) throws -> T {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if let found = try value() { return found }
        usleep(200_000)
    }
    return try XCTUnwrap(try value(), "timed out waiting for \(description)", file: file, line: line)
}
