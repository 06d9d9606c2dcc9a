/// The thread list's bookmarks and filters, the site search results, the site picker and
/// following a quote to its source.
/// Movement, Enter and q in the results and the picker come from the core table.
extension OperationTable {
    static let listOperations: [Operation] = [
        entry(
            .showBookmarks, "Show your bookmarks; opening one goes to the bookmarked post", hint: "bookmarks",
            [.list: ["b"]]),
        entry(
            .filterList, "Show only topics whose title or tags contain TEXT (:filter TEXT; :filter alone clears)",
            hint: "filter", [:]),
        entry(.filterPrompt, "Type a filter for the list (:filter TEXT)", hint: "filter", [.list: ["f"]]),
        entry(.filterUnread, "Show only unread topics, or all again", hint: "unread only", [.list: ["u"]]),
        entry(.filterUnsolved, "Show only unsolved topics, or all again", hint: "unsolved only", [.list: ["s"]]),
        entry(
            .followQuote, "Go to the post the first quote of this post comes from (a count picks quote N)",
            hint: "quote source", count: true, [.reader: ["f"]]),
        entry(.readTopic, "Open topic N in the reader (:read N, as fora read N)", hint: "read", count: true, [:]),
        entry(.sites, "Pick another site from config.toml (:sites)", hint: "sites", [.list: ["S"]]),
        entry(.showCategories, "List the site's categories; Enter shows one's latest topics", hint: "categories", [:]),
    ]
}
