/// Lines of one laid-out block plus the fold regions inside it (line numbers relative to
/// the block). Blocks nest: a quote's lines are its children's lines with a prefix.
struct LineBlock {
    var lines: [StyledLine] = []
    var folds: [FoldRegion] = []

    var isEmpty: Bool { lines.isEmpty }

    init(lines: [StyledLine] = [], folds: [FoldRegion] = []) {
        self.lines = lines
        self.folds = folds
    }

    /// Appends `other`, putting `first` before its first line and `rest` before the others
    /// (a list marker and its hanging indent, or a quote bar on every line).
    mutating func append(_ other: LineBlock, first: [StyledRun] = [], rest: [StyledRun] = []) {
        let offset = lines.count
        for (index, line) in other.lines.enumerated() {
            let prefix = index == 0 ? first : rest
            lines.append(prefix.isEmpty ? line : StyledLine(prefix + line.runs))
        }
        folds += other.folds.map { $0.shifted(by: offset) }
    }

    mutating func append(line: StyledLine) { lines.append(line) }
}

/// Stacks blocks with one blank line between them (none when `tight`), never leading or
/// trailing blank lines.
struct BlockStack {
    let tight: Bool
    private(set) var block = LineBlock()

    init(tight: Bool) { self.tight = tight }

    mutating func add(_ next: LineBlock) {
        guard !next.isEmpty else { return }
        if !tight && !block.isEmpty { block.append(line: StyledLine()) }
        block.append(next)
    }
}
