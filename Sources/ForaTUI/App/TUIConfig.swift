import ForaCore
import Foundation
import TOMLKit

/// The interface's part of `$XDG_CONFIG_HOME/fora/config.toml`:
///
///     [tui]
///     theme = "light"
///     layout = "single"        # or "automatic"
///     split = 35               # the list pane's width in percent, side by side
///     mouse = false            # leave the mouse to the terminal
///     live = false             # no message-bus updates (the list still refreshes)
///     site-drafts = false      # drafts stay on this machine (not copied to the site)
///
///     [keys.reader]
///     next-unread = ["u", "C-n"]
///
/// A missing file is the defaults; a broken one is the defaults plus a warning.
public struct TUIConfig: Sendable {
    public var theme = "default"
    public var keymap = Keymap()
    public var layout = PaneLayout()
    /// Wheel scrolling and click-to-select (`[tui] mouse = false` leaves the mouse to the terminal).
    public var mouse = true
    public var warnings: [String] = []
    /// `[review.filters.NAME]` tables, in name order, and `[review] poll = SECONDS` (0: never).
    public var reviewFilters: [(name: String, filter: ReviewFilter)] = []
    public var reviewPollSeconds: Double? = 60
    /// How often the thread list reloads itself while fora runs (`[tui] refresh = SECONDS`,
    /// 0: never). nil in a bare `TUIConfig()` (tests); the app's loaded config says 120.
    public var listRefreshSeconds: Double?
    /// Live updates over the site's message bus, or polling when it has none (`[tui] live`).
    public var live = true
    /// Seconds between polls when the site has no message bus (`[tui] live-poll`).
    public var livePollSeconds: Double = 30
    /// Whether the composer keeps a copy of its drafts on the site as well (`[tui] site-drafts`).
    public var siteDrafts = true
    /// The linear mode, the cursor's visibility and the selection marker (`[ui]`).
    public var accessibility = AccessibilityConfig()

    public init() {}

    public static func load(path: String) -> TUIConfig {
        var config =
            FileManager.default.contents(atPath: path).map { parse(String(decoding: $0, as: UTF8.self)) }
            ?? TUIConfig()
        if config.listRefreshSeconds == nil { config.listRefreshSeconds = 120 }
        return config
    }

    public static func parse(_ text: String) -> TUIConfig {
        var config = TUIConfig()
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch {
            config.warnings.append("config.toml is not valid TOML; using defaults")
            return config
        }
        if let tui = table["tui"]?.table {
            if let theme = tui["theme"]?.string { config.theme = theme }
            if let layout = tui["layout"]?.string {
                if let mode = PaneLayout.Mode(rawValue: layout) {
                    config.layout.mode = mode
                } else {
                    config.warnings.append("config: [tui] layout must be \"automatic\" or \"single\"")
                }
            }
            if let mouse = tui["mouse"]?.bool { config.mouse = mouse }
            if let live = tui["live"]?.bool { config.live = live }
            // Clamped to the ranges config.toml is checked against (ConfigValidation), so no
            // value can make a sleep time that traps.
            typealias Ranges = ConfigValidation.Ranges
            if let poll = tui["live-poll"]?.int {
                config.livePollSeconds = Double(poll.clamped(to: Ranges.livePollSeconds))
            }
            if let siteDrafts = tui["site-drafts"]?.bool { config.siteDrafts = siteDrafts }
            if let refresh = tui["refresh"]?.int {
                config.listRefreshSeconds = Double(refresh.clamped(to: Ranges.refreshSeconds))
            }
            if let split = tui["split"]?.int { config.layout.listPercent = split.clamped(to: Ranges.splitPercent) }
            AccessibilityConfig.apply(tui, named: "tui", to: &config)
        }
        if let ui = table["ui"]?.table { AccessibilityConfig.apply(ui, named: "ui", to: &config) }
        if let review = table["review"]?.table { ReviewConfig.apply(review, to: &config) }
        if let keys = table["keys"]?.table {
            config.warnings += KeymapConfig.apply(keys, to: &config.keymap)
        }
        return config
    }
}

extension Int {
    func clamped(to range: ClosedRange<Int>) -> Int { Swift.min(range.upperBound, Swift.max(range.lowerBound, self)) }
}
