import ForaCore
import Foundation

/// Sending, drafts and closing: the composer never drops text without asking.
extension ComposerScreen {
    /// Validates and hands the post to `hooks.send`; closes once it is accepted, keeps the
    /// text and shows the error otherwise.
    func send() {
        guard !isSending else {
            notice = "already sending…"
            return
        }
        if let problem = problemBeforeSending {
            notice = problem
            return
        }
        let post = composed
        isSending = true
        notice = "sending…"
        hooks.send(post) { [weak self] result in
            guard let self else { return }
            isSending = false
            switch result {
            case .success(let receipt):
                draft.reset()
                hooks.deleteDraft(post)
                notice = nil
                onFinish?(receipt.message, receipt.postNumber)
            case .failure(let conflict as EditConflict):
                notice = nil
                mode = .conflict(theirs: conflict.theirs, scroll: 0)
            case .failure(let error):
                notice = "not sent: " + AppController.message(for: error)
            }
        }
    }

    /// Why the post cannot be sent yet, if it cannot.
    var problemBeforeSending: String? {
        if target.topicID == nil {
            if text(of: .title).trimmingCharacters(in: .whitespaces).isEmpty {
                return target.recipients == nil ? "the topic needs a title" : "the message needs a title"
            }
            if target.recipients == nil, !categories.isEmpty, resolvedCategory == nil {
                return "pick a category (type its name)"
            }
        }
        let length = PostLength(raw: body.text, minimum: minimumLength, maximum: hooks.maximumPostLength)
        switch length.verdict {
        case .fine: return nil
        case .tooShort(let missing): return "too short: \(missing) more character\(missing == 1 ? "" : "s") needed"
        case .tooLong(let excess): return "too long by \(excess) character\(excess == 1 ? "" : "s")"
        }
    }

    // MARK: Drafts

    /// After every change: starts the draft timer unless one is running.
    func noteEdit() {
        guard draft.edited(at: now()) else { return }
        startDraftTimer(draft.delay)
    }

    private func startDraftTimer(_ delay: Duration) {
        guard let schedule else { return }
        schedule(delay) { [weak self] in self?.draftTimerFired() }
    }

    func draftTimerFired() {
        switch draft.fire(at: now()) {
        case .save: saveDraftNow()
        case .wait(let remaining): startDraftTimer(remaining)
        case .nothing: break
        }
    }

    /// Journals the draft now (an empty composer deletes it instead).
    public func saveDraftNow() {
        draft.reset()
        if isEmpty {
            hooks.deleteDraft(composed)
        } else {
            hooks.saveDraft(composed)
        }
    }

    // MARK: Closing

    /// Esc: an empty composer closes; otherwise it asks.
    func requestClose() -> ScreenAction {
        guard !isEmpty else {
            draft.reset()
            hooks.deleteDraft(composed)
            return .back
        }
        mode = .confirmingClose
        return .none
    }

    /// The answer to "close?": d (or 1) discards, k (or 2) keeps a draft, anything else goes
    /// on writing.
    func answerClose(_ event: InputEvent) {
        mode = .editing
        switch event {
        case .character("d"), .character("D"), .character("1"):
            draft.reset()
            hooks.deleteDraft(composed)
            onFinish?("discarded", nil)
        case .character("k"), .character("K"), .character("2"):
            saveDraftNow()
            onFinish?("kept as a draft: reopen the composer to go on", nil)
        default:
            notice = nil
        }
    }

    static let closeQuestion = "Close the composer?  d discard · k keep as draft · any other key: go on writing"
    /// The linear mode's form: numbered choices, the answer typed at the end of the line, all
    /// within 80 columns.
    static let numberedCloseQuestion =
        "Close? 1. discard, 2. keep as draft, 3. go on writing. Choose 1, 2 or 3: "
}
