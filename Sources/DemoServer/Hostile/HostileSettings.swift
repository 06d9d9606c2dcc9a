// Server misbehaviour a hostile or broken Discourse could show, served on demand so the client's
// defences (keys kept to their site, bounded memory, bounded time) are tested against real HTTP.
// Unlike `FaultSettings`, these are not counted faults but a standing mode: every matching
// request gets the hostile answer.
import Foundation

public struct HostileSettings: Sendable, Equatable {
    /// Redirect API requests whose path starts with `redirectPathPrefix` to this base URL (the
    /// request's path and query appended), e.g. another port that records what it receives.
    public var redirectTarget: String?
    public var redirectPathPrefix: String = "/"
    /// The status of those redirects (301, 302, 303, 307 or 308).
    public var redirectStatus: Int = 302
    /// Answer API requests whose path starts with this with 200 and a JSON body that never ends.
    public var endlessBodyPathPrefix: String?
    /// Pause between the endless body's 64 KB chunks (0: as fast as the client reads).
    public var endlessBodyDelayMs: Int = 0
    /// Topic views (`/t/….json`) claim this many posts and carry no `post_stream.stream`.
    public var absurdPostsCount: Int?

    public init() {}

    public var isActive: Bool { redirectTarget != nil || endlessBodyPathPrefix != nil || absurdPostsCount != nil }

    /// The reasons these settings cannot be used, empty when they are fine.
    public var problems: [String] {
        var problems: [String] = []
        if let target = redirectTarget, !(target.hasPrefix("http://") || target.hasPrefix("https://")) {
            problems.append("the redirect target must be an http:// or https:// URL")
        }
        if ![301, 302, 303, 307, 308].contains(redirectStatus) {
            problems.append("the redirect status must be 301, 302, 303, 307 or 308")
        }
        if endlessBodyDelayMs < 0 { problems.append("the endless body's delay must be ≥ 0") }
        if let count = absurdPostsCount, count < 0 { problems.append("the absurd posts_count must be ≥ 0") }
        return problems
    }
}
