import ForaCore

/// Which post a post action acts on: the focused post of the reader the user is looking at
/// (the one over the review queue or the search results, else the main one). A count before
/// the key, or a number after the command (`7H`, `:hide 7`), names the post instead.
extension AppController {
    /// The operations that act on one post (or its author) and take its number as a count.
    static let postTargetingOperations: Set<OperationID> = [
        .likePost, .bookmarkPost, .editPost, .toggleSolution, .hidePost, .unhidePost, .deletePost, .recoverPost,
        .quotePost, .silenceUser, .suspendUser, .flagPost,
    ]

    /// The reader on top: one opened over an overlay (the review queue's `o`), else the main one.
    var activeReader: ReaderScreen? { (overlays.last as? ReaderScreen) ?? (overlays.isEmpty ? reader : nil) }

    /// Focuses post `count` of the active reader before a post action; false (and the reason
    /// in the status bar) when it cannot, so the action does not fall on another post.
    func focusPostForCount(_ operation: OperationID, count: Int?) -> Bool {
        guard let count, Self.postTargetingOperations.contains(operation), let reader = activeReader else {
            return true
        }
        guard reader.focusLoadedPost(number: count) else {
            status.message = "post #\(count) is not loaded here (\(count)G goes there first): nothing done"
            return false
        }
        return true
    }

    /// Shows a topic again after a write changed it: the reader over an overlay in place,
    /// else the main reader.
    func reloadAfterWrite(topicID: Int, title: String, at number: Int) {
        if let top = overlays.last as? ReaderScreen, top.topic.id == topicID {
            overlays.removeLast()
            openPost(topicID: topicID, postNumber: number)
        } else {
            open(Topic(id: topicID, title: title), at: number)
        }
    }
}

extension AppController {
    /// `:categories`: the site's categories over the list; Enter shows one.
    func openCategoryList() {
        let screen = CategoryListScreen(categories: Array(list.categories.values)) { [weak self] category in
            self?.switchList(to: .category, argument: category.slug)
        }
        overlays.append(screen)
    }
}
