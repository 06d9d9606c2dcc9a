/// One named operation: what it does, the short label the status line uses, and its default
/// keys per context. Dispatch, the `?` screen, the status-line hints and the `:` command line
/// are all generated from `OperationTable.all`, so they cannot disagree.
public struct Operation: Sendable {
    public var id: OperationID
    public var description: String
    /// A word or two for the status line ("move", "open").
    public var hint: String
    /// Default keys by context, as `KeyName` spells them.
    public var keys: [KeyContext: [String]]
    /// Whether the operation takes a count (`5j`, `12G`, `:goto-post 12`).
    public var takesCount: Bool

    public var name: String { id.rawValue }
}

/// The single table of operations.
public enum OperationTable {
    static let lists: [KeyContext] = [.list, .reader, .help, .links, .review, .results, .sites]

    private static func op(
        _ id: OperationID, _ description: String, hint: String, count: Bool = false,
        _ keys: [KeyContext: [String]]
    ) -> Operation {
        Operation(id: id, description: description, hint: hint, keys: keys, takesCount: count)
    }

    /// The same keys in every context of `contexts`.
    private static func everywhere(_ contexts: [KeyContext], _ keys: [String]) -> [KeyContext: [String]] {
        Dictionary(uniqueKeysWithValues: contexts.map { ($0, keys) })
    }

    /// Every operation: the core ones, then the composer's, the review queue's, the lists',
    /// moderation's and answering's.
    public static let all: [Operation] =
        core + composerOperations + reviewOperations + listOperations + moderationOperations
        + answeringOperations + healthOperations + outboxOperations

    /// Builds one entry (the composer's table in OperationTable+Composer uses it too).
    static func entry(
        _ id: OperationID, _ description: String, hint: String, count: Bool = false,
        _ keys: [KeyContext: [String]]
    ) -> Operation { op(id, description, hint: hint, count: count, keys) }

    private static let core: [Operation] = [
        op(
            .help, "Show the keys of this screen and every command", hint: "help", [.global: ["?"], .composer: ["M-?"]]),
        op(
            .command, "Type a command (Tab completes, Up/Down recall)", hint: "command",
            [.global: [":"], .composer: ["M-x"]]),
        op(.search, "Search forward in this screen", hint: "search", [.list: ["/"], .reader: ["/"]]),
        op(
            .back, "Go back; on another list, back to Latest; on Latest, quit", hint: "back",
            [
                .list: ["q"], .reader: ["q", "Esc", "h", "Left"], .help: ["q", "Esc", "?"], .links: ["q", "Esc"],
                .composer: ["Esc", "C-c"], .review: ["q", "Esc"], .results: ["q", "Esc", "h", "Left"],
                .sites: ["q", "Esc"],
            ]),
        op(.quit, "Quit fora at once", hint: "quit", [.global: ["Q"]]),
        op(.toggleLayout, "Toggle side-by-side panes and one pane", hint: "layout", [.global: ["\\"]]),
        op(.splitNarrower, "Make the list pane narrower", hint: "split", [.global: ["<"]]),
        op(.splitWider, "Make the list pane wider", hint: "split", [.global: [">"]]),
        op(.switchPane, "Move the focus to the other pane", hint: "pane", [.global: ["Tab"], .composer: ["M-o"]]),
        op(.dismissError, "Dismiss the error in the status bar", hint: "dismiss", [.global: ["x"]]),
        op(.redraw, "Redraw the screen", hint: "redraw", [.global: ["C-l"]]),
        op(
            .moveDown, "Move down (in the reader: focus the next post; a count moves further)", hint: "move",
            count: true, everywhere(lists, ["j", "Down"])),
        op(
            .moveUp, "Move up (in the reader: focus the previous post)", hint: "move", count: true,
            everywhere(lists, ["k", "Up"])),
        op(
            .pageDown, "Page down", hint: "page", count: true,
            everywhere(lists, ["PgDn", "Space", "C-f"]).merging([.review: ["PgDn", "C-f"]]) { $1 }),
        op(.pageUp, "Page up", hint: "page", count: true, everywhere(lists, ["PgUp", "C-b"])),
        op(.halfPageDown, "Half a page down", hint: "½page", count: true, everywhere(lists, ["C-d"])),
        op(.halfPageUp, "Half a page up", hint: "½page", count: true, everywhere(lists, ["C-u"])),
        op(.first, "Go to the top", hint: "top", everywhere(lists, ["g", "Home"])),
        op(
            .last, "Go to the end (in the reader: focus the last post; a count focuses that post)", hint: "end",
            count: true,
            everywhere(lists, ["G", "End"])),
        op(.searchNext, "Next match of the last search", hint: "next match", [.list: ["n"], .reader: ["n"]]),
        op(.searchPrevious, "Previous match of the last search", hint: "prev match", [.list: ["N"], .reader: ["N"]]),
        op(.refresh, "Reload from the site", hint: "refresh", [.list: ["r"], .reader: ["r"], .review: ["r"]]),
        op(
            .open, "Open the selected topic (in the review queue: its detail)", hint: "open",
            // Not `l`: in the reader `l` likes (as on the web), so `l l` from a list liked a post.
            [
                .list: ["Enter", "Right"], .review: ["Enter"], .results: ["Enter", "Right"],
                .sites: ["Enter", "Right"],
            ]),
        op(.nextPost, "Focus the next post", hint: "post", count: true, [.reader: ["J", "]"]]),
        op(.previousPost, "Focus the previous post", hint: "post", count: true, [.reader: ["K", "["]]),
        op(.gotoPost, "Focus post number N (:goto-post N, or NG)", hint: "goto", count: true, [.reader: ["#"]]),
        op(.nextUnread, "Next unread post", hint: "unread", [.reader: ["u"]]),
        op(.previousUnread, "Previous unread post", hint: "unread", [.reader: ["U"]]),
        op(.replyTarget, "Go to the post this one replies to", hint: "parent", [.reader: ["p"]]),
        op(.solution, "Go to the accepted solution", hint: "solution", [.reader: ["s"]]),
        op(.toggleQuotes, "Fold or unfold quotes", hint: "quotes", [.reader: ["z"]]),
        op(.toggleHidden, "Reveal or hide spoilers and collapsed details", hint: "spoilers", [.reader: ["v"]]),
        op(
            .nextList, "Show the next list: latest, new, unread, top, unanswered, unsolved, mine, notifications",
            hint: "lists",
            [.list: ["t"]]),
        op(.showLatest, "Show the latest topics", hint: "latest", [:]),
        op(.showNew, "Show topics new to you", hint: "new", [:]),
        op(.showUnread, "Show topics with unread posts", hint: "unread", [:]),
        op(.showTop, "Show this month's top topics", hint: "top", [:]),
        op(.showUnanswered, "Show questions nobody answered yet, oldest first", hint: "unanswered", [:]),
        op(.showUnsolved, "Show open questions without a solution, oldest first", hint: "unsolved", [:]),
        op(
            .showNotifications, "Show your notifications; opening one goes to its post", hint: "notifications",
            [.list: ["!"]]),
        op(.showCategory, "Show a category's latest topics (:category NAME)", hint: "category", [:]),
        op(.showTag, "Show a tag's latest topics (:tag NAME)", hint: "tag", [:]),
        op(.flagPost, "Flag the focused post for the moderators (:flag spam, :flag off_topic…)", hint: "flag", [:]),
        op(.findOnSite, "Search the whole site (:find QUERY, with Discourse's filters)", hint: "find", [:]),
        op(.closeTopic, "Close the open topic to new replies (moderators)", hint: "close", [:]),
        op(.reopenTopic, "Open the closed topic again (moderators)", hint: "reopen", [:]),
        op(.pinTopic, "Pin the open topic (moderators)", hint: "pin", [:]),
        op(.unpinTopic, "Unpin the open topic (moderators)", hint: "unpin", [:]),
        op(.archiveTopic, "Archive the open topic (moderators)", hint: "archive", [:]),
        op(.unlistTopic, "Unlist the open topic (moderators)", hint: "unlist", [:]),
        op(.relistTopic, "List the unlisted topic again (moderators)", hint: "relist", [:]),
        op(
            .markDone, "Mark a question done: hidden from the work lists until a new reply", hint: "done",
            [.list: ["D"]]),
        op(.links, "List the links of the current post", hint: "links", [.reader: ["L"]]),
        op(
            .openLink, "Open a link in $BROWSER (a count picks link N)", hint: "open link", count: true,
            [.reader: ["o"], .links: ["Enter", "o"]]),
        op(
            .copyLink, "Copy a link to the clipboard (a count picks link N)", hint: "copy", count: true,
            [.reader: ["y"], .links: ["y"]]),
        op(.reply, "Reply to the topic in the composer", hint: "reply", [.reader: ["R"]]),
    ]

    public static func operation(_ id: OperationID) -> Operation? { all.first { $0.id == id } }

    /// An operation by its name or a short alias the command line accepts.
    public static func operation(named name: String) -> Operation? {
        let aliases: [String: OperationID] = ["q": .back, "goto": .gotoPost, "h": .help, "qa": .quit]
        if let id = OperationID(rawValue: name) ?? aliases[name] { return operation(id) }
        return nil
    }
}
