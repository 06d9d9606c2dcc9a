import TOMLKit

/// The `[keys.CONTEXT]` tables of config.toml: `operation-name = "key"` or `= ["key", "key"]`
/// (an empty list unbinds). Mistakes do not stop fora; they come back as warnings for the
/// status bar.
public enum KeymapConfig {
    public static func apply(_ keys: TOMLTable, to keymap: inout Keymap) -> [String] {
        var warnings: [String] = []
        for contextName in keys.keys.sorted() {
            guard let context = KeyContext(rawValue: contextName) else {
                warnings.append("config: unknown key section [keys.\(contextName)]")
                continue
            }
            guard let table = keys[contextName]?.table else {
                warnings.append("config: [keys.\(contextName)] must be a table")
                continue
            }
            for name in table.keys.sorted() {
                guard let operation = OperationID(rawValue: name) else {
                    warnings.append("config: unknown operation \(name) in [keys.\(contextName)]")
                    continue
                }
                let value = table[name]
                let names: [String]
                if let single = value?.string {
                    names = [single]
                } else if let array = value?.array {
                    names = array.compactMap { $0.string }
                } else {
                    warnings.append("config: \(name) in [keys.\(contextName)] must be a key or a list of keys")
                    continue
                }
                var events: [InputEvent] = []
                for keyName in names {
                    if let event = KeyName.parse(keyName) {
                        events.append(event)
                    } else {
                        warnings.append("config: unknown key \"\(keyName)\" for \(name)")
                    }
                }
                keymap.rebind(operation, to: events, in: context)
            }
        }
        return warnings
    }
}
