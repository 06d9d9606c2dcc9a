/// Where a key binding applies: `global` bindings work on every screen unless the screen's
/// own context binds the same key. The names are the `[keys.NAME]` tables of config.toml.
public enum KeyContext: String, Sendable, CaseIterable, Hashable {
    case global, list, reader, help, links, composer
    case review
    /// The site search's results and the site picker.
    case results, sites
}
