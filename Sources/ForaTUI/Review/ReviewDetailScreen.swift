import ForaCore
import Foundation

/// One reviewable in full: the post and where it is, the explanation of its score (each flag,
/// its reason and what it added, with the flagger's record), the flaggers' notes, and the
/// actions on offer. `o` opens the topic at the post; the action keys act as in the queue
/// and go back to it.
@MainActor
public final class ReviewDetailScreen: DirectKeyScreen {
    public let context = KeyContext.review
    public let hintGroups: [[OperationID]] = [[.moveDown, .moveUp], [.openPost], [.back]]
    public let item: ReviewItem
    public private(set) var lines: [(text: String, style: TextStyle)]
    /// How the score adds up, once the site's explanation answers (or why it did not).
    public private(set) var explanation: Result<ReviewExplanation, ReviewExplanationFailure>?
    private let now: Date
    private let keys: [(key: Character, action: TriageAction)]
    private var first = 0
    /// The queue it was opened from, which performs the actions.
    weak var queue: ReviewQueueScreen?

    public init(item: ReviewItem, now: Date, queue: ReviewQueueScreen? = nil) {
        self.item = item
        self.queue = queue
        self.now = now
        keys = queue?.keys(for: item) ?? TriageActionKeys(bundles: item.bundles).keyed
        lines = Self.build(item, now: now, keys: keys, explanation: nil)
    }

    /// Shows the score's explanation (it arrives after the screen opened).
    public func show(_ explanation: Result<ReviewExplanation, ReviewExplanationFailure>) {
        self.explanation = explanation
        lines = Self.build(item, now: now, keys: keys, explanation: explanation)
    }

    public var directHints: String { queue?.selected?.id == item.id ? queue?.directHints ?? "" : "" }

    public func ownsKey(_ event: InputEvent) -> Bool { queue?.ownsKey(event) ?? false }

    public func handleDirect(_ event: InputEvent) -> ScreenAction? {
        if let queue, !queue.marked.isEmpty, queue.ownsKey(event) {
            return .message(
                "\(queue.marked.count) items are marked: action keys act on them in the queue (q goes back)")
        }
        guard let queue, queue.selected?.id == item.id, queue.marked.isEmpty,
            let action = queue.handleDirect(event)
        else { return nil }
        switch action {
        case .present(let next): return .replace(next)
        case .none: return .back
        default: return action
        }
    }

    static func build(
        _ item: ReviewItem, now: Date, keys: [(key: Character, action: TriageAction)],
        explanation: Result<ReviewExplanation, ReviewExplanationFailure>?
    ) -> [(text: String, style: TextStyle)] {
        var lines: [(String, TextStyle)] = []
        var place = item.topicTitle.map { "in \u{201C}\($0)\u{201D}" } ?? ""
        if let number = item.postNumber { place += " post #\(number)" }
        lines.append(("\(item.typeLabel) · \(item.status.name) \(place)", .accent))
        if let author = item.author { lines.append(("by " + ReviewRow.describe(author), .dim)) }
        if let created = item.createdAt { lines.append(("reported \(ReviewRow.age(of: created, now: now)) ago", .dim)) }
        if let claimant = item.claimedBy { lines.append(("claimed by \(claimant)", .dim)) }
        lines.append(("", .normal))
        for paragraph in item.excerpt.isEmpty ? ["(no text)"] : [item.excerpt] {
            lines.append(("  " + paragraph, .normal))
        }
        lines.append(("", .normal))
        let flagCount = "\(item.flags.count) flag" + (item.flags.count == 1 ? "" : "s")
        lines.append(("Score " + String(format: "%.1f", item.score) + ", from " + flagCount, .accent))
        for flag in item.flags {
            var text = "  " + String(format: "%+.1f", flag.score) + "  \(flag.reason) by @\(flag.username)"
            if let agreed = flag.agreed, let disagreed = flag.disagreed {
                text += " (their flags: \(agreed) agreed, \(disagreed) disagreed)"
            }
            lines.append((text, .normal))
            if let note = flag.note, !note.isEmpty { lines.append(("        note: " + note, .dim)) }
        }
        lines.append(("", .normal))
        switch explanation {
        case .success(let explained):
            for (index, line) in explained.lines.enumerated() { lines.append((line, index == 0 ? .accent : .normal)) }
        case .failure(let failure): lines.append(("Score explanation unavailable: " + failure.message, .dim))
        case nil: lines.append(("Explaining the score…", .dim))
        }
        lines.append(("", .normal))
        lines.append(("Actions", .accent))
        for (key, action) in keys { lines.append(("  \(key)  \(action.label)", .normal)) }
        if item.bundles.isEmpty { lines.append(("  none: the item is not pending", .dim)) }
        lines.append(("", .normal))
        lines.append(("o opens the post in its topic · q goes back to the queue", .dim))
        return lines
    }

    public var text: String { lines.map(\.text).joined(separator: "\n") }

    public func draw(on terminal: any Terminal, focused: Bool) {
        let (rows, columns) = terminal.size
        terminal.clear()
        terminal.draw(DisplayWidth.pad("Review item #\(item.id)", to: columns), row: 0, column: 0, style: .header)
        first = max(0, min(first, lines.count - 1))
        for (offset, line) in lines.dropFirst(first).prefix(rows - 1).enumerated() {
            terminal.draw(DisplayWidth.truncate(line.text, to: columns), row: 1 + offset, column: 0, style: line.style)
        }
    }

    /// The first line shown: the detail view scrolls as a page.
    public var cursorPosition: FocusCursor? { FocusCursor(row: 1) }

    public func perform(_ operation: OperationID, count: Int?) -> ScreenAction {
        let n = count ?? 1
        switch operation {
        case .moveDown: first += n
        case .moveUp: first = max(0, first - n)
        case .pageDown, .halfPageDown: first += 10 * n
        case .pageUp, .halfPageUp: first = max(0, first - 10 * n)
        case .first: first = 0
        case .openPost:
            guard let topic = item.topicID else { return .message("no post to open") }
            return .openPost(topicID: topic, postNumber: item.postNumber ?? 1)
        case .back: return .back
        default: return .unhandled
        }
        return .none
    }
}

/// Why the score's explanation could not be shown (a message for the detail view).
public struct ReviewExplanationFailure: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
