/// The answering workflow's operations (issue 7): the "mine" work list, marking lines of a
/// post to quote only those, private messages.
extension OperationTable {
    static let answeringOperations: [Operation] = [
        entry(
            .showMine, "Show topics you posted in that have new replies, oldest first (:mine)", hint: "mine",
            [.list: ["m"]]),
        entry(
            .markLines, "Mark lines of the focused post (j/k extend, \" quotes them, V again stops)",
            hint: "mark lines", [.reader: ["V"]]),
        entry(
            .showMessages, "Show your private messages; Enter reads one, R in the reader replies (:messages)",
            hint: "messages", [.list: ["P"]]),
        entry(
            .editPost, "Edit your focused post in the composer (a conflict shows a diff and asks)",
            hint: "edit", [.reader: ["e"]]),
        entry(
            .toggleSolution,
            "Mark the focused post as the topic's solution (on the solution: unmark it) (the asker or staff)",
            hint: "solve", [.reader: ["S"]]),
        entry(
            .likePost, "Like the focused post (through the outbox: offline, it waits)", hint: "like",
            [.reader: ["l"]]),
        entry(
            .bookmarkPost, "Bookmark the focused post (through the outbox: offline, it waits)", hint: "bookmark",
            [.reader: ["B"]]),
        entry(.unlikePost, "Take back your like of the focused post (l toggles)", hint: "unlike", [:]),
        entry(.unbookmarkPost, "Remove your bookmark of the focused post (B toggles)", hint: "unbookmark", [:]),
        entry(.newMessage, "Start a private message to USER (:pm USER, or several: :pm bob,carol)", hint: "pm", [:]),
    ]
}
