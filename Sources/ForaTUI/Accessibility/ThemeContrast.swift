import Foundation

/// WCAG 2 contrast of a theme's text against its background, so every shipped theme can be
/// held to AA (4.5:1 for text, 3:1 for the panes' divider, which is a line and not text).
///
/// Colours the theme leaves to the terminal (no `fg`/`bg`, or "default") are taken to be the
/// theme's `[meta] terminal_fg` and `terminal_bg`: what the theme is written for (a typical
/// dark background for the dark themes, white for the light one, Solarized's own base colours
/// for the Solarized themes). The 16 named colours are taken at xterm's default values, which
/// many terminals let the user change. The `spoiler` role is exempt: it hides text on purpose
/// until it is revealed.
public enum ThemeContrast {
    public static let textMinimum = 4.5
    public static let lineMinimum = 3.0
    /// Styles that draw lines rather than text.
    static let lines: Set<String> = ["border"]
    static let exempt: Set<String> = ["spoiler"]

    /// The WCAG relative luminance of an sRGB colour.
    public static func luminance(_ rgb: (Int, Int, Int)) -> Double {
        func channel(_ value: Int) -> Double {
            let c = Double(value) / 255
            return c <= 0.039_28 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(rgb.0) + 0.7152 * channel(rgb.1) + 0.0722 * channel(rgb.2)
    }

    /// From 1 (the same) to 21 (black on white).
    public static func ratio(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Double {
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    public struct Shortfall: Equatable, Sendable, CustomStringConvertible {
        public var key: String
        public var ratio: Double
        public var minimum: Double
        public var description: String {
            "\(key): \(String(format: "%.2f", ratio)):1, needs \(String(format: "%.1f", minimum)):1"
        }
    }

    /// Every `[ui]` and `[roles]` style of `theme` below its minimum ("ui.metadata: 2.79:1…");
    /// `minimum` raises the bar for text (7 is AAA).
    public static func shortfalls(of theme: Theme, minimum textMinimum: Double = textMinimum) -> [Shortfall] {
        let terminal = theme.assumedTerminal ?? (.index(7), .index(0))
        func rgb(_ color: ThemeColor?, _ fallback: ThemeColor) -> (Int, Int, Int) {
            switch color ?? fallback {
            case .terminalDefault: return rgb(fallback, fallback)
            case .index(let index): return ColorPalette.rgb(ofIndex: index)
            case .rgb(let r, let g, let b): return (r, g, b)
            }
        }
        var found: [Shortfall] = []
        for (section, styles) in [("ui", theme.ui), ("roles", theme.roles)] {
            for (key, style) in styles.sorted(by: { $0.key < $1.key }) where !exempt.contains(key) {
                var foreground = rgb(style.foreground, terminal.foreground)
                var background = rgb(style.background, terminal.background)
                if style.attributes.contains(.reverse) { swap(&foreground, &background) }
                let minimum = lines.contains(key) ? lineMinimum : textMinimum
                let value = ratio(foreground, background)
                if value < minimum { found.append(Shortfall(key: section + "." + key, ratio: value, minimum: minimum)) }
            }
        }
        return found
    }

    /// The sRGB value of a theme colour; the terminal's own colour is `fallback`'s.
    static func rgb(_ color: ThemeColor, fallback: ThemeColor) -> (Int, Int, Int) {
        switch color {
        case .terminalDefault:
            if case .terminalDefault = fallback { return (0, 0, 0) }
            return rgb(fallback, fallback: .terminalDefault)
        case .index(let index): return ColorPalette.rgb(ofIndex: index)
        case .rgb(let r, let g, let b): return (r, g, b)
        }
    }

    /// A colour the site chose (a category's), moved toward white or black, whichever stands
    /// out more from `background`, just far enough to read at `minimum`: a dark category colour
    /// stays recognisable on a light theme and becomes readable on a dark one.
    public static func readable(
        _ color: (Int, Int, Int), on background: (Int, Int, Int), minimum: Double = textMinimum
    ) -> (Int, Int, Int) {
        if ratio(color, background) >= minimum { return color }
        let target = ratio((255, 255, 255), background) >= ratio((0, 0, 0), background) ? 255 : 0
        func mix(_ value: Int, _ step: Int) -> Int { value + (target - value) * step / 20 }
        for step in 1...20 {
            let mixed = (mix(color.0, step), mix(color.1, step), mix(color.2, step))
            if ratio(mixed, background) >= minimum { return mixed }
        }
        return (target, target, target)
    }
}
