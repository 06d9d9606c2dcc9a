import ForaCore

/// Draws the one-row status bar: facts on the left (site, connection, outbox, rate limit,
/// unread, position), then the error or message, then the key hints as far as they fit.
public enum StatusBar {
    public static func facts(_ model: StatusModel) -> String {
        // The position first after the site: on a narrow terminal the facts are cut from the
        // end, and where you are matters more than the counts.
        var parts = [model.site]
        if let position = model.position { parts.append(position) }
        parts.append(model.connection.label)
        if model.pendingOutbox > 0 { parts.append("\(model.pendingOutbox) pending") }
        if model.failedOutbox > 0 { parts.append("\(model.failedOutbox) failed to send") }
        if let wait = model.rateLimitWait { parts.append("rate limited, \(wait)s") }
        if let wait = model.networkWait { parts.append(wait) }
        if model.unreadTopics > 0 { parts.append("\(model.unreadTopics) unread") }
        if let reviews = model.pendingReviews, reviews > 0 { parts.append("\(reviews) to review") }
        if let notes = model.unreadNotifications, notes > 0 {
            parts.append(notes == 1 ? "1 notification" : "\(notes) notifications")
        }
        return parts.joined(separator: " · ")
    }

    public static func draw(
        _ model: StatusModel, hints: String, on terminal: any Terminal, row: Int, dismissHint: String = "x dismisses"
    ) {
        let width = terminal.size.columns
        terminal.draw(String(repeating: " ", count: width), row: row, column: 0, style: .status)
        // The first hint is the most important one (the review queue's action keys): the facts
        // give way to it on a narrow terminal.
        let firstHint = hints.components(separatedBy: "  ").first ?? ""
        let keep = firstHint.isEmpty ? 0 : min(DisplayWidth.of(firstHint) + 2, width / 2)
        var text = facts(model)
        if DisplayWidth.of(text) > width - keep, let scheme = model.site.range(of: "://") {
            // Narrow: the site without its scheme before any count is cut.
            var shorter = model
            shorter.site = String(model.site[scheme.upperBound...])
            text = facts(shorter)
        }
        let left = DisplayWidth.truncate(text, to: max(1, width - keep))
        terminal.draw(left, row: row, column: 0, style: .status)
        var column = DisplayWidth.of(left) + 2
        if let error = model.lastError {
            let text = DisplayWidth.truncate("✗ " + error + " (\(dismissHint))", to: max(0, width - column))
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

    /// A message or error too long for the status row is also drawn whole, wrapped on the rows
    /// just above it (at most `maximumRows`), so nothing is read cut; nil when it fits.
    public static func overflow(
        _ model: StatusModel, width: Int, dismissHint: String, maximumRows: Int = 3
    ) -> (lines: [String], isError: Bool)? {
        let text: String
        let isError: Bool
        if let error = model.lastError {
            text = "✗ " + error + " (\(dismissHint))"
            isError = true
        } else if let message = model.message {
            text = message
            isError = false
        } else {
            return nil
        }
        let room = width - DisplayWidth.of(DisplayWidth.truncate(facts(model), to: width)) - 2
        guard DisplayWidth.of(text) > room else { return nil }
        var lines = TextWrap.lines(text, width: max(1, width))
        if lines.count > maximumRows {
            lines = Array(lines.prefix(maximumRows))
            lines[maximumRows - 1] = DisplayWidth.truncate(lines[maximumRows - 1] + " …", to: width)
        }
        return (lines, isError)
    }
}
