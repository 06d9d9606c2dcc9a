import ForaCore
import Foundation

/// The site's copy of the composer's drafts (Discourse's `/drafts.json`), next to the store's
/// journal: a draft started here can be finished in the browser or on another machine, and
/// one started there comes back here when this machine has none.
///
/// The local journal stays the authority; the site is best effort. Saves ride on the
/// composer's own debounced draft saves, go through the background runner (typing never
/// waits for the network), and are coalesced per draft key: one request in flight, and only
/// the newest text goes next. A failed save is dropped silently (the next save tries again);
/// a failed delete is remembered, so the stale copy is not restored in this session. The
/// site's `sequence` is learned from its answers; a stale one (409: saved from another window)
/// is refreshed once and the save retried, so the text being typed here wins.
///
/// Edits keep their drafts local: Discourse keys an edit's draft by its topic, where it would
/// replace the reply draft.
@MainActor
public final class SiteDrafts {
    private enum Change: Sendable {
        case save(data: String)
        case delete
    }

    private let service: any CommunityService
    private let runner: any BackgroundRunner
    /// The site's sequence of each key, as last answered.
    private var sequences: [String: Int] = [:]
    private var inFlight: Set<String> = []
    /// The newest change of each key waiting for the request in flight.
    private var waiting: [String: Change] = [:]
    /// Keys whose delete did not reach the site (offline when the post was sent): their site
    /// copy is stale, so it is not restored, and the delete is tried again then.
    private var failedDeletes: Set<String> = []

    public init(service: any CommunityService, runner: any BackgroundRunner) {
        self.service = service
        self.runner = runner
    }

    /// Discourse's draft key of a post: `topic_ID`, `new_topic`, `new_private_message`
    /// (nil for an edit, which stays local).
    public nonisolated static func key(for post: ComposedPost) -> String? {
        guard post.edit == nil else { return nil }
        if post.recipients != nil { return "new_private_message" }
        return key(forTopic: post.topicID)
    }

    public nonisolated static func key(forTopic topicID: Int?) -> String {
        topicID.map { "topic_\($0)" } ?? "new_topic"
    }

    /// The composer's state as the web composer writes it (`reply`, `action`, `title`,
    /// `categoryId`, `tags`), plus the post it answers.
    public nonisolated static func data(for post: ComposedPost) -> String {
        var object: [String: Any] = [
            "reply": post.raw,
            "action": post.recipients != nil ? "privateMessage" : (post.topicID == nil ? "createTopic" : "reply"),
        ]
        if let title = post.title, !title.isEmpty { object["title"] = title }
        if let category = post.categoryID { object["categoryId"] = category }
        if !post.tags.isEmpty { object["tags"] = post.tags }
        if let number = post.replyToPostNumber { object["replyToPostNumber"] = number }
        if let recipients = post.recipients { object["recipients"] = recipients }
        let encoded = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return encoded.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// A draft the site holds, back as a composed post for the topic (nil: nothing to restore).
    public nonisolated static func post(fromData data: String, topicID: Int?) -> ComposedPost? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any],
            let reply = object["reply"] as? String,
            !reply.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                || !((object["title"] as? String) ?? "").isEmpty
        else { return nil }
        return ComposedPost(
            raw: reply, topicID: topicID, replyToPostNumber: object["replyToPostNumber"] as? Int,
            title: object["title"] as? String, categoryID: object["categoryId"] as? Int,
            tags: object["tags"] as? [String] ?? [], recipients: object["recipients"] as? String)
    }

    /// Wraps the store's draft hooks so every save and delete also reaches the site.
    public func wrap(_ hooks: ComposerHooks) -> ComposerHooks {
        var hooks = hooks
        let save = hooks.saveDraft
        let delete = hooks.deleteDraft
        hooks.saveDraft = { [weak self] post in
            save(post)
            self?.save(post)
        }
        hooks.deleteDraft = { [weak self] post in
            delete(post)
            self?.delete(post)
        }
        return hooks
    }

    public func save(_ post: ComposedPost) {
        guard let key = Self.key(for: post) else { return }
        submit(.save(data: Self.data(for: post)), for: key)
    }

    public func delete(_ post: ComposedPost) {
        guard let key = Self.key(for: post) else { return }
        submit(.delete, for: key)
    }

    /// Fetches the site's draft for a reply to `topicID` (nil: a new topic) in the background;
    /// `found` gets it (or nil) on the UI thread.
    public func load(topicID: Int?, _ found: @escaping @MainActor (ComposedPost?) -> Void) {
        let key = Self.key(forTopic: topicID)
        if failedDeletes.contains(key) {
            submit(.delete, for: key)
            return found(nil)
        }
        let service = self.service
        runner.run {
            try await service.draft(key: key)
        } then: { [weak self] result in
            guard case .success(let draft?) = result else { return found(nil) }
            self?.sequences[key] = draft.sequence
            found(draft.data.flatMap { Self.post(fromData: $0, topicID: topicID) })
        }
    }

    /// True while a change of some draft waits or travels (tests wait for this to settle).
    public var isBusy: Bool { !inFlight.isEmpty || !waiting.isEmpty }

    private func submit(_ change: Change, for key: String) {
        waiting[key] = change
        pump(key)
    }

    private func pump(_ key: String) {
        guard !inFlight.contains(key), let change = waiting.removeValue(forKey: key) else { return }
        inFlight.insert(key)
        let service = self.service
        let known = sequences[key]
        runner.run {
            try await Self.apply(change, key: key, knownSequence: known, service: service)
        } then: { [weak self] result in
            guard let self else { return }
            inFlight.remove(key)
            switch (result, change) {
            case (.success(let sequence), _):
                sequences[key] = sequence
                failedDeletes.remove(key)
            case (.failure, .delete): failedDeletes.insert(key)
            case (.failure, .save): break
            }
            pump(key)
        }
    }

    /// Sends one change; returns the sequence the site holds afterwards. A refused change is
    /// retried once with the sequence the site reports now.
    private nonisolated static func apply(
        _ change: Change, key: String, knownSequence: Int?, service: any CommunityService
    ) async throws -> Int {
        func attempt(_ sequence: Int) async throws -> Int {
            switch change {
            case .save(let data): return try await service.saveDraft(Draft(key: key, data: data, sequence: sequence))
            case .delete:
                try await service.deleteDraft(key: key, sequence: sequence)
                return sequence + 1
            }
        }
        do {
            return try await attempt(knownSequence ?? 0)
        } catch {
            let current = try await service.draft(key: key)
            // Nothing left to delete: the draft is gone already (sent from elsewhere).
            if case .delete = change, current == nil { return knownSequence ?? 0 }
            return try await attempt(current?.sequence ?? 0)
        }
    }
}
