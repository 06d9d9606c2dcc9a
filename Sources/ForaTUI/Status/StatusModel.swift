/// What the status bar says. The app (and later the sync engine and outbox sender, through
/// the app) updates it; the bar is drawn from it alone.
public struct StatusModel: Equatable, Sendable {
    public enum Connection: Equatable, Sendable {
        case connecting, online, offline, syncing
        var label: String {
            switch self {
            case .connecting: return "connecting…"
            case .online: return "online"
            case .offline: return "offline"
            case .syncing: return "syncing…"
            }
        }
    }

    public var site: String
    public var connection: Connection = .connecting
    /// Writes waiting in the outbox.
    public var pendingOutbox = 0
    /// Writes the server refused (failed or in conflict), left for `fora outbox retry`/`drop`.
    public var failedOutbox = 0
    /// Seconds until the site accepts requests again, when it rate-limited us.
    public var rateLimitWait: Int?
    /// Another network wait while it lasts: "waiting 3s (site limit)", "retrying in 2s".
    public var networkWait: String?
    public var unreadTopics = 0
    /// The last error, until dismissed.
    public var lastError: String?
    /// A passing message (search misses, "copied"), cleared by the next key.
    public var message: String?
    /// Position inside the focused screen ("post 3/120"), set by the app from the screen.
    public var position: String?
    /// Reviewables waiting for a moderator (staff only; nil hides it).
    public var pendingReviews: Int?
    /// The viewer's unread notifications, as live updates report them (nil hides it).
    public var unreadNotifications: Int?

    public init(site: String) { self.site = site }
}
