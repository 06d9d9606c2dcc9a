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
    case links
    case openLink = "open-link"
    case copyLink = "copy-link"
    case reply
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
}
