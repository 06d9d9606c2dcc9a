import Foundation
import Synchronization

/// Journals a draft as it is typed: the first change after a quiet spell is written at once,
/// later ones at most every `interval`, so the stored draft is never more than `interval`
/// behind the screen (a crash, `kill -HUP` or a lost ssh session loses at most that much).
/// Call `flush()` when the composer closes and before the process exits.
public final class DraftJournal: Sendable {
    private struct State {
        var pending: Draft?
        var lastWrite: ContinuousClock.Instant?
        var flushScheduled = false
        var lastError: StoreError?
    }

    private let store: Store
    private let interval: Duration
    private let state = Mutex(State())
    /// Held from taking the pending content until it is stored, so two flushes at once (the
    /// timer's and a keystroke's) store their contents in the order they were taken: the
    /// newer draft is never overwritten by the older one.
    private let writing = Mutex(0)
    /// Tests only: runs between taking the pending content and storing it.
    let beforeWrite = Mutex<(@Sendable (Draft) -> Void)?>(nil)

    public init(store: Store, interval: Duration = .milliseconds(500)) {
        self.store = store
        self.interval = interval
    }

    /// Records the composer's current content.
    public func update(_ draft: Draft) {
        let now = ContinuousClock.now
        let action: Action = state.withLock { state in
            state.pending = draft
            if let last = state.lastWrite, now - last < interval {
                if state.flushScheduled { return .nothing }
                state.flushScheduled = true
                return .schedule(interval - (now - last))
            }
            return .writeNow
        }
        switch action {
        case .nothing: break
        case .writeNow: try? flush()
        case .schedule(let delay):
            Task { [weak self] in
                try? await Task.sleep(for: delay)
                self?.state.withLock { $0.flushScheduled = false }
                try? self?.flush()
            }
        }
    }

    private enum Action {
        case nothing, writeNow
        case schedule(Duration)
    }

    /// Writes the latest content now, if any is unwritten.
    public func flush() throws {
        var failure: StoreError?
        writing.withLock { writes in
            let draft: Draft? = state.withLock { state in
                defer { state.pending = nil }
                return state.pending
            }
            guard let draft else { return }
            beforeWrite.withLock { $0 }?(draft)
            do {
                try store.saveDraft(draft)
                writes += 1
                state.withLock {
                    $0.lastWrite = ContinuousClock.now
                    $0.lastError = nil
                }
            } catch let error as StoreError {
                // Keep the content to retry on the next keystroke or flush, and say why.
                state.withLock {
                    if $0.pending == nil { $0.pending = draft }
                    $0.lastError = error
                }
                failure = error
            } catch {
                failure = .database("\(error)")
            }
        }
        if let failure { throw failure }
    }

    /// The last failure to save (a full disk, say), cleared by the next success.
    public var lastError: StoreError? { state.withLock { $0.lastError } }
}
