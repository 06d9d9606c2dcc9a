import Foundation

/// fora's directories per the XDG base directory spec, with the usual fallbacks under $HOME.
public struct XDGPaths: Equatable, Sendable {
    public var config: String
    public var data: String
    public var state: String

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let home = environment["HOME"] ?? NSHomeDirectory()
        func base(_ key: String, _ fallback: String) -> String {
            if let value = environment[key], value.hasPrefix("/") { return value }
            return home + "/" + fallback
        }
        config = base("XDG_CONFIG_HOME", ".config") + "/fora"
        data = base("XDG_DATA_HOME", ".local/share") + "/fora"
        state = base("XDG_STATE_HOME", ".local/state") + "/fora"
    }
}
