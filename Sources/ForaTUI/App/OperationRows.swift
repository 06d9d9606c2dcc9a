/// Operations declared as rows: what must hold before one runs (the refusal says why) and
/// what it does. `AppController.perform` runs a declared row before its older switch, so an
/// operation moves here from the switch one at a time.
@MainActor
struct OperationRow {
    /// Why the operation cannot run now, or nil when it can.
    var precondition: @MainActor (AppController) -> String? = { _ in nil }
    var handler: @MainActor (AppController, Int?) -> Void
}

extension AppController {
    static let operationRows: [OperationID: OperationRow] = [
        .showCategories: OperationRow(
            precondition: { app in app.list.categories.isEmpty ? "the categories are still loading" : nil },
            handler: { app, _ in app.openCategoryList() }),
        .likePost: OperationRow(
            precondition: focusedPostPrecondition, handler: { app, _ in app.togglePostWrite(.like) }),
        .bookmarkPost: OperationRow(
            precondition: focusedPostPrecondition, handler: { app, _ in app.togglePostWrite(.bookmark) }),
        .unlikePost: OperationRow(
            precondition: focusedPostPrecondition, handler: { app, _ in app.queuePostWrite(.unlike) }),
        .unbookmarkPost: OperationRow(
            precondition: focusedPostPrecondition, handler: { app, _ in app.queuePostWrite(.unbookmark) }),
    ]

    /// Post actions need a reader with its focused post loaded.
    static func focusedPostPrecondition(_ app: AppController) -> String? {
        guard let reader = app.activeReader else { return "open a topic first" }
        return reader.currentPost == nil ? "the focused post is still loading: nothing done" : nil
    }

    /// Runs `operation` from its declared row; false when it has none (the switch runs it).
    func performDeclared(_ operation: OperationID, count: Int?) -> Bool {
        guard let row = Self.operationRows[operation] else { return false }
        if let reason = row.precondition(self) {
            status.message = reason
        } else {
            row.handler(self, count)
        }
        return true
    }
}
