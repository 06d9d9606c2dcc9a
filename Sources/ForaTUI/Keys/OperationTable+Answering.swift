/// The answering workflow's operations (issue 7): the "mine" work list and marking lines of a
/// post to quote only those.
extension OperationTable {
    static let answeringOperations: [Operation] = [
        entry(
            .showMine, "Show topics you posted in that have new replies, oldest first (:mine)", hint: "mine",
            [.list: ["m"]]),
        entry(
            .markLines, "Mark lines of the post at the top (j/k extend, \" quotes them, V again stops)",
            hint: "mark lines", [.reader: ["V"]]),
    ]
}
