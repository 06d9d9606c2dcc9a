/// Who is looking, as far as moderation is concerned (`/session/current.json` and the
/// per-object `can_*` permissions the API reports).
public struct ModerationViewer: Equatable, Sendable {
    public var isAdmin: Bool
    public var isModerator: Bool
    public var trustLevel: Int
    public var isLoggedIn: Bool

    public init(isAdmin: Bool = false, isModerator: Bool = false, trustLevel: Int = 0, isLoggedIn: Bool = true) {
        self.isAdmin = isAdmin
        self.isModerator = isModerator
        self.trustLevel = trustLevel
        self.isLoggedIn = isLoggedIn
    }

    public var isStaff: Bool { isAdmin || isModerator }
}

/// Every moderation operation fora offers, with its precondition. An operation the viewer may
/// not perform is not offered, and the help shows its key as unavailable with the reason,
/// instead of letting the server refuse it.
public enum ModerationOperation: String, CaseIterable, Sendable {
    case closeTopic = "topic close"
    case openTopic = "topic open"
    case pinTopic = "topic pin"
    case unpinTopic = "topic unpin"
    case listTopic = "topic list"
    case unlistTopic = "topic unlist"
    case archiveTopic = "topic archive"
    case moveTopic = "topic move"
    case hidePost = "post hide"
    case unhidePost = "post unhide"
    case deletePost = "post delete"
    case recoverPost = "post recover"
    case flagPost = "flag"
    case silenceUser = "user silence"
    case suspendUser = "user suspend"
    case reviewQueue = "review list"
    case reviewAct = "review act"
    case reviewClaim = "review claim"

    /// Permissions the server reported for the object at hand (`details.can_*` of a topic,
    /// `can_*` of a post); absent keys mean "not reported", which falls back to the role.
    public typealias Reported = [String: Bool]

    /// Why the viewer may not do this, or nil when they may.
    public func unavailableReason(for viewer: ModerationViewer, reported: Reported = [:]) -> String? {
        guard viewer.isLoggedIn else { return "log in first" }
        switch self {
        case .flagPost:
            if reported["can_flag"] == false { return "you cannot flag this post" }
            return nil
        case .silenceUser, .suspendUser:
            return viewer.isStaff ? nil : "only staff can \(rawValue.split(separator: " ").last ?? "")"
        case .deletePost, .recoverPost:
            if let flag = reported[self == .deletePost ? "can_delete" : "can_recover"] {
                return flag ? nil : "you cannot \(self == .deletePost ? "delete" : "recover") this post"
            }
            return viewer.isStaff ? nil : "only staff or the author can do this"
        case .moveTopic:
            if let flag = reported["can_move_topic"] ?? reported["can_edit"] {
                return flag ? nil : "you cannot move it"
            }
            return viewer.isStaff ? nil : "only staff can move topics"
        default:
            if let flag = reported["can_moderate"] ?? reported["can_review"], !flag { return "not allowed here" }
            return viewer.isStaff ? nil : "moderators only"
        }
    }

    public func isAvailable(for viewer: ModerationViewer, reported: Reported = [:]) -> Bool {
        unavailableReason(for: viewer, reported: reported) == nil
    }

    /// Asks for confirmation before running, whoever runs it.
    public var isDestructive: Bool { [.deletePost, .silenceUser, .suspendUser].contains(self) }

    /// `PUT /t/{id}/status.json` parameters for the topic operations (`unlist` is
    /// `visible=false`, as the brief notes).
    public var topicStatus: (status: String, enabled: Bool)? {
        switch self {
        case .closeTopic: return ("closed", true)
        case .openTopic: return ("closed", false)
        case .pinTopic: return ("pinned", true)
        case .unpinTopic: return ("pinned", false)
        case .listTopic: return ("visible", true)
        case .unlistTopic: return ("visible", false)
        case .archiveTopic: return ("archived", true)
        default: return nil
        }
    }
}
