import ForaCore

/// An edit the site refused because someone changed the post meanwhile: the composer shows
/// their text against mine, line by line, and asks. Nothing is sent until the user chooses.
extension ComposerScreen {
    static let conflictQuestion =
        "Edited meanwhile by someone else: m keep mine (overwrite) · t take theirs · e back to editing · j/k scroll"
    /// The linear mode's form: numbered choices, the answer typed at the end of the line.
    static let numberedConflictQuestion =
        "Edited meanwhile. 1. keep mine, 2. take theirs, 3. edit on. Choose 1, 2 or 3: "

    func answerConflict(_ event: InputEvent, theirs: String, scroll: Int) {
        switch event {
        case .character("m"), .character("M"), .character("1"):
            // Overwrite on purpose: their text becomes the one this edit replaces.
            mode = .editing
            target.edit?.originalRaw = theirs
            send()
        case .character("t"), .character("T"), .character("2"):
            mode = .editing
            target.edit?.originalRaw = theirs
            buffers[.body] = EditBuffer(theirs)
            noteEdit()
            notice = "their text is in the composer: edit and send (C-x), or Esc"
        case .character("e"), .character("E"), .character("3"), .escape:
            mode = .editing
            notice = "back to editing: sending again checks for changes again"
        case .character("j"), .down:
            mode = .conflict(theirs: theirs, scroll: scroll + 1)
        case .character("k"), .up:
            mode = .conflict(theirs: theirs, scroll: max(0, scroll - 1))
        default: break
        }
    }

    /// Their text against mine: "−" lines only theirs has, "+" lines only mine has.
    func drawConflict(theirs: String, scroll: Int, on terminal: any Terminal, top: Int, columns: Int) {
        let diff = ConflictDiff.of(theirs: theirs, mine: body.text, cached: conflictDiff)
        conflictDiff = diff
        let lines = diff.lines
        terminal.draw(
            DisplayWidth.pad("− theirs (on the site now)   + mine (in the composer)", to: columns), row: top, column: 0,
            style: .header)
        let first = min(scroll, max(0, lines.count - 1))
        for (offset, line) in lines.dropFirst(first).prefix(max(0, bodyRows - 1)).enumerated() {
            let (text, style): (String, TextStyle)
            switch line {
            case .same(let content): (text, style) = ("  " + content, .dim)
            case .removed(let content): (text, style) = ("− " + content, .ui(.statusError))
            case .added(let content): (text, style) = ("+ " + content, .accent)
            }
            terminal.draw(DisplayWidth.truncate(text, to: columns), row: top + 1 + offset, column: 0, style: style)
        }
    }
}
