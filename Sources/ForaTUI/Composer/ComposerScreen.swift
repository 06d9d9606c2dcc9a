import ForaCore
import ForaRender
import Foundation

/// The composer: a multi-line editor drawn with soft wrap and a visible cursor, plus title,
/// category and tags fields for a new topic. Printable keys and Enter are text (`takeInput`);
/// everything else is an operation of the `composer` key context. It sends through
/// `ComposerHooks.send`, journals drafts through `saveDraft`, and closes through `onFinish`.
@MainActor
public final class ComposerScreen: Screen {
    public enum Field: Int, CaseIterable, Sendable {
        case title, category, tags, body
    }

    enum Mode {
        case editing
        /// Esc on a non-empty composer: discard, keep as draft, or go on writing.
        case confirmingClose
        case snippet(LinePrompt)
        /// The site has another text for the post being edited: the diff and a choice.
        case conflict(theirs: String, scroll: Int)
    }

    public let context = KeyContext.composer
    public internal(set) var target: ComposerTarget
    public internal(set) var field: Field
    public internal(set) var showingPreview = false
    /// Why the last command failed (or a note), shown on the pane's last row.
    public internal(set) var notice: String?
    public internal(set) var isSending = false

    var buffers: [Field: EditBuffer]
    var mode = Mode.editing
    let hooks: ComposerHooks
    let participants: [String]
    let categories: [ForaCore.Category]
    let renderer: any PostRendering
    /// The post being answered, for the external editor's file.
    let editorContext: String?
    let snippetVariables: [String: String]
    var draft: DraftDebouncer
    /// The body rows shown, and the preview's first row.
    var viewport = BodyViewport()
    var previewTop = 0
    /// Body rows and wrap width of the last draw (vertical motion and paging use them).
    var bodyRows = 5
    var wrapWidth = 79
    /// Where text goes (or a question is answered) as last drawn, for the terminal's cursor.
    var insertionPoint: FocusCursor?
    /// The display column vertical motion aims for, kept across consecutive Up/Down.
    var goalColumn: Int?
    /// After Tab completed a mention: the candidates, which one, and where it was inserted.
    var mentionCycle: (names: [String], index: Int, start: Int)?
    /// The edit conflict's diff, made on the first frame that shows it.
    var conflictDiff: ConflictDiff?

    /// Set by the app: closes the composer, with a note for the status bar and, after a send,
    /// the new post's number.
    public var onFinish: ((_ message: String?, _ postNumber: Int?) -> Void)?
    /// Set by the app: runs `body` with the terminal handed over (the external editor).
    public var suspend: (@MainActor (() -> Void) -> Void) = { $0() }
    /// Set by the app: runs `work` on the UI thread after `delay` (the draft timer).
    public var schedule: (@MainActor (Duration, @escaping @MainActor () -> Void) -> Void)?
    /// The clock the draft timer reads (tests move it by hand).
    public var now: () -> ContinuousClock.Instant = { ContinuousClock.now }

    public init(
        target: ComposerTarget, initial: ComposedPost? = nil, hooks: ComposerHooks = ComposerHooks(),
        participants: [String] = [], categories: [ForaCore.Category] = [],
        renderer: any PostRendering = CookedRenderer(),
        editorContext: String? = nil, snippetVariables: [String: String] = [:]
    ) {
        self.target = target
        self.hooks = hooks
        self.participants = participants
        self.categories = categories
        self.renderer = renderer
        self.editorContext = editorContext
        self.snippetVariables = snippetVariables
        draft = DraftDebouncer(delay: hooks.draftDelay)
        let categoryName = initial?.categoryID.flatMap { id in categories.first { $0.id == id }?.name } ?? ""
        buffers = [
            .title: EditBuffer(initial?.title ?? ""), .category: EditBuffer(categoryName),
            .tags: EditBuffer(initial?.tags.joined(separator: ", ") ?? ""), .body: EditBuffer(initial?.raw ?? ""),
        ]
        field = target.topicID == nil && (initial?.title ?? "").isEmpty ? .title : .body
    }

    /// The fields this composer shows: the body, and for a new topic the three above it.
    /// A message has a title and no category or tags.
    public var fields: [Field] {
        guard target.topicID == nil else { return [.body] }
        return target.recipients == nil ? Field.allCases : [.title, .body]
    }

    public var body: EditBuffer { buffers[.body] ?? EditBuffer() }
    public func text(of field: Field) -> String { buffers[field]?.text ?? "" }

    /// The buffer of the field with the focus, edited in place (a copy per keystroke would
    /// cost the whole draft).
    var buffer: EditBuffer {
        get { buffers[field] ?? EditBuffer() }
        _modify { yield &buffers[field, default: EditBuffer()] }
    }

    public var isEmpty: Bool {
        fields.allSatisfy { text(of: $0).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    public var hintGroups: [[OperationID]] {
        if showingPreview { return [[.preview], [.send], [.back]] }
        return [[.send], [.preview], [.externalEditor], [.insertSnippet], [.complete], [.undo], [.back]]
    }

    var minimumLength: Int { hooks.minimumPostLength }

    /// The post as it would be sent now.
    public var composed: ComposedPost {
        guard target.topicID == nil else {
            if let edit = target.edit { return ComposedPost(raw: body.text, topicID: target.topicID, edit: edit) }
            return ComposedPost(raw: body.text, topicID: target.topicID, replyToPostNumber: target.replyToPostNumber)
        }
        if let recipients = target.recipients {
            return ComposedPost(
                raw: body.text, title: text(of: .title).trimmingCharacters(in: .whitespaces), recipients: recipients)
        }
        let tags = text(of: .tags).split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
        return ComposedPost(
            raw: body.text, title: text(of: .title).trimmingCharacters(in: .whitespaces),
            categoryID: resolvedCategory?.id, tags: tags)
    }

    /// The category the category field names: an exact name, else the first starting with it.
    public var resolvedCategory: ForaCore.Category? {
        let typed = text(of: .category).trimmingCharacters(in: .whitespaces).lowercased()
        guard !typed.isEmpty else { return nil }
        return categories.first { $0.name.lowercased() == typed }
            ?? categories.first { $0.name.lowercased().hasPrefix(typed) }
    }

    /// Points the reply at another post of the same topic.
    public func retarget(replyTo number: Int?, username: String?) {
        target.replyToPostNumber = number
        target.replyToUsername = username
        noteEdit()
    }

    // MARK: Keys

    public func takeInput(_ event: InputEvent, bound: Bool) -> Bool {
        switch mode {
        case .confirmingClose:
            answerClose(event)
            return true
        case .conflict(let theirs, let scroll):
            answerConflict(event, theirs: theirs, scroll: scroll)
            return true
        case .snippet(var prompt):
            let outcome = prompt.handle(event)
            mode = .editing
            switch outcome {
            case .editing: mode = .snippet(prompt)
            case .cancelled: break
            case .submitted(let name): insertSnippet(named: name)
            }
            return true
        case .editing: break
        }
        // The preview is read-only: a typed key (or a paste) leaves it and is not typed.
        if showingPreview, !bound {
            switch event {
            case .character, .enter, .paste, .tab:
                showingPreview = false
                notice = "back to editing: nothing was typed"
                return true
            default: break
            }
        }
        if case .paste(let text) = event {
            insertText(text)
            return true
        }
        guard !bound else { return false }
        switch event {
        case .character(let character) where !character.isControl:
            insertText(String(character))
        case .enter:
            if field == .body { insertText("\n") } else { moveToNextField() }
        default: return false
        }
        return true
    }

    public func perform(_ operation: OperationID, count: Int?) -> ScreenAction {
        if operation != .complete { mentionCycle = nil }
        if operation != .previousLine, operation != .nextLine { goalColumn = nil }
        notice = nil
        if showingPreview, let action = performInPreview(operation) { return action }
        switch operation {
        case .back: return requestClose()
        case .send: send()
        case .preview:
            showingPreview = true
            previewTop = 0
        case .externalEditor: editExternally()
        case .insertSnippet: startSnippetPrompt()
        case .complete: complete()
        default:
            if !edit(operation, count: max(1, count ?? 1)) { return .unhandled }
        }
        return .none
    }

    /// In the preview, keys scroll it; anything that edits goes back to the editor first.
    private func performInPreview(_ operation: OperationID) -> ScreenAction? {
        switch operation {
        case .preview: showingPreview = false
        case .previousLine: previewTop = max(0, previewTop - 1)
        case .nextLine: previewTop += 1
        case .screenUp: previewTop = max(0, previewTop - bodyRows)
        case .screenDown: previewTop += bodyRows
        case .send, .back: return nil
        default:
            // Any other key leaves the preview and edits nothing.
            showingPreview = false
            notice = "back to editing: nothing was changed"
        }
        return ScreenAction.none
    }
}
