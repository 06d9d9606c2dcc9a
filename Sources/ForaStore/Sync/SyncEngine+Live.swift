import ForaCore

/// The sync engine's small steps, for live updates: when the message bus says a list moved
/// or a topic has new posts, the interface refreshes just that through the same incremental
/// engine `fora sync` uses, so what it shows is also stored for offline reading.
extension SyncEngine {
    /// Refreshes one list's pages (topic metadata, no posts); returns the listed topic ids.
    public func refreshList(_ list: SyncList) async throws -> [Int] {
        try await syncList(list) { _ in }
    }

    /// Fetches the posts of a topic that are not stored yet and marks it synced once complete.
    /// A topic no synced list holds (opened from a search, say) is stored first, so its posts
    /// have a topic to belong to. When more than `maximumMissing` posts are missing (a long
    /// topic never synced), nothing is fetched and false is returned: one live reply should
    /// not cost a whole sync of the topic against the site's rate limits.
    @discardableResult
    public func refreshTopic(_ topicID: Int, maximumMissing: Int = .max) async throws -> Bool {
        let stream = try await source.topicStream(topicID: topicID)
        let stored = Set(try store.storedPostVersions(topicID: topicID).keys)
        let missing = stream.postIDs.count(where: { !stored.contains($0) })
        guard missing <= maximumMissing else { return false }
        if (try? store.topic(id: topicID)) == nil {
            try store.write { db in try Store.upsert(topics: [stream.summary], db) }
        }
        // Not an update visit: edits reach the interface through `refreshPosts` instead of the
        // extra request for recent posts a full sync makes.
        try await syncTopic(TopicWork(id: topicID, missingEstimate: missing, wasSynced: false)) { _ in }
        return true
    }

    /// Fetches posts that changed (an edit, a like) and stores them again. Posts of a topic
    /// the store does not hold are left alone.
    public func refreshPosts(topicID: Int, postIDs: [Int]) async throws {
        guard !postIDs.isEmpty, (try? store.topic(id: topicID)) != nil else { return }
        try store.savePosts(try await source.posts(topicID: topicID, postIDs: postIDs))
    }
}
