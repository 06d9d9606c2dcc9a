import ForaCore
import Foundation

/// What the composer sends, and what a draft holds: a reply (`topicID`, maybe
/// `replyToPostNumber`) or a new topic (`title`, `categoryID`, `tags`).
public struct ComposedPost: Equatable, Sendable {
    public var raw: String
    public var topicID: Int?
    public var replyToPostNumber: Int?
    public var title: String?
    public var categoryID: Int?
    public var tags: [String]
    /// A new private message's recipients, usernames separated by commas (nil: not a message).
    public var recipients: String?
    /// An edit of this post (nil: a new post), with the text it replaces.
    public var edit: PostEdit?

    public init(
        raw: String, topicID: Int? = nil, replyToPostNumber: Int? = nil, title: String? = nil, categoryID: Int? = nil,
        tags: [String] = [], recipients: String? = nil, edit: PostEdit? = nil
    ) {
        self.edit = edit
        self.raw = raw
        self.topicID = topicID
        self.replyToPostNumber = replyToPostNumber
        self.title = title
        self.categoryID = categoryID
        self.tags = tags
        self.recipients = recipients
    }

    public var isNewTopic: Bool { topicID == nil }
}

/// A post to quote: who wrote it, where, and the text (its rendered plain text while the
/// reader has only cooked HTML).
public struct QuotedPost: Equatable, Sendable {
    public var username: String
    public var postNumber: Int
    public var topicID: Int
    public var text: String

    public init(username: String, postNumber: Int, topicID: Int, text: String) {
        self.username = username
        self.postNumber = postNumber
        self.topicID = topicID
        self.text = text
    }

    public var markup: String { QuoteMarkup.quote(text, username: username, postNumber: postNumber, topicID: topicID) }
}

/// What became of a sent post: the note for the status bar ("sent", "queued: offline", "held
/// for approval") and, when the server created it, the new post's number (the reader goes there).
public struct SendReceipt: Equatable, Sendable {
    public var message: String
    public var postNumber: Int?

    public init(message: String = "sent", postNumber: Int? = nil) {
        self.message = message
        self.postNumber = postNumber
    }
}

/// What a screen asks of the composer.
public enum ComposeRequest: Equatable, Sendable {
    /// Reply to the open topic, or to one of its posts.
    case reply(toPostNumber: Int?)
    /// Quote a post in the open composer, or open one replying to it with the quote.
    case quote(QuotedPost)
    case newTopic
}

/// Whom the composer writes to, for its header line.
public struct ComposerTarget: Equatable, Sendable {
    public var topicID: Int?
    public var topicTitle: String?
    public var replyToPostNumber: Int?
    public var replyToUsername: String?
    /// A new private message's recipients (`:pm USER`); nil for topics and replies.
    public var recipients: String?
    /// The post being edited (`e` in the reader); nil for a new post.
    public var edit: PostEdit?

    public init(
        topicID: Int?, topicTitle: String?, replyToPostNumber: Int? = nil, replyToUsername: String? = nil,
        recipients: String? = nil
    ) {
        self.topicID = topicID
        self.topicTitle = topicTitle
        self.replyToPostNumber = replyToPostNumber
        self.replyToUsername = replyToUsername
        self.recipients = recipients
    }

    /// A new private message to `recipients`.
    public static func message(to recipients: String) -> ComposerTarget {
        ComposerTarget(topicID: nil, topicTitle: nil, recipients: recipients)
    }

    public static let newTopic = ComposerTarget(topicID: nil, topicTitle: nil)

    /// "reply to #3 by bob", "reply to the topic", "new topic".
    public var summary: String {
        if let recipients, topicID == nil { return "message to \(recipients)" }
        if let edit { return "edit #\(edit.postNumber)" }
        guard topicID != nil else { return "new topic" }
        guard let number = replyToPostNumber else { return "reply to the topic" }
        return "reply to #\(number)" + (replyToUsername.map { " by \($0)" } ?? "")
    }
}

/// What the app gives every composer it opens. The defaults keep everything local; the lead
/// wires `send` to the outbox, and the draft closures to the store.
@MainActor
public struct ComposerHooks {
    /// Sends a post; on success the composer closes with the receipt, on failure the error
    /// stays in the composer with the text.
    public var send: (ComposedPost, @escaping @MainActor (Result<SendReceipt, any Error>) -> Void) -> Void = {
        _, done in
        done(.failure(ForaError.other("sending is not wired into this build yet; your text is kept")))
    }
    /// Sends a post from a background task (network, store): when set, the app runs it off
    /// the UI thread and hands the answer back, and `send` is not used. Prefer this one: the
    /// UI thread sleeps in `poll()`, so work scheduled on the main actor would never run.
    public var sendInBackground: (@Sendable (ComposedPost) async throws -> SendReceipt)?
    /// The draft as typed, at most `draftDelay` after typing stops, and when the composer is
    /// closed with "keep as draft". The defaults keep drafts in memory for the session.
    public var saveDraft: (ComposedPost) -> Void
    /// The draft is gone: sent, discarded, or emptied.
    public var deleteDraft: (ComposedPost) -> Void
    /// Writes any draft still waiting to be journaled (on quit: nothing typed is lost).
    public var flushDrafts: () -> Void = {}
    /// Why drafts cannot be saved right now (a full disk), for the status bar; nil when fine.
    public var draftProblem: () -> String? = { nil }
    /// A saved draft for a reply to `topicID` (nil: a new topic), restored when a composer opens.
    public var loadDraft: (_ topicID: Int?) -> ComposedPost?
    /// The kept draft of an edit of post `postID`: its text and the text the edit started
    /// from (so a post changed on the site since still shows the conflict). `e` brings it back.
    public var loadEditDraft: (_ postID: Int) -> (raw: String, originalRaw: String)? = { _ in nil }
    /// The site's `min_post_length` and `max_post_length`.
    public var minimumPostLength = 20
    public var maximumPostLength = 32_000
    public var draftDelay: Duration = .seconds(1)
    public var snippets = SnippetLibrary.standard()
    /// `$VISUAL`/`$EDITOR` come from here.
    public var environment = ProcessInfo.processInfo.environment
    /// Where the editor's temporary file goes.
    public var temporaryDirectory = FileManager.default.temporaryDirectory
    /// Open `$VISUAL`/`$EDITOR` at once whenever a composer opens (a configuration choice).
    public var alwaysExternalEditor = false
    /// How many rows the pane under the reader takes.
    public var paneRows = 12

    public init() {
        let drafts = SessionDrafts()
        saveDraft = { drafts.posts[$0.topicID] = $0 }
        deleteDraft = { drafts.posts[$0.topicID] = nil }
        loadDraft = { drafts.posts[$0] }
    }
}

/// Drafts by topic (nil: the new topic) until the store keeps them.
@MainActor
private final class SessionDrafts {
    var posts: [Int?: ComposedPost] = [:]
}
