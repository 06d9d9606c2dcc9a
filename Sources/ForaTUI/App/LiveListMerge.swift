import ForaCore

/// The latest list after a live refresh through the store. The store judges "unread" from
/// what was read on this machine, the site from everything the user read anywhere; so that a
/// refresh does not flip the markers of topics nothing happened to, a topic that is still
/// listed with the same posts keeps the marker it had, and a topic that moved or is new is
/// marked unread (something arrived in it).
enum LiveListMerge {
    static func merge(shown: [Topic], fresh: [Topic]) -> [Topic] {
        let before = Dictionary(shown.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return fresh.map { topic in
            var merged = topic
            if let old = before[topic.id] {
                let unchanged = old.postsCount == topic.postsCount && old.lastPostedAt == topic.lastPostedAt
                merged.unread = unchanged ? old.unread : true
            } else {
                merged.unread = true
            }
            return merged
        }
    }
}
