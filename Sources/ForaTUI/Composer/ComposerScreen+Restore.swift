import ForaCore

/// Filling a composer after it opened (a draft the site sent back).
extension ComposerScreen {
    /// Puts `post` in the fields when nothing was typed yet; false (and nothing changes) once
    /// the user has started writing, whose text always wins.
    @discardableResult
    public func restore(_ post: ComposedPost) -> Bool {
        guard isEmpty, !isSending else { return false }
        if let title = post.title { buffers[.title] = EditBuffer(title) }
        if !post.tags.isEmpty { buffers[.tags] = EditBuffer(post.tags.joined(separator: ", ")) }
        if let id = post.categoryID, let name = categories.first(where: { $0.id == id })?.name {
            buffers[.category] = EditBuffer(name)
        }
        buffers[.body] = EditBuffer(post.raw)
        if target.topicID != nil, target.replyToPostNumber == nil, let number = post.replyToPostNumber {
            target.replyToPostNumber = number
        }
        field = target.topicID == nil && text(of: .title).isEmpty ? .title : .body
        return true
    }
}
