// Who may see and do what, in one place, so every endpoint family answers a forbidden request
// the same way real Discourse does (its "guardian"): 403 `not_logged_in` when a login is
// needed, 403 `invalid_access` when the user is known but not allowed, 404 for things a
// viewer must not even learn exist (deleted topics and posts for non-staff).
import DemoCommunity
import Foundation

/// The user behind a viewer, if signed in and still present in the community.
func viewerUser(_ viewer: Viewer, in data: CommunityData) -> DemoUser? {
    viewer.userId.flatMap { data.users[$0] }
}

/// The id of the signed-in user, or 403 `not_logged_in`.
func requireUser(_ viewer: Viewer) throws -> Int {
    guard let id = viewer.userId else { throw DemoAPIError.notLoggedIn }
    return id
}

/// The signed-in user, or 403 `not_logged_in` (also when the user no longer exists).
func requireUser(_ viewer: Viewer, in data: CommunityData) throws -> DemoUser {
    guard let user = viewerUser(viewer, in: data) else { throw DemoAPIError.notLoggedIn }
    return user
}

/// Moderators and admins.
func isStaff(_ viewer: Viewer, in data: CommunityData) -> Bool {
    viewerUser(viewer, in: data)?.isStaff ?? false
}

func isAdmin(_ viewer: Viewer, in data: CommunityData) -> Bool {
    viewerUser(viewer, in: data)?.role == .admin
}

/// A staff member, or 403 (`not_logged_in` for anonymous, `invalid_access` otherwise).
@discardableResult
func requireStaff(_ viewer: Viewer, in data: CommunityData) throws -> DemoUser {
    let user = try requireUser(viewer, in: data)
    guard user.isStaff else { throw DemoAPIError.forbidden() }
    return user
}

/// An admin, or 403.
@discardableResult
func requireAdmin(_ viewer: Viewer, in data: CommunityData) throws -> DemoUser {
    let user = try requireUser(viewer, in: data)
    guard user.role == .admin else { throw DemoAPIError.forbidden() }
    return user
}

/// Whether the viewer's credentials carry `scope`. All-users API keys carry every scope;
/// User API Keys carry what the user approved (`write` implies `read`), as
/// `UserApiKeyScope` in Discourse grants them.
func hasScope(_ viewer: Viewer, _ scope: String) -> Bool {
    guard case .user(_, let scopes) = viewer else { return false }
    guard let scopes else { return true }
    if scopes.contains(scope) { return true }
    return scope == "read" && scopes.contains("write")
}

/// Private messages are visible to their participants and staff; deleted topics to staff
/// only. Unlisted (invisible) topics stay reachable by link, as in Discourse.
func canSee(topic: DemoTopic, viewer: Viewer, data: CommunityData) -> Bool {
    let staff = isStaff(viewer, in: data)
    if topic.deletedAt != nil && !staff { return false }
    if topic.isPrivateMessage {
        guard let id = viewer.userId else { return false }
        return staff || topic.allowedUserIds.contains(id) || topic.userId == id
    }
    return true
}

/// Whether a topic belongs in the viewer's topic lists (latest, categories, tags, search):
/// visible, not a private message, and not deleted.
func isListed(topic: DemoTopic, viewer: Viewer, data: CommunityData) -> Bool {
    !topic.isPrivateMessage && topic.deletedAt == nil
        && (topic.visible || isStaff(viewer, in: data))
}

/// The topic, or the error Discourse gives for it: 404 for a missing or (for non-staff)
/// deleted topic, 403 `invalid_access` for somebody else's private message (anonymous
/// viewers included, as Discourse's guardian answers them).
func requireVisibleTopic(_ topicId: Int, viewer: Viewer, data: CommunityData) throws -> DemoTopic {
    guard let topic = data.topics[topicId] else { throw DemoAPIError.notFound }
    if topic.deletedAt != nil && !isStaff(viewer, in: data) { throw DemoAPIError.notFound }
    guard canSee(topic: topic, viewer: viewer, data: data) else { throw DemoAPIError.forbidden() }
    return topic
}

/// Deleted posts and whispers are shown to staff only; the rest to whoever sees the topic.
func canSee(post: DemoPost, viewer: Viewer, data: CommunityData) -> Bool {
    if post.deletedAt == nil && post.postType != 4 { return true }
    return isStaff(viewer, in: data)
}

/// Whether the viewer may read the private-message lists of `username`: that user or staff.
func canSeePrivateMessages(of user: DemoUser, viewer: Viewer, data: CommunityData) -> Bool {
    viewer.userId == user.id || isStaff(viewer, in: data)
}
