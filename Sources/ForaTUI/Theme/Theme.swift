import ForaRender
import TOMLKit

/// An attribute a theme may ask for.
public enum ThemeAttribute: String, Sendable, CaseIterable {
    case bold, dim, italic, underline, reverse
}

/// Colours and attributes for one element or role.
public struct ThemeStyle: Equatable, Sendable {
    public var foreground: ThemeColor?
    public var background: ThemeColor?
    public var attributes: Set<ThemeAttribute>

    public init(foreground: ThemeColor? = nil, background: ThemeColor? = nil, attributes: Set<ThemeAttribute> = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// A theme file (`Themes/*.toml`): `[ui]` elements and renderer `[roles]` to styles. Keys the
/// file does not set fall back to the built-in default, so a theme may be a few lines.
public struct Theme: Sendable {
    public var name: String
    public var ui: [String: ThemeStyle]
    public var roles: [String: ThemeStyle]
    /// The terminal's own colours the theme is written for (`[meta] terminal_fg`,
    /// `terminal_bg`), which its contrast is checked against (ThemeContrast).
    public var assumedTerminal: (foreground: ThemeColor, background: ThemeColor)?

    public init(name: String, ui: [String: ThemeStyle] = [:], roles: [String: ThemeStyle] = [:]) {
        self.name = name
        self.ui = ui
        self.roles = roles
    }

    /// The style for a drawing style; category colours become a foreground, made readable
    /// on the theme's background (a site's colours are chosen for its web page, not for us).
    public func style(for textStyle: TextStyle) -> ThemeStyle {
        switch textStyle {
        case .normal: return ThemeStyle()
        case .ui(let element): return ui[element.rawValue] ?? Self.fallback.ui[element.rawValue] ?? ThemeStyle()
        case .role(let role): return roles[role.rawValue] ?? Self.fallback.roles[role.rawValue] ?? ThemeStyle()
        case .category(let hex): return ThemeStyle(foreground: readableCategoryColor(hex), attributes: [.bold])
        }
    }

    private func readableCategoryColor(_ hex: String) -> ThemeColor? {
        guard case .rgb(let r, let g, let b) = ThemeColor.hex(hex) else { return nil }
        let background = ThemeContrast.rgb(assumedTerminal?.background ?? .index(0), fallback: .index(0))
        let (red, green, blue) = ThemeContrast.readable((r, g, b), on: background)
        return .rgb(red, green, blue)
    }

    /// What NO_COLOR leaves: the attributes only.
    public func withoutColours() -> Theme {
        func strip(_ styles: [String: ThemeStyle]) -> [String: ThemeStyle] {
            styles.mapValues { ThemeStyle(attributes: $0.attributes) }
        }
        var theme = Theme(name: name, ui: strip(Self.fallback.ui).merging(strip(ui)) { $1 }, roles: [:])
        theme.roles = strip(Self.fallback.roles).merging(strip(roles)) { $1 }
        return theme
    }

    public enum ParseError: Error, Equatable {
        case invalid(String)
    }

    /// Parses a theme file; unknown colour names or attributes are errors that name the key.
    public static func parse(_ text: String, name: String) throws -> Theme {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch {
            throw ParseError.invalid("theme \(name): not valid TOML (\(error))")
        }
        var theme = Theme(name: table["meta"]?["name"]?.string ?? name)
        theme.ui = try styles(table["ui"]?.table, section: "ui", theme: name)
        theme.roles = try styles(table["roles"]?.table, section: "roles", theme: name)
        if let foreground = try color(table["meta"]?["terminal_fg"], where: "meta.terminal_fg", theme: name),
            let background = try color(table["meta"]?["terminal_bg"], where: "meta.terminal_bg", theme: name)
        {
            theme.assumedTerminal = (foreground, background)
        }
        return theme
    }

    private static func styles(_ table: TOMLTable?, section: String, theme: String) throws -> [String: ThemeStyle] {
        guard let table else { return [:] }
        var result: [String: ThemeStyle] = [:]
        for key in table.keys {
            guard let entry = table[key]?.table else {
                throw ParseError.invalid("theme \(theme): [\(section)] \(key) must be a table")
            }
            var style = ThemeStyle()
            style.foreground = try color(entry["fg"], where: "\(section).\(key).fg", theme: theme)
            style.background = try color(entry["bg"], where: "\(section).\(key).bg", theme: theme)
            for value in entry["attrs"]?.array ?? TOMLArray() {
                guard let attribute = value.string.flatMap(ThemeAttribute.init(rawValue:)) else {
                    throw ParseError.invalid("theme \(theme): unknown attribute in \(section).\(key)")
                }
                style.attributes.insert(attribute)
            }
            result[key] = style
        }
        return result
    }

    private static func color(_ value: (any TOMLValueConvertible)?, where key: String, theme: String) throws
        -> ThemeColor?
    {
        guard let value else { return nil }
        if let index = value.int, (0..<256).contains(index) { return .index(index) }
        if let name = value.string, let color = ThemeColor.parse(name: name) { return color }
        throw ParseError.invalid("theme \(theme): \(key) is not a colour")
    }
}
