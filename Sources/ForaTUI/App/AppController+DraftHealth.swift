/// A draft that cannot be saved (a full disk) is said in the status bar, every frame while it
/// lasts: the user must know that what they type is not yet safe.
extension AppController {
    func noteDraftProblem() {
        guard let problem = composerHooks.draftProblem() else { return }
        let message = "drafts not saved: " + problem
        if status.lastError != message { status.lastError = message }
    }
}
