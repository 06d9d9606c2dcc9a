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

    private var undoStack: [Snapshot] = []
    private var redoStack: [Snapshot] = []
    /// Consecutive typing (or deleting) is undone as one step, like most editors.
    private var lastEdit: EditKind?
    /// How many undo steps are kept.
    private let undoLimit = 500

    private struct Snapshot: Equatable, Sendable {
        var characters: [Character]
        var cursor: Int
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
        recordUndo(isTyping ? .typing : .other)
        let inserted = Array(text)
        characters.insert(contentsOf: inserted, at: cursor)
        cursor += inserted.count
        // A paste can join clusters with what surrounds it (a combining mark after a letter):
        // re-segment around the edit so offsets stay on cluster boundaries.
        resegment(around: cursor - inserted.count..<cursor)
    }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        recordUndo(.deleting)
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        recordUndo(.deleting)
        characters.remove(at: cursor)
    }

    /// Replaces the whole text (the `$EDITOR` hand-off, a restored draft); undoable.
    public mutating func replaceAll(with text: String) {
        recordUndo(.other)
        characters = Array(text)
        cursor = characters.count
    }

    /// Replaces `range` (grapheme offsets) with `text`, leaving the cursor after it
    /// (mention and snippet completion).
    public mutating func replace(_ range: Range<Int>, with text: String) {
        let clamped = range.clamped(to: 0..<characters.count)
        recordUndo(.other)
        let inserted = Array(text)
        characters.replaceSubrange(clamped, with: inserted)
        cursor = clamped.lowerBound + inserted.count
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
        recordUndo(.other)
        killBuffer = String(characters[range])
        characters.removeSubrange(range)
        cursor = range.lowerBound
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
        var position = lineEnd(from: cursor)
        while position < characters.count, isBlankLine(at: position + 1) { position = lineEnd(from: position + 1) }
        while position < characters.count, !isBlankLine(at: position + 1) { position = lineEnd(from: position + 1) }
        cursor = min(characters.count, position < characters.count ? position + 1 : position)
    }

    /// Places the cursor at an offset (mouse click, jump); clamped.
    public mutating func moveCursor(to offset: Int) { cursor = min(max(0, offset), characters.count) }

    // MARK: Undo

    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }

    public mutating func undo() {
        guard let snapshot = undoStack.popLast() else { return }
        redoStack.append(Snapshot(characters: characters, cursor: cursor))
        restore(snapshot)
    }

    public mutating func redo() {
        guard let snapshot = redoStack.popLast() else { return }
        undoStack.append(Snapshot(characters: characters, cursor: cursor))
        restore(snapshot)
    }

    private mutating func restore(_ snapshot: Snapshot) {
        characters = snapshot.characters
        cursor = snapshot.cursor
        lastEdit = nil
    }

    /// Saves the state before an edit, unless it continues a run of the same kind of edit.
    private mutating func recordUndo(_ kind: EditKind) {
        redoStack.removeAll()
        if kind != .other, kind == lastEdit, !undoStack.isEmpty {
            // Break runs at word boundaries so undo removes a word at a time, not a whole paragraph.
            if cursor > 0, characters[cursor - 1].isWhitespace {
                undoStack.append(Snapshot(characters: characters, cursor: cursor))
            }
        } else {
            undoStack.append(Snapshot(characters: characters, cursor: cursor))
        }
        if undoStack.count > undoLimit { undoStack.removeFirst(undoStack.count - undoLimit) }
        lastEdit = kind
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

    /// Re-segments the clusters touching `range` so a combining mark typed or pasted after a
    /// letter joins it, as the terminal will show it.
    private mutating func resegment(around range: Range<Int>) {
        let lower = max(0, range.lowerBound - 1)
        let upper = min(characters.count, range.upperBound + 1)
        let joined = Array(String(characters[lower..<upper]))
        guard joined.count != upper - lower else { return }
        let cursorFromEnd = characters.count - cursor
        characters.replaceSubrange(lower..<upper, with: joined)
        cursor = max(0, characters.count - cursorFromEnd)
    }
}
