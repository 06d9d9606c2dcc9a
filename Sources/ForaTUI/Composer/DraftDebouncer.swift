/// When to hand the draft to the store: once typing has paused for `delay`, and during
/// continuous typing at least every `delay`, so the stored draft is never more than `delay`
/// behind the screen. Never more than one timer at a time. Pure timing maths; the composer
/// owns the timer and the clock.
struct DraftDebouncer: Sendable {
    enum Decision: Equatable, Sendable {
        /// Save now.
        case save
        /// Typing went on: look again after this long.
        case wait(Duration)
        /// Nothing changed since the last save.
        case nothing
    }

    let delay: Duration
    private var lastEdit: ContinuousClock.Instant?
    /// The oldest edit not saved yet: it bounds how far behind the store may fall.
    private var firstUnsavedEdit: ContinuousClock.Instant?
    private var timerPending = false

    init(delay: Duration) { self.delay = delay }

    /// Notes an edit; true when the caller must start a timer of `delay`.
    mutating func edited(at now: ContinuousClock.Instant) -> Bool {
        lastEdit = now
        if firstUnsavedEdit == nil { firstUnsavedEdit = now }
        guard !timerPending else { return false }
        timerPending = true
        return true
    }

    /// The timer fired.
    mutating func fire(at now: ContinuousClock.Instant) -> Decision {
        guard let lastEdit else {
            timerPending = false
            return .nothing
        }
        let idle = now - lastEdit
        let behind = firstUnsavedEdit.map { now - $0 } ?? .zero
        if idle < delay, behind < delay { return .wait(min(delay - idle, delay - behind)) }
        self.lastEdit = nil
        firstUnsavedEdit = nil
        timerPending = false
        return .save
    }

    /// The draft was saved (or dropped) another way: forget the pending edit.
    mutating func reset() {
        lastEdit = nil
        firstUnsavedEdit = nil
    }
}
