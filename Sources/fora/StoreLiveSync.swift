import ForaCore
import ForaStore
import ForaTUI

/// The interface's live refreshes through the sync engine and the store: a topic's new posts
/// and the latest list are fetched the way `fora sync` fetches them (incrementally, paced, with
/// retries) and stored, so what appears live can be read offline later.
struct StoreLiveSync: LiveStoreSync {
    let store: Store
    let engine: SyncEngine
    /// Topics of the latest list kept up to date (about two pages).
    static let latestLimit = 60

    init(store: Store, source: any SyncSource) {
        self.store = store
        var options = SyncEngine.Options()
        options.lists = [.latest]
        options.topicLimit = Self.latestLimit
        engine = SyncEngine(store: store, source: source, options: options)
    }

    /// A topic missing more posts than this is not synced for one live reply (the reply is
    /// still shown, from the site); `fora sync` stores it whole.
    static let maximumMissingPosts = 100

    func refreshTopic(_ topicID: Int) async throws {
        try await engine.refreshTopic(topicID, maximumMissing: Self.maximumMissingPosts)
    }

    func refreshPosts(topicID: Int, postIDs: [Int]) async throws {
        try await engine.refreshPosts(topicID: topicID, postIDs: postIDs)
    }

    func refreshLatest() async throws -> (topics: [Topic], categories: [ForaCore.Category]) {
        _ = try await engine.refreshList(.latest)
        return (
            try store.topics(inList: SyncList.latest.key, limit: Self.latestLimit).map(\.topic), try store.categories()
        )
    }
}
