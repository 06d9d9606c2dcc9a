// The moderation switches of one running demo server, Discourse site settings that tests
// and demos may want to flip: whether topics must be claimed before acting on their
// reviewables (`reviewable_claiming`), and which action vocabulary new flags offer.
import DemoCommunity
import Foundation

final class ModerationSettings: @unchecked Sendable {
    private static let companions = StateCompanions { ModerationSettings() }
    static func of(_ state: CommunityState) -> ModerationSettings { companions.of(state) }

    private let lock = NSLock()
    private var storedClaimRequired = false
    private var storedNewFlagStyle = DemoReviewable.ActionStyle.refreshed

    /// `reviewable_claiming = required`: performing needs a claim by the acting moderator.
    var claimRequired: Bool {
        get { lock.withLock { storedClaimRequired } }
        set { lock.withLock { storedClaimRequired = newValue } }
    }

    /// The action style of reviewables created by new flags: the 2025 "refresh" bundles by
    /// default, as current Discourse offers them.
    var newFlagStyle: DemoReviewable.ActionStyle {
        get { lock.withLock { storedNewFlagStyle } }
        set { lock.withLock { storedNewFlagStyle = newValue } }
    }
}
