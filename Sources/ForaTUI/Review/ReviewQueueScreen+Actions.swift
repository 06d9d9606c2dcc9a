import ForaCore
import Foundation

/// Acting: one item or the marked ones, with one confirmation for a bulk action or a
/// destructive one, and the reason-and-duration form for silence and suspend. The items
/// leave the list at once; each answer comes back on its own.
extension ReviewQueueScreen {
    func act(_ action: TriageAction) -> ScreenAction {
        let targets = queue.targets
        guard !targets.isEmpty else { return .message("nothing to act on") }
        if action.clientAction == "edit", queue.marked.isEmpty, editText != nil, let target = targets.first {
            return editThenAct(action, on: target)
        }
        if let stale = targets.first(where: { queue.stale.contains($0.id) }) {
            return .message("#\(stale.id) is being refreshed; try again in a moment")
        }
        if !queue.marked.isEmpty {
            let offers = Dictionary(targets.map { ($0.id, $0.actionIDs) }, uniquingKeysWith: { first, _ in first })
            let plan = BulkActionPlan(
                actionID: action.id, items: targets.map(\.id), offers: offers, destructive: action.isDestructive)
            guard !plan.applicable.isEmpty else { return .message("none of the marked items offers \(action.label)") }
            let chosen = targets.filter { plan.applicable.contains($0.id) }
            var details = chosen.map(summary)
            details += targets.filter { plan.skipped.contains($0.id) }.map { "skipped: " + summary($0) }
            if let consequence = consequence(of: action) { details.append("Cannot be undone: " + consequence) }
            var question = "\(action.label) on \(chosen.count) marked item\(chosen.count == 1 ? "" : "s")"
            if !plan.skipped.isEmpty { question += " (\(plan.skipped.count) skipped: they do not offer it)" }
            question += "?"
            let confirm = ConfirmScreen(question: question, details: details, destructive: plan.destructive) {
                [weak self] in
                self?.proceed(action, on: chosen) ?? .none
            }
            return .present(PresentedScreen(confirm))
        }
        if action.isDestructive, !action.needsForm {
            var details = [summary(targets[0])]
            if let message = action.confirmMessage { details.append(message) }
            if let consequence = consequence(of: action) { details.append("Cannot be undone: " + consequence) }
            let confirm = ConfirmScreen(
                question: "\(action.label) on \(target(targets[0]))?", details: details, destructive: true
            ) { [weak self] in
                self?.proceed(action, on: targets) ?? .none
            }
            return .present(PresentedScreen(confirm))
        }
        return proceed(action, on: targets)
    }

    /// After any confirmation: the penalty form or the reason form when the action needs
    /// one, else run.
    func proceed(_ action: TriageAction, on targets: [ReviewItem]) -> ScreenAction {
        if action.requiresRejectReason {
            let what = targets.count == 1 ? summary(targets[0]) : "\(targets.count) items"
            let form = ReasonFormScreen(title: "\(action.label) · \(what)") { [weak self] reason in
                self?.run(action, on: targets, penalty: nil, reason: reason)
                return .none
            }
            return .present(PresentedScreen(form))
        }
        if action.needsForm, let kind = ReviewPermissions.penalty(for: action) {
            let names = targets.compactMap { $0.author.map { "@" + $0.username } }.joined(separator: ", ")
            let form = PenaltyFormScreen(title: "\(action.label) · \(kind.rawValue) \(names)") {
                [weak self] reason, days in
                self?.run(action, on: targets, penalty: (kind, reason, days))
                return .none
            }
            return .present(PresentedScreen(form))
        }
        run(action, on: targets, penalty: nil)
        return .none
    }

    func run(
        _ action: TriageAction, on targets: [ReviewItem],
        penalty: (kind: ReviewPenalty.Kind, reason: String, days: Int)?, reason: String? = nil
    ) {
        queue.begin(targets)
        let source = self.source
        for target in targets {
            let userPenalty = penalty.flatMap { penalty in
                target.author?.userID.map {
                    ReviewPenalty(kind: penalty.kind, userID: $0, reason: penalty.reason, days: penalty.days)
                }
            }
            runner.run {
                if let reason {
                    return try await source.perform(
                        id: target.id, actionID: action.id, version: target.version, reason: reason)
                }
                return try await source.perform(
                    id: target.id, actionID: action.id, version: target.version, penalty: userPenalty)
            } then: { [weak self] result in
                self?.finished(target, action: action, result: result)
            }
        }
        let what = targets.count == 1 ? target(targets[0]) : "\(targets.count) items"
        onReport?(.message("\(action.label.lowercased()): \(what)…"))
    }

    private func finished(_ target: ReviewItem, action: TriageAction, result: Result<ReviewPerformOutcome, any Error>) {
        let name = self.target(target)
        switch result {
        case .success(let outcome):
            if let count = outcome.pendingCount { onReport?(.pendingCount(count)) }
            if outcome.finished {
                queue.finish(target.id, .done)
                onReport?(.message("\(name): \(action.label.lowercased()) done"))
            } else {
                // The 2025 bundles: one action of every bundle before the item is finished.
                queue.finish(target.id, .conflict("needs another action"))
                refreshItem(target.id, then: "\(name): \(action.label.lowercased()) done; it needs one more action")
            }
        case .failure(let error):
            let text = AppController.message(for: error)
            // A 409, or an action refused because it is no longer offered, is most often another
            // moderator's work: refetch and say who did what before calling it a failure.
            let conflict: Bool
            if case .conflict = error as? ForaError { conflict = true } else { conflict = false }
            queue.finish(target.id, conflict ? .conflict(text) : .failed(text))
            refreshItem(target.id, action: action, failure: conflict ? nil : text)
        }
    }

    /// The item as a moderator knows it: the post number and its author (or the user), not the
    /// reviewable's id.
    func target(_ item: ReviewItem) -> String {
        if item.type.contains("User"), item.postNumber == nil, let author = item.author {
            return "user @" + author.username
        }
        var text = item.postNumber.map { "post #\($0)" } ?? "\(item.typeLabel.lowercased()) #\(item.id)"
        if let author = item.author { text += " by @" + author.username }
        if let title = item.topicTitle { text += " in \u{201C}" + String(title.prefix(40)) + "\u{201D}" }
        return text
    }

    func consequence(of action: TriageAction) -> String? {
        ReviewActionKind(actionID: action.id)?.consequence ?? (action.isDestructive ? "this cannot be undone" : nil)
    }

    func summary(_ item: ReviewItem) -> String {
        var text = target(item)
        if !item.excerpt.isEmpty { text += ": " + String(item.excerpt.prefix(50)) }
        return text
    }

    func claim(_ claiming: Bool) -> ScreenAction {
        guard let item = queue.selected, let topicID = item.topicID else { return .message("nothing to claim here") }
        if let reason = ModerationOperation.reviewClaim.unavailableReason(for: viewer.permissions) {
            return .message(reason)
        }
        let source = self.source
        let me = viewer.username
        runner.run {
            if claiming { try await source.claim(topicID: topicID) } else { try await source.unclaim(topicID: topicID) }
        } then: { [weak self] result in
            guard let self else { return }
            switch result {
            case .success:
                for var other in queue.items where other.topicID == topicID {
                    other.claimedBy = claiming ? me : nil
                    queue.refresh(other)
                }
                onReport?(.message(claiming ? "claimed topic \(topicID) for you" : "released topic \(topicID)"))
            case .failure(let error):
                let text = AppController.message(for: error)
                if case .conflict = error as? ForaError {
                    onReport?(.error("topic \(topicID) is already claimed by someone else; refreshed"))
                } else {
                    onReport?(.error((claiming ? "claim failed: " : "release failed: ") + text))
                }
                refreshItem(item.id)
            }
        }
        return .message(claiming ? "claiming topic \(topicID)…" : "releasing topic \(topicID)…")
    }
}
