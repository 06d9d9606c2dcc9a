/// How many colours fora draws with, decided from the environment and terminfo: NO_COLOR
/// gives none; 24-bit colour when the terminfo entry has direct colour (its `RGB` flag, as
/// `xterm-direct` and `tmux-direct` have), or when `COLORTERM=truecolor` (or `24bit`), or the
/// entry's `RGB` or `Tc` capability, says so and the entry's `-direct` variant is installed; else what terminfo's `colors` says
/// (256, 16 or 8), theme colours mapped to the nearest one there.
public enum ColorSupport {
    /// The colour count ncurses reports for a direct-colour terminal (2^24).
    public static let directColors = 1 << 24

    /// Whether the terminal announces 24-bit colour.
    public static func announcesTruecolor(environment: [String: String]) -> Bool {
        let colorterm = environment["COLORTERM"]?.lowercased() ?? ""
        return colorterm == "truecolor" || colorterm == "24bit"
    }

    /// What the terminal's own terminfo entry says about 24-bit colour: the standard `RGB`
    /// capability, or tmux's `Tc` extension (in entries users extend with `tic`).
    public struct TerminfoFlags: Equatable, Sendable {
        public var rgb: Bool
        public var tc: Bool

        public init(rgb: Bool = false, tc: Bool = false) {
            self.rgb = rgb
            self.tc = tc
        }
    }

    /// The terminfo entry to start curses with for 24-bit colour, or nil to start with `TERM`'s
    /// own: its `-direct` variant when the environment (`COLORTERM`) or the entry itself (`RGB`,
    /// `Tc`) says the terminal takes 24-bit colour but the entry has fewer colours than that.
    public static func directEntry(
        noColor: Bool, term: String, environment: [String: String], flags: TerminfoFlags, terminfoColors: Int
    ) -> String? {
        guard !noColor, terminfoColors < directColors, let direct = directVariant(of: term) else { return nil }
        return announcesTruecolor(environment: environment) || flags.rgb || flags.tc ? direct : nil
    }

    /// The direct-colour terminfo entry to try for `term` ("xterm-256color" → "xterm-direct",
    /// "tmux-256color" → "tmux-direct"), or nil when `term` is one already or is empty.
    public static func directVariant(of term: String) -> String? {
        guard !term.isEmpty, !term.hasSuffix("-direct") else { return nil }
        var base = term
        for suffix in ["-256color", "-88color", "-16color", "-color"] where base.hasSuffix(suffix) {
            base.removeLast(suffix.count)
            break
        }
        return base + "-direct"
    }

    /// The colours to draw with: 0 without colour, `directColors` for 24-bit, else the count.
    public static func colors(noColor: Bool, hasColors: Bool, terminfoColors: Int) -> Int {
        guard !noColor, hasColors else { return 0 }
        return terminfoColors >= directColors ? directColors : terminfoColors
    }
}

extension ThemeColor {
    /// The colour number to hand ncurses on a terminal with `colors` colours (nil: the
    /// terminal's default). With direct colour ncurses takes `0xRRGGBB`, except numbers below 8
    /// which stay the 8 ANSI colours; other palette indexes become their xterm RGB value.
    public func cursesNumber(colors: Int) -> Int? {
        guard colors >= ColorSupport.directColors else { return index(forColors: colors) }
        switch self {
        case .terminalDefault: return nil
        case .index(let index) where index < 8: return index
        case .index(let index):
            let (r, g, b) = ColorPalette.rgb(ofIndex: index)
            return Self.packed(r, g, b)
        case .rgb(let r, let g, let b): return Self.packed(r, g, b)
        }
    }

    /// `0xRRGGBB`; pure black and the darkest blues would fall below 8 and read as ANSI
    /// colours, so they are nudged to 8 (invisible to the eye).
    private static func packed(_ r: Int, _ g: Int, _ b: Int) -> Int { max(8, (r << 16) | (g << 8) | b) }
}
