/// Display-width helpers over styled lines: measuring, clipping with a marker, trimming.
enum LineMeasure {
    static func width(of text: some StringProtocol) -> Int {
        var total = 0
        var ascii = true
        for byte in text.utf8 where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii { return text.utf8.count }
        for character in text { total += LineWrapper.columns(of: character) }
        return total
    }

    /// A cheap upper bound of a line's display width, without grapheme breaking or Unicode
    /// property lookups: one column per scalar in blocks where `DisplayWidth` has no wide
    /// character (Latin, punctuation, arrows, control pictures, box drawing, the shapes the
    /// renderer draws), two for any other. Rules and quote bars are bounded exactly.
    static func upperBound(of line: StyledLine) -> Int {
        var total = 0
        for run in line.runs {
            for scalar in run.text.unicodeScalars {
                switch scalar.value {
                case 0..<0x378, 0x2010...0x2027, 0x2190...0x21FF, 0x2400...0x2426, 0x2500...0x25FC: total += 1
                default: total += 2
                }
            }
        }
        return total
    }

    static func width(of line: StyledLine) -> Int {
        line.runs.reduce(0) { $0 + width(of: $1.text) }
    }

    /// `line` cut to `width` columns; when something was cut the last column holds `marker`.
    static func clip(_ line: StyledLine, to width: Int, marker: String = "→") -> StyledLine {
        guard self.width(of: line) > width else { return line }
        let room = max(0, width - 1)
        var used = 0
        var runs: [StyledRun] = []
        outer: for run in line.runs {
            var piece = ""
            for character in run.text {
                let columns = LineWrapper.columns(of: character)
                if used + columns > room {
                    if !piece.isEmpty { runs.append(StyledRun(piece, role: run.role, link: run.link)) }
                    break outer
                }
                piece.append(character)
                used += columns
            }
            if !piece.isEmpty { runs.append(StyledRun(piece, role: run.role, link: run.link)) }
        }
        if width > 0 { runs.append(StyledRun(marker, role: .muted)) }
        return StyledLine(runs)
    }

    /// `line` without trailing spaces (and without runs left empty by that).
    static func trimTrailingSpaces(_ line: StyledLine) -> StyledLine {
        guard let last = line.runs.last, last.text.isEmpty || last.text.utf8.last == 0x20 else { return line }
        var runs = line.runs
        while let last = runs.last {
            let trimmed = last.text.reversed().drop(while: { $0 == " " })
            if trimmed.isEmpty {
                runs.removeLast()
                continue
            }
            if trimmed.count != last.text.count {
                runs[runs.count - 1].text = String(trimmed.reversed())
            }
            break
        }
        return StyledLine(runs)
    }
}

/// Measuring helpers for callers outside the renderer (tests, the fuzzer, the TUI).
public enum RenderInspection {
    /// The display width of a rendered line, as the renderer counts it.
    public static func width(of line: StyledLine) -> Int { LineMeasure.width(of: line) }
}
