import ForaCore
import ForaStore
import Foundation

/// A review source that falls back to the pending queue `fora sync` stored (the server's own
/// answer, joined by ForaCore's `ReviewPayload`) when the site cannot be reached, so a moderator can read the queue
/// offline. Actions still need the site: they fail with its error.
public struct OfflineReviewSource: ReviewDataSource {
    private let network: any ReviewDataSource
    private let store: Store
    private let username: String

    public init(network: any ReviewDataSource, store: Store, username: String) {
        self.network = network
        self.store = store
        self.username = username
    }

    /// Offline, sync having kept a queue means this account could review when it synced.
    public func viewer() async throws -> ReviewViewer {
        do {
            return try await network.viewer()
        } catch  where AppController.isUnreachable(error) {
            guard storedQueue() != nil else { throw error }
            return ReviewViewer(
                username: username, permissions: ModerationViewer(isModerator: true, trustLevel: 4, isLoggedIn: true))
        }
    }

    public func list(_ filter: ReviewFilter) async throws -> ReviewPage {
        do {
            return try await network.list(filter)
        } catch  where AppController.isUnreachable(error) {
            // Sync keeps the pending queue only.
            guard filter.status == .pending, let json = storedQueue() else { throw error }
            let payload = ReviewPayload(json)
            let items = (json["reviewables"] as? [[String: Any]] ?? []).map(payload.item)
            let count = (json["meta"] as? [String: Any])?["reviewable_count"] as? Int
            return ReviewPage(items: items, pendingCount: count ?? items.count, isOffline: true)
        }
    }

    public func pendingCount() async throws -> Int {
        do {
            return try await network.pendingCount()
        } catch  where AppController.isUnreachable(error) {
            guard let json = storedQueue() else { throw error }
            return (json["meta"] as? [String: Any])?["reviewable_count"] as? Int
                ?? (json["reviewables"] as? [Any])?.count ?? 0
        }
    }

    public func detail(id: Int) async throws -> ReviewItem { try await network.detail(id: id) }

    public func perform(id: Int, actionID: String, version: Int, penalty: ReviewPenalty?) async throws
        -> ReviewPerformOutcome
    {
        try await network.perform(id: id, actionID: actionID, version: version, penalty: penalty)
    }

    public func claim(topicID: Int) async throws { try await network.claim(topicID: topicID) }
    public func unclaim(topicID: Int) async throws { try await network.unclaim(topicID: topicID) }

    // Every other call goes to the site as it is: the protocol's defaults (for sources without
    // them) must not stand in for the wrapped source's own.

    public func explain(id: Int) async throws -> ReviewExplanation { try await network.explain(id: id) }

    public func perform(id: Int, actionID: String, version: Int, reason: String) async throws
        -> ReviewPerformOutcome
    {
        try await network.perform(id: id, actionID: actionID, version: version, reason: reason)
    }

    public func postForEditing(topicID: Int, postNumber: Int) async throws -> ReviewPostText {
        try await network.postForEditing(topicID: topicID, postNumber: postNumber)
    }

    public func savePost(id: Int, raw: String, originalRaw: String) async throws {
        try await network.savePost(id: id, raw: raw, originalRaw: originalRaw)
    }

    /// The stored queue as the site sent it, nil when sync kept none.
    private func storedQueue() -> [String: Any]? {
        guard let document = try? store.document(Store.reviewQueueKey) else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(document.body))) as? [String: Any]
    }
}
