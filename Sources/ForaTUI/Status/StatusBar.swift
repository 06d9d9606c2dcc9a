import ForaCore

/// Draws the one-row status bar: facts on the left (site, connection, outbox, rate limit,
/// unread, position), then the error or message, then the key hints as far as they fit.
public enum StatusBar {
    public static func facts(_ model: StatusModel) -> String {
        var parts = [model.site, model.connection.label]
        if model.pendingOutbox > 0 { parts.append("\(model.pendingOutbox) pending") }
        if model.failedOutbox > 0 { parts.append("\(model.failedOutbox) failed to send") }
        if let wait = model.rateLimitWait { parts.append("rate limited, \(wait)s") }
        if let wait = model.networkWait { parts.append(wait) }
        if model.unreadTopics > 0 { parts.append("\(model.unreadTopics) unread") }
        if let reviews = model.pendingReviews, reviews > 0 { parts.append("\(reviews) to review") }
        if let notes = model.unreadNotifications, notes > 0 {
            parts.append(notes == 1 ? "1 notification" : "\(notes) notifications")
        }
        if let position = model.position { parts.append(position) }
        return parts.joined(separator: " · ")
    }

    public static func draw(_ model: StatusModel, hints: String, on terminal: any Terminal, row: Int) {
        let width = terminal.size.columns
        terminal.draw(String(repeating: " ", count: width), row: row, column: 0, style: .status)
        let left = DisplayWidth.truncate(facts(model), to: width)
        terminal.draw(left, row: row, column: 0, style: .status)
        var column = DisplayWidth.of(left) + 2
        if let error = model.lastError {
            let text = DisplayWidth.truncate("✗ " + error + " (x dismisses)", to: max(0, width - column))
            terminal.draw(text, row: row, column: column, style: .ui(.statusError))
            column += DisplayWidth.of(text) + 2
        } else if let message = model.message {
            let text = DisplayWidth.truncate(message, to: max(0, width - column))
            terminal.draw(text, row: row, column: column, style: .ui(.notice))
            column += DisplayWidth.of(text) + 2
        }
        let room = width - column
        guard room > 4 else { return }
        // Hints are right-aligned and cut at a hint boundary, never mid-word.
        var shown = ""
        for hint in hints.components(separatedBy: "  ") {
            let next = shown.isEmpty ? hint : shown + "  " + hint
            if DisplayWidth.of(next) > room { break }
            shown = next
        }
        terminal.draw(shown, row: row, column: width - DisplayWidth.of(shown), style: .ui(.keyHint))
    }
}
