import ForaCore

/// Wraps inline items into lines of at most `width` display columns.
///
/// Lines break at spaces, and around wide (CJK) characters, which need no space to break.
/// A word wider than the line is cut between grapheme clusters, never inside one, so flags,
/// skin tones and ZWJ sequences stay whole. Bidirectional text is kept in logical order;
/// the terminal shapes it.
struct LineWrapper {
    let width: Int

    private var lines: [StyledLine] = []
    private var line: [StyledRun] = []
    private var column = 0
    /// The word being gathered: it may span runs ("**bo**ld").
    private var word: [StyledRun] = []
    private var wordWidth = 0
    /// A space was seen before the current word; its role is that of the text it sat in.
    private var spaceRole: TextRole?
    private var spaceLink: Int?

    init(width: Int) { self.width = max(1, width) }

    static func wrap(_ items: [InlineItem], width: Int) -> [StyledLine] {
        var wrapper = LineWrapper(width: width)
        for item in items {
            switch item {
            case .run(let run): wrapper.add(run)
            case .hardBreak: wrapper.breakLine()
            }
        }
        return wrapper.finish()
    }

    mutating func finish() -> [StyledLine] {
        flushWord()
        if !line.isEmpty { endLine() }
        return lines
    }

    mutating func breakLine() {
        flushWord()
        endLine()
        spaceRole = nil
    }

    mutating func add(_ run: StyledRun) {
        if run.text.utf8.allSatisfy({ $0 < 0x80 }) {
            addASCII(run)
            return
        }
        let text = run.text
        var wordStart = text.startIndex
        var wordColumns = 0
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == " " {
                if wordStart < index { addPiece(text[wordStart..<index], width: wordColumns, of: run) }
                flushWord()
                spaceRole = run.role
                spaceLink = run.link
                wordStart = next
                wordColumns = 0
            } else {
                let columns = Self.columns(of: character)
                if columns == 2 && !Self.isEmoji(character) {
                    // A CJK character is a word of its own: lines may break on either side.
                    if wordStart < index { addPiece(text[wordStart..<index], width: wordColumns, of: run) }
                    flushWord()
                    addPiece(text[index..<next], width: columns, of: run)
                    flushWord()
                    wordStart = next
                    wordColumns = 0
                } else {
                    wordColumns += columns
                }
            }
            index = next
        }
        if wordStart < text.endIndex { addPiece(text[wordStart...], width: wordColumns, of: run) }
    }

    /// The common case, ASCII text: one column per byte and no grapheme breaking. Words
    /// that land on the same line go out as one slice of the run's text (a "segment")
    /// rather than word by word. A word touching either end of the run may join text of a
    /// neighbouring run ("**bo**ld"), so those take the general path through `word`.
    private mutating func addASCII(_ run: StyledRun) {
        let utf8 = run.text.utf8
        var segment: Range<String.UTF8View.Index>?
        func emit(_ segment: inout Range<String.UTF8View.Index>?, into line: inout [StyledRun]) {
            guard let range = segment else { return }
            Self.appendRun(StyledRun(String(Substring(utf8[range])), role: run.role, link: run.link), to: &line)
            segment = nil
        }
        var wordStart = utf8.startIndex
        var index = utf8.startIndex
        while index <= utf8.endIndex {
            let atEnd = index == utf8.endIndex
            if !atEnd && utf8[index] != 0x20 {
                index = utf8.index(after: index)
                continue
            }
            if wordStart < index {
                let length = utf8.distance(from: wordStart, to: index)
                let joinsNeighbour = atEnd || !word.isEmpty || wordStart == utf8.startIndex
                if joinsNeighbour || length > width {
                    emit(&segment, into: &line)
                    addPiece(Substring(utf8[wordStart..<index]), width: length, of: run)
                    if !atEnd { flushWord() }
                } else {
                    let space = spaceRole != nil && column > 0 ? 1 : 0
                    if column > 0 && column + space + length > width {
                        emit(&segment, into: &line)
                        endLine()
                        segment = wordStart..<index
                        column = length
                    } else if space == 1, let current = segment, spaceRole == run.role, spaceLink == run.link,
                        utf8.index(after: current.upperBound) == wordStart
                    {
                        segment = current.lowerBound..<index
                        column += 1 + length
                    } else {
                        emit(&segment, into: &line)
                        if space == 1, let role = spaceRole {
                            Self.appendRun(StyledRun(" ", role: role, link: spaceLink), to: &line)
                        }
                        segment = wordStart..<index
                        column += space + length
                    }
                    spaceRole = nil
                }
            }
            if atEnd { break }
            // A space ends a word still gathered from an earlier run ("bo" + " rest").
            if !word.isEmpty {
                emit(&segment, into: &line)
                flushWord()
            }
            spaceRole = run.role
            spaceLink = run.link
            index = utf8.index(after: index)
            wordStart = index
        }
        emit(&segment, into: &line)
    }

    static func columns(of character: Character) -> Int {
        if let ascii = character.asciiValue { return ascii >= 0x20 && ascii != 0x7F ? 1 : 0 }
        return DisplayWidth.of(character)
    }

    private static func isEmoji(_ character: Character) -> Bool {
        character.unicodeScalars.contains { $0.properties.isEmojiPresentation || $0.value == 0xFE0F }
    }

    private mutating func addPiece(_ text: Substring, width: Int, of run: StyledRun) {
        Self.appendRun(StyledRun(String(text), role: run.role, link: run.link), to: &word)
        wordWidth += width
    }

    private mutating func flushWord() {
        guard !word.isEmpty else { return }
        let spaceWidth = spaceRole != nil && column > 0 ? 1 : 0
        if column > 0 && column + spaceWidth + wordWidth > width {
            endLine()
        } else if spaceWidth == 1, let role = spaceRole {
            Self.appendRun(StyledRun(" ", role: role, link: spaceLink), to: &line)
            column += 1
        }
        if wordWidth > width {
            placeLongWord()
        } else {
            for run in word { Self.appendRun(run, to: &line) }
            column += wordWidth
        }
        word.removeAll(keepingCapacity: true)
        wordWidth = 0
        spaceRole = nil
    }

    /// Cuts a word wider than the line between grapheme clusters.
    private mutating func placeLongWord() {
        for run in word {
            var piece = ""
            for character in run.text {
                let columns = Self.columns(of: character)
                if column + columns > width && column > 0 {
                    if !piece.isEmpty { Self.appendRun(StyledRun(piece, role: run.role, link: run.link), to: &line) }
                    piece = ""
                    endLine()
                }
                piece.append(character)
                column += columns
            }
            if !piece.isEmpty { Self.appendRun(StyledRun(piece, role: run.role, link: run.link), to: &line) }
        }
    }

    private mutating func endLine() {
        lines.append(StyledLine(line))
        line.removeAll(keepingCapacity: true)
        column = 0
    }

    /// Static, so appending to one of our own arrays does not copy the whole wrapper.
    private static func appendRun(_ run: StyledRun, to runs: inout [StyledRun]) {
        if let last = runs.indices.last, runs[last].role == run.role, runs[last].link == run.link {
            runs[last].text += run.text
        } else {
            runs.append(run)
        }
    }
}
