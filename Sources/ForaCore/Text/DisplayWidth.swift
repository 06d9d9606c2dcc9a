/// Terminal column widths of strings, measured per grapheme cluster: CJK and emoji take 2
/// columns, combining marks and format characters 0, control characters 0 (they are never
/// drawn: the renderer replaces them first).
///
/// The table is our own (generated from the Unicode data, see `WideCharacterTable.swift`)
/// rather than the C library's `wcwidth`, whose answers depend on the process locale: the
/// renderer, the TUI and the tests must agree whatever `LC_ALL` says.
public enum DisplayWidth {
    public static func of(_ cluster: Character) -> Int {
        // ASCII, most of what is drawn, needs no Unicode property lookup (none has emoji
        // presentation); the lookups were a third of a frame's time.
        if let ascii = cluster.asciiValue { return ascii < 0x20 || ascii == 0x7F ? 0 : 1 }
        let scalars = cluster.unicodeScalars
        guard let first = scalars.first else { return 0 }
        // Emoji presentation selector or a ZWJ sequence: the cluster renders as one wide glyph.
        if scalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D }) { return 2 }
        if first.properties.isEmojiPresentation { return 2 }
        return of(scalar: first)
    }

    /// The width of one code point on its own.
    public static func of(scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        // Hangul medial vowels and final consonants join the preceding syllable.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        return isWide(value) ? 2 : 1
    }

    static func isWide(_ value: UInt32) -> Bool {
        var low = 0
        var high = wideCharacterRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideCharacterRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    public static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// `text` cut to at most `width` columns, ending with "…" when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        var result = ""
        var used = 0
        for cluster in text {
            let w = of(cluster)
            if used + w > width - 1 { break }
            result.append(cluster)
            used += w
        }
        return result + "…"
    }

    /// `text` truncated and then padded with spaces to exactly `width` columns.
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: width)
        let fill = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? fill + cut : cut + fill
    }
}
