import ForaCore
import Foundation

/// Editing: the readline keys on the focused field's buffer, fields, mentions, snippets,
/// quotes and the external editor.
extension ComposerScreen {
    /// Text typed or pasted at the cursor; single-line fields drop newlines.
    public func insertText(_ text: String) {
        showingPreview = false
        mentionCycle = nil
        goalColumn = nil
        // A tab has no width of its own on the grid: pasted tabs become spaces.
        let spaced = text.replacingOccurrences(of: "\t", with: "    ")
        buffer.insert(field == .body ? spaced : spaced.replacingOccurrences(of: "\n", with: " "))
        noteEdit()
    }

    /// Runs an editing or motion operation `count` times; false when it is not one.
    func edit(_ operation: OperationID, count: Int) -> Bool {
        for _ in 0..<count {
            switch operation {
            case .backwardChar: buffer.moveLeft()
            case .forwardChar: buffer.moveRight()
            case .backwardWord: buffer.moveWordLeft()
            case .forwardWord: buffer.moveWordRight()
            case .lineStart: buffer.moveToLineStart()
            case .lineEnd: buffer.moveToLineEnd()
            case .previousLine: moveVertically(by: -1)
            case .nextLine: moveVertically(by: 1)
            case .screenUp: moveVertically(by: -max(1, bodyRows - 1))
            case .screenDown: moveVertically(by: max(1, bodyRows - 1))
            case .backwardParagraph: buffer.moveParagraphUp()
            case .forwardParagraph: buffer.moveParagraphDown()
            case .textStart: buffer.moveToStart()
            case .textEnd: buffer.moveToEnd()
            case .deleteBackward: buffer.deleteBackward()
            case .deleteForward: buffer.deleteForward()
            case .killLine: buffer.killToLineEnd()
            case .killLineStart: buffer.killToLineStart()
            case .killWord: buffer.killWordBackward()
            case .yank: buffer.yank()
            case .undo: buffer.undo()
            case .redo: buffer.redo()
            default: return false
            }
        }
        if Self.changesText.contains(operation) { noteEdit() }
        return true
    }

    /// The operations that may change the text (the rest only move the cursor).
    static let changesText: Set<OperationID> = [
        .deleteBackward, .deleteForward, .killLine, .killLineStart, .killWord, .yank, .undo, .redo,
    ]

    /// Up and Down move by screen row in the body; in the one-line fields, between fields.
    private func moveVertically(by rows: Int) {
        guard field == .body else {
            let order = fields
            guard let index = order.firstIndex(of: field) else { return }
            field = order[min(max(0, index + rows), order.count - 1)]
            return
        }
        let moved = BodyViewport.move(
            buffer.characters, cursor: buffer.cursor, by: rows, column: goalColumn, width: wrapWidth)
        goalColumn = moved.column
        buffer.moveCursor(to: moved.offset)
    }

    func moveToNextField() {
        let order = fields
        guard let index = order.firstIndex(of: field) else { return }
        if field == .category, let category = resolvedCategory {
            buffers[.category] = EditBuffer(category.name)
        }
        field = order[(index + 1) % order.count]
    }

    // MARK: Mentions

    /// Tab: completes the @mention before the cursor from the topic's participants (again:
    /// the next candidate), or the category typed in part; with nothing to complete it moves
    /// to the next field of a new topic.
    func complete() {
        if field == .body, let cycle = mentionCycle {
            let index = (cycle.index + 1) % cycle.names.count
            let previous = "@\(cycle.names[cycle.index]) "
            buffer.replace(cycle.start..<cycle.start + previous.count, with: "@\(cycle.names[index]) ")
            mentionCycle = (cycle.names, index, cycle.start)
            notice = mentionNotice(cycle.names, index)
            noteEdit()
            return
        }
        guard field == .body,
            let pending = MentionCompletion.pendingMention(in: buffer.characters, cursor: buffer.cursor)
        else {
            // Tab completes without moving: a category typed in part is completed and the
            // focus stays, so the next Enter or Tab does not skip a field; a Tab with nothing
            // left to complete moves on.
            if field == .category, let category = resolvedCategory, buffer.text != category.name {
                buffers[.category] = EditBuffer(category.name)
                notice = "category: \(category.name) (Tab again moves to the next field)"
            } else if fields.count > 1 {
                moveToNextField()
            } else {
                notice = "Tab completes an @mention: type @ and the start of a name"
            }
            return
        }
        let names = MentionCompletion.candidates(for: pending.prefix, among: participants)
        guard let first = names.first else {
            notice = "no one in this topic is called @\(pending.prefix)…"
            return
        }
        MentionCompletion.complete(&buffer, with: first)
        if names.count > 1 {
            mentionCycle = (names, 0, pending.range.lowerBound)
            notice = mentionNotice(names, 0)
        }
        noteEdit()
    }

    private func mentionNotice(_ names: [String], _ index: Int) -> String {
        "Tab: next match  "
            + names.enumerated().map { $0.offset == index ? "[@\($0.element)]" : "@\($0.element)" }
            .joined(separator: " ")
    }

    /// The participants matching the @mention being typed, for the pane's last row.
    var pendingMentionCandidates: [String] {
        guard field == .body, mentionCycle == nil,
            let pending = MentionCompletion.pendingMention(in: buffer.characters, cursor: buffer.cursor)
        else { return [] }
        return MentionCompletion.candidates(for: pending.prefix, among: participants)
    }

    // MARK: Quotes and snippets

    /// Inserts a quote of `post` at the cursor, on a line of its own.
    public func insertQuote(_ post: QuotedPost) {
        field = .body
        var text = post.markup
        if buffer.cursor > 0, buffer.characters[buffer.cursor - 1] != "\n" { text = "\n\n" + text }
        insertText(text)
    }

    func startSnippetPrompt() {
        let names = hooks.snippets.names()
        guard !names.isEmpty else {
            notice = "no snippets: put files in \(hooks.snippets.directory.path)"
            return
        }
        mode = .snippet(LinePrompt(label: "snippet: ", choices: names))
    }

    /// Inserts the snippet `name` with its variables filled in (also `:insert-snippet`'s end).
    public func insertSnippet(named name: String) {
        guard let text = hooks.snippets.expand(name, variables: snippetVariables) else {
            notice = "no snippet called \(name)"
            return
        }
        insertText(text)
    }

    // MARK: The external editor

    /// Hands the body to `$VISUAL`/`$EDITOR` with curses suspended; what it saves replaces
    /// the body as one undoable step.
    func editExternally() {
        let draftText = body.text
        var outcome: Result<String, any Error> = .success(draftText)
        let hooks = self.hooks
        let context = editorContext
        suspend {
            outcome = Result {
                try EditorHandoff.edit(
                    draft: draftText, context: context, directory: hooks.temporaryDirectory,
                    environment: hooks.environment)
            }
        }
        switch outcome {
        case .success(let edited):
            field = .body
            showingPreview = false
            guard edited != draftText.trimmingTrailingNewlinesForEditor else {
                notice = "the editor changed nothing"
                return
            }
            buffers[.body]?.replaceAll(with: edited)
            noteEdit()
        case .failure(let error):
            notice = AppController.message(for: error)
        }
    }
}

extension String {
    /// The draft as the editor's file gives it back unchanged (trailing newlines trimmed).
    fileprivate var trimmingTrailingNewlinesForEditor: String {
        var result = self
        while let last = result.last, last.isNewline { result.removeLast() }
        return result
    }
}
