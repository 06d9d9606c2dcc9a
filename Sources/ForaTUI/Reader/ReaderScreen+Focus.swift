import ForaCore

/// Where the reader's focus is, for the terminal's cursor, and the linear mode's introduction
/// of each post.
extension ReaderScreen {
    /// The post the focus is on: the post cursor (j/k, NG), which every post action targets.
    var focusedSlot: Int { focus }

    /// The first line of the focused post as last drawn (its header, or the first line shown
    /// when it starts above the screen); the message line while the topic loads.
    public var cursorPosition: FocusCursor? {
        if stream.count == 0 { return FocusCursor(row: 2, column: 2) }
        return FocusCursor(row: focusedScreenRow ?? 1, column: 0)
    }

    /// A post's header line, or in the linear mode the sentence that introduces the post.
    func introduction(of slot: Int, header: ReaderLine, linear: Bool) -> ReaderLine {
        guard linear, let post = stream[slot] else { return header }
        let text = PostIntroduction.text(for: post, position: slot, count: stream.count, now: now())
        return ReaderLine([StyledSegment(text, .ui(.author))])
    }
}
