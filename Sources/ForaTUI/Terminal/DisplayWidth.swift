import CNcursesw

/// Terminal column widths of strings, measured per grapheme cluster with the same wcwidth
/// table the terminal uses: CJK and emoji take 2 columns, combining marks 0.
public enum DisplayWidth {
    public static func of(_ cluster: Character) -> Int {
        let scalars = cluster.unicodeScalars
        guard let first = scalars.first else { return 0 }
        // Emoji presentation selector or a ZWJ sequence: the cluster renders as one wide glyph.
        if scalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D }) { return 2 }
        if first.properties.isEmojiPresentation { return 2 }
        let width = Int(fora_wcwidth(wchar_t(bitPattern: first.value)))
        return max(0, width)
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
