/// Key names as users write them in config.toml and as the help screen shows them:
/// a printable character as itself, `C-x` for control keys (also `C-_`, `C-^`), `M-x` for
/// Alt (Meta) with a character, and `Up`, `Down`, `Left`, `Right`,
/// `PgUp`, `PgDn`, `Home`, `End`, `Enter`, `Esc`, `Tab`, `Space`, `Backspace`, `Delete`.
public enum KeyName {
    private static let named: [(String, InputEvent)] = [
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right), ("PgUp", .pageUp),
        ("PgDn", .pageDown), ("Home", .home), ("End", .end), ("Enter", .enter), ("Esc", .escape),
        ("Tab", .tab), ("Space", .character(" ")), ("Backspace", .backspace), ("Delete", .delete),
    ]

    /// Alternative spellings accepted when parsing.
    private static let aliases: [String: InputEvent] = [
        "PageUp": .pageUp, "PageDown": .pageDown, "Return": .enter, "Escape": .escape, "BS": .backspace,
    ]

    /// Nil when `name` is not a key.
    public static func parse(_ name: String) -> InputEvent? {
        if let match = named.first(where: { $0.0.lowercased() == name.lowercased() }) { return match.1 }
        if let match = aliases.first(where: { $0.key.lowercased() == name.lowercased() }) { return match.value }
        for prefix in ["C-", "Ctrl-", "^"] where name.count == prefix.count + 1 && name.hasPrefix(prefix) {
            guard let letter = name.last?.lowercased().unicodeScalars.first,
                ("a"..."z").contains(letter) || "[\\]^_".unicodeScalars.contains(letter)
            else { return nil }
            let code = letter.value & 0x1F
            return Unicode.Scalar(code).map { .character(Character($0)) }
        }
        if name.count == 3, name.hasPrefix("M-"), let character = name.last { return .alt(character) }
        if name.count == 1, let character = name.first { return .character(character) }
        return nil
    }

    public static func name(of event: InputEvent) -> String {
        if let match = named.first(where: { $0.1 == event }) { return match.0 }
        switch event {
        case .character(let character):
            if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                scalar.value < 0x20, let letter = Unicode.Scalar(scalar.value | (scalar.value < 0x1B ? 0x60 : 0x40))
            {
                return "C-" + String(Character(letter))
            }
            return String(character)
        case .alt(let character): return "M-" + String(character)
        case .resize: return "Resize"
        default: return "?"
        }
    }
}
