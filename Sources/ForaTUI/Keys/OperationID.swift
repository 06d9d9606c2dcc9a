/// Every named thing a key (or a `:` command) can do. The raw value is the name users write
/// in config.toml and on the command line.
public enum OperationID: String, Sendable, CaseIterable, Hashable {
    // Everywhere.
    case help
    case command
    case search
    case back
    case quit
    case toggleLayout = "toggle-layout"
    case splitNarrower = "split-narrower"
    case splitWider = "split-wider"
    case switchPane = "switch-pane"
    case dismissError = "dismiss-error"
    case redraw
    // Movement, shared by the lists and the reader.
    case moveDown = "move-down"
    case moveUp = "move-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case halfPageDown = "half-page-down"
    case halfPageUp = "half-page-up"
    case first
    case last
    case searchNext = "search-next"
    case searchPrevious = "search-previous"
    case refresh
    // Lists.
    case open
    // The reader.
    case nextPost = "next-post"
    case previousPost = "previous-post"
    case gotoPost = "goto-post"
    case nextUnread = "next-unread"
    case previousUnread = "previous-unread"
    case replyTarget = "reply-target"
    case solution
    case toggleQuotes = "toggle-quotes"
    case toggleHidden = "toggle-hidden"
    // The thread list's lists (also `:latest`, `:unanswered`… on the command line).
    case nextList = "next-list"
    case showLatest = "latest"
    case showNew = "new"
    case showUnread = "unread"
    case showTop = "top"
    case showUnanswered = "unanswered"
    case showUnsolved = "unsolved"
    case showNotifications = "notifications"
    case markDone = "done"
    case showCategory = "category"
    case showTag = "tag"
    case findOnSite = "find"
    case flagPost = "flag"
    // Moderating the open topic (staff; command line only).
    case closeTopic = "close"
    case reopenTopic = "reopen"
    case pinTopic = "pin"
    case unpinTopic = "unpin"
    case archiveTopic = "archive"
    case unlistTopic = "unlist"
    case relistTopic = "relist"
    case moveTopic = "move"
    // Moderating the focused post of the reader, and its author (or a review item's).
    case hidePost = "hide"
    case unhidePost = "unhide"
    case deletePost = "delete"
    case recoverPost = "recover"
    case silenceUser = "silence"
    case suspendUser = "suspend"
    case links
    case openLink = "open-link"
    case copyLink = "copy-link"
    case reply
    // Replying from the reader (the composer's own keys are in OperationTable+Composer).
    case replyToPost = "reply-to-post"
    case quotePost = "quote-post"
    case newTopic = "new-topic"
    // The composer.
    case backwardChar = "backward-char"
    case forwardChar = "forward-char"
    case backwardWord = "backward-word"
    case forwardWord = "forward-word"
    case lineStart = "line-start"
    case lineEnd = "line-end"
    case previousLine = "previous-line"
    case nextLine = "next-line"
    case backwardParagraph = "backward-paragraph"
    case forwardParagraph = "forward-paragraph"
    case screenUp = "screen-up"
    case screenDown = "screen-down"
    case textStart = "text-start"
    case textEnd = "text-end"
    case deleteBackward = "delete-backward"
    case deleteForward = "delete-forward"
    case killLine = "kill-line"
    case killLineStart = "kill-line-start"
    case killWord = "kill-word"
    case yank
    case undo
    case redo
    case complete
    case insertSnippet = "insert-snippet"
    case externalEditor = "external-editor"
    case preview
    case send
    // The review queue (issue 8).
    case reviewQueue = "review"
    case mark
    case claim
    case unclaim
    case openPost = "open-post"
    case filterStatus = "filter-status"
    case filterType = "filter-type"
    case filterCategory = "filter-category"
    case filterPriority = "filter-priority"
    case sortOrder = "sort"
    case savedFilter = "saved-filter"
    // The thread list's bookmarks and filters, site search results, the site picker.
    case showBookmarks = "bookmarks"
    case filterList = "filter"
    case filterPrompt = "filter-prompt"
    case filterUnread = "only-unread"
    case filterUnsolved = "only-unsolved"
    case sites
    /// The site's categories as a list; Enter shows one's latest topics.
    case showCategories = "categories"
    /// The community-health screen (`:stats`).
    case communityHealth = "stats"
    /// The outbox screen (`:outbox`): writes waiting, sent or refused.
    case showOutbox = "outbox"
    /// The reader: go to the post a quote was taken from.
    case followQuote = "follow-quote"
    /// `:read N` opens topic N, as `fora read N` does.
    case readTopic = "read"
    // Answering (issue 7): the "mine" work list, marking lines to quote, messages, editing.
    case showMine = "mine"
    case markLines = "mark-lines"
    case showMessages = "messages"
    case newMessage = "pm"
    case editPost = "edit-post"
    case toggleSolution = "solve"
    case likePost = "like"
    case bookmarkPost = "bookmark"
    case unlikePost = "unlike"
    case unbookmarkPost = "unbookmark"
}
