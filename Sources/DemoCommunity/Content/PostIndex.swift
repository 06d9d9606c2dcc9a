// A sorted index of generated post-id ranges so `topicId(ofPost:)` is a binary search.

extension CommunityData {
    /// Rebuilds `topicIdsByFirstPostId` (topic ids sorted by their first generated post id).
    mutating func rebuildPostIndex() {
        topicIdsByFirstPostId = topics.values.filter { $0.generatedPostCount > 0 }
            .sorted { $0.firstPostId < $1.firstPostId }.map(\.id)
    }

    /// Binary search over the generated ranges; nil when the id is in no range.
    func indexedTopicId(ofPost postId: Int) -> Int? {
        var low = 0
        var high = topicIdsByFirstPostId.count - 1
        while low <= high {
            let mid = (low + high) / 2
            guard let topic = topics[topicIdsByFirstPostId[mid]] else { return nil }
            if postId < topic.firstPostId {
                high = mid - 1
            } else if postId >= topic.firstPostId + topic.generatedPostCount {
                low = mid + 1
            } else {
                return topic.id
            }
        }
        return nil
    }
}
