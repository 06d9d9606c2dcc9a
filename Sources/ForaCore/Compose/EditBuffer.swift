/// The composer's text: a sequence of grapheme clusters and a cursor between them, with the
/// editing operations of readline and of a small editor (word, line and paragraph motion,
/// kill and yank, undo and redo).
///
/// Positions are grapheme offsets, so the cursor can never land inside a cluster (an emoji
/// with a skin tone, a flag, a letter with combining marks). Display columns come from
/// `DisplayWidth`, never from `count`.
public struct EditBuffer: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Offset of the cursor in `characters`, `0...characters.count`.
    public private(set) var cursor: Int
    /// What the last kill removed; `yank` inserts it.
    public private(set) var killBuffer = ""

    private var undoStack: [Change] = []
    private var redoStack: [Change] = []
    /// Consecutive typing (or deleting) is undone as one step, a word at a time.
    private var lastEdit: EditKind?
    /// How many undo steps are kept.
    private let undoLimit = 1_000

    /// One edit, recorded as what it replaced, so undo costs the size of the edit, not of the
    /// draft (a 20,000-character draft must echo a keystroke in well under 2 ms).
    private struct Change: Equatable, Sendable {
        /// Where the replacement starts.
        var location: Int
        /// What was there before.
        var removed: [Character]
        /// What is there now.
        var inserted: [Character]
        var cursorBefore: Int
        var cursorAfter: Int

        var inverse: Change {
            Change(
                location: location, removed: inserted, inserted: removed, cursorBefore: cursorAfter,
                cursorAfter: cursorBefore)
        }
    }

    private enum EditKind: Equatable, Sendable {
        case typing, deleting, other
    }

    public init(_ text: String = "", cursorAtEnd: Bool = true) {
        characters = Array(text)
        cursor = cursorAtEnd ? characters.count : 0
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    // MARK: Editing

    /// Inserts `text` at the cursor (typed or pasted) and moves the cursor after it.
    public mutating func insert(_ text: String) {
        guard !text.isEmpty else { return }
        let isTyping = text.count == 1 && text != "\n"
        replace(cursor..<cursor, with: text, kind: isTyping ? .typing : .other)
    }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        replace(cursor - 1..<cursor, with: "", kind: .deleting)
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        replace(cursor..<cursor + 1, with: "", kind: .deleting)
    }

    /// Replaces the whole text (the `$EDITOR` hand-off, a restored draft); undoable.
    public mutating func replaceAll(with text: String) {
        replace(0..<characters.count, with: text, kind: .other)
    }

    /// Replaces `range` (grapheme offsets) with `text`, leaving the cursor after it
    /// (mention and snippet completion).
    public mutating func replace(_ range: Range<Int>, with text: String) {
        replace(range, with: text, kind: .other)
    }

    /// The one primitive every edit goes through: replaces `range`, re-segments the clusters
    /// at its edges (a combining mark typed after a letter joins it, as the terminal shows
    /// it), records the change for undo and puts the cursor after the new text.
    private mutating func replace(_ range: Range<Int>, with text: String, kind: EditKind) {
        let clamped = range.clamped(to: 0..<characters.count)
        var lower = clamped.lowerBound
        var upper = clamped.upperBound
        var replacement = Array(text)
        if lower > 0, let first = replacement.first ?? (upper < characters.count ? characters[upper] : nil),
            first.unicodeScalars.first.map(Self.joinsPrevious) == true
        {
            lower -= 1
            replacement = Array(String(characters[lower]) + text)
        }
        if upper < characters.count, let next = characters[upper].unicodeScalars.first,
            Self.joinsPrevious(next)
        {
            replacement = Array(String(replacement) + String(characters[upper]))
            upper += 1
        }
        let tailLength = characters.count - upper
        let change = Change(
            location: lower, removed: Array(characters[lower..<upper]), inserted: replacement, cursorBefore: cursor,
            cursorAfter: 0)
        characters.replaceSubrange(lower..<upper, with: replacement)
        // The cursor goes after the inserted text, which ends where the untouched tail begins,
        // minus whatever joined from the tail.
        let joinedFromTail = upper - clamped.upperBound
        cursor = characters.count - tailLength - joinedFromTail
        var recorded = change
        recorded.cursorAfter = cursor
        record(recorded, kind: kind)
    }

    private mutating func record(_ change: Change, kind: EditKind) {
        redoStack.removeAll()
        defer { lastEdit = kind }
        if kind != .other, kind == lastEdit, var last = undoStack.last {
            // A new word starts a new step; the space after a word belongs to the word.
            let wordBoundary =
                (last.inserted.last?.isWhitespace == true && change.inserted.first?.isWhitespace == false)
                || (last.removed.first?.isWhitespace == true && change.removed.last?.isWhitespace == false)
            if kind == .typing, !wordBoundary, last.location + last.inserted.count == change.location,
                change.removed.isEmpty
            {
                last.inserted += change.inserted
                last.cursorAfter = change.cursorAfter
                undoStack[undoStack.count - 1] = last
                return
            }
            if kind == .deleting, !wordBoundary, change.inserted.isEmpty {
                if change.location + change.removed.count == last.location {  // backspace
                    last.location = change.location
                    last.removed = change.removed + last.removed
                    last.cursorAfter = change.cursorAfter
                    undoStack[undoStack.count - 1] = last
                    return
                }
                if change.location == last.location {  // delete forward
                    last.removed += change.removed
                    last.cursorAfter = change.cursorAfter
                    undoStack[undoStack.count - 1] = last
                    return
                }
            }
        }
        undoStack.append(change)
        if undoStack.count > undoLimit { undoStack.removeFirst(undoStack.count - undoLimit) }
    }

    // MARK: Kill and yank (Ctrl-K, Ctrl-U, Ctrl-W, Ctrl-Y)

    public mutating func killToLineEnd() {
        let end = lineEnd(from: cursor)
        // At the end of a line, Ctrl-K joins the next line, as in readline and Emacs.
        let upper = end == cursor && end < characters.count ? end + 1 : end
        kill(cursor..<upper)
    }

    public mutating func killToLineStart() { kill(lineStart(from: cursor)..<cursor) }

    public mutating func killWordBackward() { kill(wordStart(before: cursor)..<cursor) }

    public mutating func yank() { insert(killBuffer) }

    private mutating func kill(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        killBuffer = String(characters[range])
        replace(range, with: "", kind: .other)
    }

    // MARK: Motion

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    public mutating func moveToLineStart() { cursor = lineStart(from: cursor) }
    public mutating func moveToLineEnd() { cursor = lineEnd(from: cursor) }
    public mutating func moveToStart() { cursor = 0 }
    public mutating func moveToEnd() { cursor = characters.count }
    public mutating func moveWordLeft() { cursor = wordStart(before: cursor) }
    public mutating func moveWordRight() { cursor = wordEnd(after: cursor) }

    /// Moves to the first line of the previous paragraph (paragraphs are separated by blank lines).
    public mutating func moveParagraphUp() {
        var position = lineStart(from: cursor)
        // Skip blank lines above, then the paragraph's lines.
        while position > 0, isBlankLine(at: lineStart(from: position - 1)) { position = lineStart(from: position - 1) }
        while position > 0, !isBlankLine(at: lineStart(from: position - 1)) { position = lineStart(from: position - 1) }
        cursor = position
    }

    /// Moves to the blank line after the current paragraph (or the end).
    public mutating func moveParagraphDown() {
        var start = lineStart(from: cursor)
        // From blank lines, first skip them; then skip the paragraph's lines.
        while isBlankLine(at: start), lineEnd(from: start) < characters.count { start = lineEnd(from: start) + 1 }
        while !isBlankLine(at: start) {
            let end = lineEnd(from: start)
            guard end < characters.count else {
                cursor = characters.count
                return
            }
            start = end + 1
        }
        cursor = start
    }

    /// Places the cursor at an offset (mouse click, jump); clamped.
    public mutating func moveCursor(to offset: Int) { cursor = min(max(0, offset), characters.count) }

    // MARK: Undo

    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }

    public mutating func undo() {
        guard let change = undoStack.popLast() else { return }
        apply(change.inverse)
        redoStack.append(change)
    }

    public mutating func redo() {
        guard let change = redoStack.popLast() else { return }
        apply(change)
        undoStack.append(change)
    }

    /// Replays a recorded change (or its inverse) without recording it again.
    private mutating func apply(_ change: Change) {
        characters.replaceSubrange(change.location..<change.location + change.removed.count, with: change.inserted)
        cursor = min(change.cursorAfter, characters.count)
        lastEdit = nil
    }

    // MARK: Lines and words

    /// Offset of the first character of the line holding `offset`.
    public func lineStart(from offset: Int) -> Int {
        var position = min(offset, characters.count)
        while position > 0, characters[position - 1] != "\n" { position -= 1 }
        return position
    }

    /// Offset of the newline ending the line holding `offset` (or the end of the text).
    public func lineEnd(from offset: Int) -> Int {
        var position = min(offset, characters.count)
        while position < characters.count, characters[position] != "\n" { position += 1 }
        return position
    }

    /// The 0-based logical line and grapheme column of the cursor.
    public var lineAndColumn: (line: Int, column: Int) {
        let start = lineStart(from: cursor)
        let line = characters[..<start].reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
        return (line, cursor - start)
    }

    private func isBlankLine(at start: Int) -> Bool {
        var position = start
        while position < characters.count, characters[position] != "\n" {
            if !characters[position].isWhitespace { return false }
            position += 1
        }
        return true
    }

    private func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    private func wordStart(before offset: Int) -> Int {
        var position = offset
        while position > 0, !isWordCharacter(characters[position - 1]) { position -= 1 }
        while position > 0, isWordCharacter(characters[position - 1]) { position -= 1 }
        return position
    }

    private func wordEnd(after offset: Int) -> Int {
        var position = offset
        while position < characters.count, !isWordCharacter(characters[position]) { position += 1 }
        while position < characters.count, isWordCharacter(characters[position]) { position += 1 }
        return position
    }

    /// A combining mark or joiner extends the cluster before it.
    private static func joinsPrevious(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return scalar.properties.isJoinControl || scalar.properties.isVariationSelector
        }
    }
}
