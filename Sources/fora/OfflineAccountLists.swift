import ForaCore
import ForaStore
import Foundation

/// The account's lists with `--offline`: what the last `fora sync` kept of the review queue
/// and the categories (notifications and bookmarks read their rows straight from the store).
extension OfflineReading {
    /// The pending review queue as synced; other statuses are not kept offline.
    static func reviewQueue(status: String, globals: GlobalOptions) async throws -> ReviewQueue {
        guard status == "pending" else {
            throw CommandFailure(.usage("--offline has the pending review queue only (sync keeps that one)"))
        }
        let store = try store(globals)
        let (document, accountSynced) = try await StoreAccess.run {
            (try store.document(Store.reviewQueueKey), try store.accountSyncedAt(Store.notificationsKey) != nil)
        }
        guard let document else {
            // The account's lists were synced, but the site did not show this account the queue.
            if accountSynced {
                throw CommandFailure(.notFound("the review queue is not kept offline: this account cannot review"))
            }
            throw CommandFailure(StoreError.notSynced("the review queue").foraError)
        }
        do {
            return try JSONDecoder().decode(ReviewQueue.self, from: Data(document.body))
        } catch {
            throw CommandFailure(.malformedResponse(endpoint: "the stored review queue", field: "reviewables"))
        }
    }

    /// A category id from its id, slug or name, among the synced categories.
    static func categoryID(of category: String, globals: GlobalOptions) async throws -> Int {
        if let id = Int(category) { return id }
        let store = try store(globals)
        let categories = try await StoreAccess.run { try store.categories() }
        guard let found = categories.first(where: { $0.slug == category || $0.name == category }) else {
            throw CommandFailure(.notFound("no synced category \"\(category)\" (run `fora sync` while online)"))
        }
        return found.id
    }
}
