/// A colour as a theme writes it, and its reduction to what the terminal can show.
public enum ThemeColor: Equatable, Sendable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// A 256-colour index (0–15 are the named ANSI colours).
    case index(Int)
    case rgb(Int, Int, Int)

    private static let names = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
    ]

    /// "default", a colour name (optionally "bright-"), "#rrggbb" / "rrggbb", or nil.
    public static func parse(name: String) -> ThemeColor? {
        let lower = name.lowercased()
        if lower == "default" { return .terminalDefault }
        if let index = names.firstIndex(of: lower) { return .index(index) }
        if lower.hasPrefix("bright-"), let index = names.firstIndex(of: String(lower.dropFirst(7))) {
            return .index(index + 8)
        }
        return hex(lower)
    }

    /// The API's category colours ("0088CC", "#08c" is not used by Discourse but tolerated).
    public static func hex(_ text: String) -> ThemeColor? {
        var digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard digits.count == 6, let value = Int(digits, radix: 16) else { return nil }
        return .rgb((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF)
    }

    /// The colour index to use on a terminal with `colors` colours; nil means the terminal's
    /// default (also for terminals without colour).
    public func index(forColors colors: Int) -> Int? {
        switch self {
        case .terminalDefault: return nil
        case .index(let index):
            if colors >= 256 || index < colors { return index }
            return ColorPalette.nearest(ColorPalette.rgb(ofIndex: index), among: min(colors, 16))
        case .rgb(let r, let g, let b):
            guard colors >= 8 else { return nil }
            return ColorPalette.nearest((r, g, b), among: colors >= 256 ? 256 : min(colors, 16))
        }
    }
}

/// The xterm palette, for mapping any colour to the nearest one a terminal has.
public enum ColorPalette {
    private static let cubeLevels = [0, 95, 135, 175, 215, 255]
    private static let ansi: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
        (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
        (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    public static func rgb(ofIndex index: Int) -> (Int, Int, Int) {
        switch index {
        case 0..<16: return ansi[index]
        case 16..<232:
            let n = index - 16
            return (cubeLevels[n / 36], cubeLevels[(n / 6) % 6], cubeLevels[n % 6])
        case 232..<256:
            let level = 8 + 10 * (index - 232)
            return (level, level, level)
        default: return (0, 0, 0)
        }
    }

    /// The index among the first `count` palette entries closest to `rgb`. With 256 colours
    /// only the cube and the grey ramp are candidates: the 16 ANSI colours are themeable by
    /// the user and so may not look like their names.
    public static func nearest(_ target: (Int, Int, Int), among count: Int) -> Int {
        let candidates = count >= 256 ? Array(16..<256) : Array(0..<max(1, min(count, 16)))
        var best = candidates[0]
        var bestDistance = Int.max
        for index in candidates {
            let (r, g, b) = rgb(ofIndex: index)
            // Weighted for the eye's sensitivity (a cheap "redmean"-like approximation).
            let distance =
                3 * (r - target.0) * (r - target.0) + 4 * (g - target.1) * (g - target.1) + 2 * (b - target.2)
                * (b - target.2)
            if distance < bestDistance {
                bestDistance = distance
                best = index
            }
        }
        return best
    }
}
