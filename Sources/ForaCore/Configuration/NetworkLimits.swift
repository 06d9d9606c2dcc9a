/// What fora accepts from a site before it stops reading: a hostile or broken server must not
/// exhaust memory or hold a command forever. Set in config.toml's `[network]` table.
public struct NetworkLimits: Equatable, Sendable {
    /// The largest response body, after decompression (`max_response_mb`, default 64).
    public var maximumResponseBytes: Int
    /// The longest a request may take from start to end (`timeout`, seconds, default 300).
    public var timeoutSeconds: Int

    public init(maximumResponseBytes: Int = 64 * 1024 * 1024, timeoutSeconds: Int = 300) {
        self.maximumResponseBytes = maximumResponseBytes
        self.timeoutSeconds = timeoutSeconds
    }

    /// The accepted ranges of the config keys.
    public static let responseMegabytesRange = 1...4096
    public static let timeoutRange = 1...86_400
}
