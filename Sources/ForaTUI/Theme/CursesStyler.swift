import CNcursesw

/// Turns a `TextStyle` into curses attributes and a colour pair through the theme, for the
/// terminal's colour depth (24-bit, 256, 16, 8 or none). Pairs are allocated on first use and cached,
/// so a category colour costs one pair for the whole session. UI thread only.
final class CursesStyler {
    private let theme: Theme
    private let colors: Int
    private let maximumPairs: Int
    private var pairs: [PairKey: Int16] = [:]
    private var cache: [TextStyle: (attr_t, Int16)] = [:]

    private struct PairKey: Hashable {
        var foreground: Int
        var background: Int
    }

    /// `colors` is 0 when colour is off (NO_COLOR or a terminal without colour).
    init(theme: Theme, colors: Int, maximumPairs: Int) {
        self.theme = colors > 0 ? theme : theme.withoutColours()
        self.colors = colors
        self.maximumPairs = min(maximumPairs, Int(Int16.max))
    }

    func attributes(for style: TextStyle) -> (attr_t, Int16) {
        if let cached = cache[style] { return cached }
        let themeStyle = theme.style(for: style)
        var attrs = fora_a_normal()
        for attribute in themeStyle.attributes {
            switch attribute {
            case .bold: attrs |= fora_a_bold()
            case .dim: attrs |= fora_a_dim()
            case .italic: attrs |= fora_a_italic()
            case .underline: attrs |= fora_a_underline()
            case .reverse: attrs |= fora_a_reverse()
            }
        }
        var pair: Int16 = 0
        if colors > 0 {
            let foreground = themeStyle.foreground?.cursesNumber(colors: colors) ?? -1
            let background = themeStyle.background?.cursesNumber(colors: colors) ?? -1
            pair = self.pair(foreground: foreground, background: background)
        } else if style == .selected || style == .status || style == .ui(.statusError) {
            // Without colour the selection and the bars must still stand out.
            attrs |= fora_a_reverse()
        } else if style == .ui(.selectionInactive) {
            attrs |= fora_a_underline()
        }
        cache[style] = (attrs, pair)
        return (attrs, pair)
    }

    private func pair(foreground: Int, background: Int) -> Int16 {
        if foreground == -1, background == -1 { return 0 }
        let key = PairKey(foreground: foreground, background: background)
        if let existing = pairs[key] { return existing }
        guard pairs.count + 1 < maximumPairs else { return 0 }
        let number = Int16(pairs.count + 1)
        // The extended call takes 24-bit colour numbers; init_pair would cut them to 16 bits.
        init_extended_pair(Int32(number), Int32(foreground), Int32(background))
        pairs[key] = number
        return number
    }
}
