import ForaCore

/// Marking a range of lines of one post to quote only those: `V` starts a mark on the post at
/// the top, j/k (and g/G) move its end while the lines show in a panel over the bottom of the
/// reader, `V` again freezes it, `"` or `a` quotes the marked lines as Discourse quote markup,
/// Esc or q clears it. Lines are the post's rendered text without wrapping, as a quote of the
/// whole post takes them.
struct LineMark: Equatable {
    var postNumber: Int
    var username: String
    var lines: [String]
    var anchor = 0
    var cursor = 0
    /// Whether j/k move the mark (else it is frozen and j/k scroll the reader again).
    var active = true

    var range: ClosedRange<Int> { min(anchor, cursor)...max(anchor, cursor) }

    /// The marked lines, without blank lines at either end.
    var text: String {
        var marked = Array(lines[range])
        while marked.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { marked.removeFirst() }
        while marked.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { marked.removeLast() }
        return marked.joined(separator: "\n")
    }

    mutating func move(by steps: Int) { cursor = min(max(0, cursor + steps), lines.count - 1) }
}

extension ReaderScreen {
    /// What a key does while lines are marked (nil: the reader's usual meaning).
    func lineMarkAction(_ operation: OperationID, count: Int?) -> ScreenAction? {
        if operation == .markLines { return toggleLineMark() }
        guard var mark = lineMark else { return nil }
        switch operation {
        case .moveDown where mark.active, .moveUp where mark.active, .first where mark.active,
            .last where mark.active:
            switch operation {
            case .moveDown: mark.move(by: count ?? 1)
            case .moveUp: mark.move(by: -(count ?? 1))
            case .first: mark.move(by: -mark.lines.count)
            default: mark.move(by: mark.lines.count)
            }
            lineMark = mark
            return ScreenAction.none
        case .quotePost, .replyToPost:
            lineMark = nil
            guard !mark.text.isEmpty else { return .message("only blank lines are marked") }
            return .compose(
                .quote(
                    QuotedPost(username: mark.username, postNumber: mark.postNumber, topicID: topic.id, text: mark.text)
                ))
        case .back:
            lineMark = nil
            return .message("mark cleared")
        default: return nil
        }
    }

    private func toggleLineMark() -> ScreenAction {
        if var mark = lineMark {
            mark.active.toggle()
            lineMark = mark
            return .message(
                mark.active
                    ? "marking: j/k move the mark" : "marked \(mark.range.count) lines: \" quotes them, Esc clears")
        }
        guard let post = currentPost else { return .message("no post to mark here (still loading?)") }
        let lines = plainText(of: post).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.isEmpty else { return .message("this post has no text to mark") }
        lineMark = LineMark(postNumber: post.number, username: post.username, lines: lines)
        return .none
    }

    /// The panel over the bottom of the reader: a title row, then the post's lines around the
    /// mark's end, the marked ones highlighted.
    func drawLineMark(on terminal: any Terminal, rows: Int, columns: Int) {
        guard let mark = lineMark, rows > 3 else { return }
        let shown = min(mark.lines.count, max(2, (rows - 1) / 2))
        let top = min(max(0, mark.cursor - shown / 2), mark.lines.count - shown)
        let firstRow = rows - shown - 1
        let range = mark.range
        let keys = mark.active ? "j/k move · V freezes · \" quotes · Esc clears" : "\" quotes · V moves · Esc clears"
        let title = "Lines \(range.lowerBound + 1)–\(range.upperBound + 1) of #\(mark.postNumber) · \(keys)"
        terminal.draw(
            DisplayWidth.pad(DisplayWidth.truncate(title, to: columns), to: columns), row: firstRow, column: 0,
            style: .header)
        for offset in 0..<shown {
            let index = top + offset
            let marked = range.contains(index)
            let text = (marked ? "▌ " : "  ") + mark.lines[index]
            terminal.draw(
                DisplayWidth.pad(DisplayWidth.truncate(text, to: columns), to: columns), row: firstRow + 1 + offset,
                column: 0, style: marked ? .selected : .normal)
        }
    }
}
