import ForaCore

/// Posts that arrive while the topic is open (live updates).
extension ReaderScreen {
    /// Appends posts published since the topic was opened: the stream grows to `total`, the
    /// posts take their positions from `start` on and carry the "new" marker (they are unread,
    /// so next-unread finds them). The top of the screen stays where it is, even after `G`.
    public func receiveLive(_ posts: [ReaderPost], at start: Int, total: Int) {
        followEnd = false
        let marked = posts.map { post in
            var unread = post
            unread.isRead = false
            return unread
        }
        stream.extend(to: total, with: marked, at: start)
    }

    /// Replaces a post that changed (edited, liked) where it stands, keeping whether it was
    /// read; its rendering is redone. The reading position does not move.
    public func replaceLive(_ post: ReaderPost, at position: Int) {
        guard let old = stream[position], old.id == post.id else { return }
        var changed = post
        changed.isRead = old.isRead
        stream.insert([changed], at: position)
        cache = cache.filter { $0.key.postID != post.id }
    }
}
