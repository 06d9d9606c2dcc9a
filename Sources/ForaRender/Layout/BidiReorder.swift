import CFriBidi

/// Right-to-left text (Hebrew, Arabic, Syriac, Thaana, N'Ko…) put in visual order, line by
/// line, with GNU FriBidi's implementation of the Unicode Bidirectional Algorithm.
///
/// Most terminals draw characters left to right as they come, so a Hebrew word printed in its
/// logical order reads backwards. Lines are wrapped first (in logical order, as the algorithm
/// requires) and each finished line is then reordered for display; its width does not change.
/// Brackets are mirrored and combining marks stay on their letter. Lines without a
/// right-to-left letter are returned as they are, at the cost of one scan.
enum BidiReorder {
    static func visual(_ line: StyledLine) -> StyledLine {
        guard line.runs.contains(where: { $0.text.unicodeScalars.contains(where: isRightToLeft) }) else { return line }
        // The algorithm runs over grapheme clusters, each represented by its first scalar, so a
        // cluster (an emoji with its skin tone, a ZWJ family, a letter with its marks) moves as
        // one piece and is never taken apart.
        var clusters: [Character] = []
        var owner: [Int] = []
        for (index, run) in line.runs.enumerated() {
            for cluster in run.text {
                clusters.append(cluster)
                owner.append(index)
            }
        }
        let logical: [FriBidiChar] = clusters.map { $0.unicodeScalars.first?.value ?? 0x20 }
        let count = FriBidiStrIndex(logical.count)
        var types = [FriBidiCharType](repeating: FriBidiCharType(0), count: logical.count)
        fribidi_get_bidi_types(logical, count, &types)
        var brackets = [FriBidiBracketType](repeating: 0, count: logical.count)
        fribidi_get_bracket_types(logical, count, types, &brackets)
        var base = fora_fribidi_par_on()
        var levels = [FriBidiLevel](repeating: 0, count: logical.count)
        guard fribidi_get_par_embedding_levels_ex(types, brackets, count, &base, &levels) > 0 else { return line }
        var mirrored = logical
        fribidi_shape_mirroring(levels, count, &mirrored)
        var visual = mirrored
        var map = (0..<count).map { $0 }
        guard
            fribidi_reorder_line(fora_fribidi_reorder_flags(), types, count, 0, base, &levels, &visual, &map) > 0
        else { return line }

        // Regroup the reordered clusters into runs of the same style.
        var runs: [StyledRun] = []
        var text = ""
        var current: Int?
        for position in 0..<clusters.count {
            let logicalIndex = Int(map[position])
            guard clusters.indices.contains(logicalIndex) else { continue }
            var cluster = clusters[logicalIndex]
            // A bracket in a right-to-left run is drawn mirrored: "(" becomes ")".
            if cluster.unicodeScalars.count == 1, mirrored[logicalIndex] != logical[logicalIndex],
                let scalar = Unicode.Scalar(mirrored[logicalIndex])
            {
                cluster = Character(scalar)
            }
            let runIndex = owner[logicalIndex]
            if runIndex != current, let previous = current {
                runs.append(StyledRun(text, role: line.runs[previous].role, link: line.runs[previous].link))
                text = ""
            }
            current = runIndex
            text.append(cluster)
        }
        if let last = current {
            runs.append(StyledRun(text, role: line.runs[last].role, link: line.runs[last].link))
        }
        return StyledLine(runs)
    }

    /// Letters of the right-to-left scripts (the blocks whose strong characters are R or AL).
    static func isRightToLeft(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: return true
        default: return false
        }
    }
}
