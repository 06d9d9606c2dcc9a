import ForaCore
import ForaRender
import Foundation

/// Drawing: a header row (whom to, the length against the site's limits), the fields of a new
/// topic, the body soft-wrapped with the cursor in reverse video (and the terminal's own
/// cursor there), or the preview; the last row holds questions, completions and errors.
extension ComposerScreen {
    public func draw(on terminal: any Terminal, focused: Bool) {
        let (rows, columns) = terminal.size
        terminal.clear()
        insertionPoint = nil
        guard rows > 0, columns > 1 else { return }
        drawHeader(on: terminal, columns: columns)
        var row = 1
        if fields.count > 1 {
            for field in fields where field != .body && row < rows - 1 {
                drawField(field, on: terminal, row: row, columns: columns, focused: focused)
                row += 1
            }
        }
        bodyRows = max(1, rows - row - 1)
        if case .conflict(let theirs, let scroll) = mode {
            drawConflict(theirs: theirs, scroll: scroll, on: terminal, top: row, columns: columns)
        } else if showingPreview {
            drawPreview(on: terminal, top: row, columns: columns)
        } else {
            drawBody(on: terminal, top: row, columns: columns, focused: focused && field == .body)
        }
        drawFooter(on: terminal, row: rows - 1, columns: columns)
    }

    private func drawHeader(on terminal: any Terminal, columns: Int) {
        terminal.draw(String(repeating: " ", count: columns), row: 0, column: 0, style: .header)
        var left =
            (showingPreview ? "Preview · " : "") + target.summary.prefix(1).uppercased()
            + target.summary.dropFirst()
        if let title = target.topicTitle { left += " · " + title }
        let length = PostLength(characters: body.characters, minimum: minimumLength, maximum: hooks.maximumPostLength)
        let right = length.summary
        let room = max(0, columns - DisplayWidth.of(right) - 2)
        terminal.draw(DisplayWidth.truncate(left, to: room), row: 0, column: 0, style: .header)
        let style: TextStyle = length.verdict == .fine ? .header : .ui(.statusError)
        terminal.draw(right, row: 0, column: max(0, columns - DisplayWidth.of(right)), style: style)
    }

    private func drawField(_ field: Field, on terminal: any Terminal, row: Int, columns: Int, focused: Bool) {
        let label: String
        switch field {
        case .title: label = "Title:    "
        case .category: label = "Category: "
        case .tags: label = "Tags:     "
        case .body: return
        }
        terminal.draw(label, row: row, column: 0, style: .dim)
        let buffer = buffers[field] ?? EditBuffer()
        var note = ""
        if field == .category {
            let names = categories.map(\.name).joined(separator: ", ")
            if let category = resolvedCategory {
                let typed = buffer.text.trimmingCharacters(in: .whitespaces)
                note = category.name.lowercased() == typed.lowercased() ? "" : "  → \(category.name)"
            } else if !names.isEmpty {
                note = "  (\(names))"
            }
        }
        let width = max(1, columns - label.count - 1)
        let cursorOnScreen = focused && self.field == field && mode.isEditing && !showingPreview
        drawLine(
            buffer.characters, cursor: cursorOnScreen ? buffer.cursor : nil, on: terminal, row: row,
            column: label.count, width: width)
        let used = label.count + DisplayWidth.of(String(buffer.characters)) + 1
        if !note.isEmpty, used < columns {
            terminal.draw(DisplayWidth.truncate(note, to: columns - used), row: row, column: used, style: .dim)
        }
    }

    /// A one-line field, scrolled so the cursor shows.
    private func drawLine(
        _ characters: [Character], cursor: Int?, on terminal: any Terminal, row: Int, column: Int, width: Int
    ) {
        var start = 0
        let end = cursor ?? characters.count
        while start < end, DisplayWidth.of(String(characters[start..<end])) >= width { start += 1 }
        terminal.draw(
            RegionTerminal.clip(String(characters[start...]), to: width), row: row, column: column, style: .normal)
        guard let cursor else { return }
        let x = column + DisplayWidth.of(String(characters[start..<cursor]))
        drawCursor(cursor < characters.count ? characters[cursor] : " ", on: terminal, row: row, column: x)
    }

    private func drawCursor(_ cluster: Character, on terminal: any Terminal, row: Int, column: Int) {
        let shown: Character = cluster == "\n" ? " " : cluster
        terminal.draw(String(shown), row: row, column: column, style: .selected)
        insertionPoint = FocusCursor(row: row, column: column, takesText: true)
    }

    /// The insertion point of the field or body being typed in, else the footer's question.
    public var cursorPosition: FocusCursor? { insertionPoint ?? FocusCursor(row: 0) }

    /// The body, wrapped one column short of the pane so a cursor after a full row still fits.
    private func drawBody(on terminal: any Terminal, top: Int, columns: Int, focused: Bool) {
        let characters = body.characters
        wrapWidth = max(1, columns - 1)
        let (rows, cursor) = viewport.layout(characters, cursor: body.cursor, width: wrapWidth, rows: bodyRows)
        if characters.isEmpty {
            let hint = target.topicID == nil ? "Write the first post…" : "Write your reply…"
            terminal.draw(hint, row: top, column: 1, style: .dim)
        }
        for (index, row) in rows.enumerated() {
            terminal.draw(String(characters[row.start..<row.end]), row: top + index, column: 0, style: .normal)
        }
        guard focused, mode.isEditing else { return }
        let under = body.cursor < characters.count ? characters[body.cursor] : " "
        drawCursor(under, on: terminal, row: top + cursor.row, column: cursor.column)
    }

    private func drawPreview(on terminal: any Terminal, top: Int, columns: Int) {
        let document = renderer.render(MarkdownPreview.html(body.text), width: max(1, columns - 1))
        previewTop = max(0, min(previewTop, document.lines.count - 1))
        for (index, line) in document.lines.enumerated().dropFirst(previewTop).prefix(bodyRows) {
            var column = 0
            for run in line.runs {
                terminal.draw(run.text, row: top + index - previewTop, column: column, style: .role(run.role))
                column += DisplayWidth.of(run.text)
            }
        }
    }

    private func drawFooter(on terminal: any Terminal, row: Int, columns: Int) {
        guard row > 0 else { return }
        let text: String
        var style = TextStyle.dim
        switch mode {
        case .confirmingClose:
            text = terminal.presentation.linear ? Self.numberedCloseQuestion : Self.closeQuestion
            style = .accent
        case .conflict:
            text = terminal.presentation.linear ? Self.numberedConflictQuestion : Self.conflictQuestion
            style = .accent
        case .snippet(let prompt):
            text = prompt.line
            style = .ui(.commandLine)
        case .editing:
            let candidates = pendingMentionCandidates
            if let notice {
                text = notice
                style = notice.hasPrefix("not sent") || notice.hasPrefix("too ") ? .ui(.statusError) : .accent
            } else if !candidates.isEmpty {
                text = "Tab completes: " + candidates.map { "@" + $0 }.joined(separator: " ")
            } else {
                text = ""
            }
        }
        guard !text.isEmpty else { return }
        terminal.draw(String(repeating: " ", count: columns), row: row, column: 0, style: style)
        terminal.draw(DisplayWidth.truncate(text, to: columns), row: row, column: 0, style: style)
        // A question's answer (or a snippet's name) is typed on this line.
        let answer: String?
        switch mode {
        case .confirmingClose, .conflict: answer = text
        case .snippet(let prompt): answer = prompt.label + prompt.text
        case .editing: answer = nil
        }
        if let answer {
            insertionPoint = FocusCursor(row: row, column: min(DisplayWidth.of(answer), columns - 1), takesText: true)
        }
    }
}

extension ComposerScreen.Mode {
    var isEditing: Bool {
        if case .editing = self { return true }
        return false
    }
}
