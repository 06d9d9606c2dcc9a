import DiscourseBackend
import ForaCore
import ForaNet
import ForaStore
import ForaTUI
import Foundation

/// Connects the TUI's composer to the store: drafts are journaled as they are typed (and come
/// back after a crash or `kill -HUP`), and a post is committed to the outbox before anything
/// is sent, then sent at once when the site answers. Offline, it waits in the outbox and the
/// status bar says so.
enum ComposerWiring {
    @MainActor
    static func hooks(store: Store, service: DiscourseService, username: String) -> ComposerHooks {
        var hooks = ComposerHooks()
        let journal = DraftJournal(store: store)
        hooks.saveDraft = { post in journal.update(draft(for: post)) }
        hooks.flushDrafts = { try? journal.flush() }
        hooks.draftProblem = { journal.lastError?.message }
        hooks.deleteDraft = { post in
            try? journal.flush()
            try? store.deleteDraft(key: key(for: post))
        }
        hooks.loadDraft = { topicID in
            guard let saved = try? store.draft(key: key(for: topicID)), !saved.body.isEmpty else { return nil }
            if (try? store.isDraftAlreadyQueued(saved)) == true {
                // Its deletion after sending failed: it is posted, not a draft.
                try? store.deleteDraft(key: saved.key)
                return nil
            }
            return ComposedPost(
                raw: saved.body, topicID: saved.topicID, replyToPostNumber: saved.replyToPostNumber,
                title: saved.title, categoryID: saved.categoryID)
        }
        hooks.loadEditDraft = { postID in
            guard let saved = try? store.draft(key: "edit_post_\(postID)"), !saved.body.isEmpty else { return nil }
            return (saved.body, saved.title ?? saved.body)
        }
        let http = StoreAccess.http(service)
        hooks.sendInBackground = { post in
            if let recipients = post.recipients {
                try journal.flush()
                return try await sendMessage(post, to: recipients, service: service)
            }
            let action: OutboxAction
            if let edit = post.edit {
                action = .edit(postID: edit.postID, topicID: post.topicID, raw: post.raw, originalRaw: edit.originalRaw)
            } else if let topicID = post.topicID {
                action = .reply(topicID: topicID, raw: post.raw, replyToPostNumber: post.replyToPostNumber)
            } else {
                action = .newTopic(
                    title: post.title ?? "", raw: post.raw, categoryID: post.categoryID, tags: post.tags)
            }
            try journal.flush()
            let queued = try store.enqueue(action)
            let sender = OutboxSender(store: store, transport: DiscourseOutboxTransport(username: username, http: http))
            // The post is queued whatever happens now: a failing drain is said, not thrown (the
            // composer would keep the text, and sending it again would post it twice).
            var problem = ""
            do {
                _ = try await OutboxDrainGate.shared.drain(sender, wait: true)
            } catch {
                problem = " (sending failed: \((error as? StoreError)?.message ?? "\(error)"))"
            }
            let item = try? store.outboxItem(id: queued.id)
            switch item?.state {
            case .sent?:
                // The reader then reloads the topic at the new post.
                return SendReceipt(message: "sent", postNumber: await postNumber(of: item?.remoteID, http: http))
            case .conflict? where post.edit != nil:
                // Someone edited the post meanwhile: the composer shows both and asks.
                try? store.dropOutboxItem(id: queued.id)
                guard let postID = post.edit?.postID, let theirs = try? await service.post(id: postID).raw else {
                    throw ForaError.conflict(item?.reason)
                }
                throw EditConflict(theirs: theirs)
            case .failed?, .conflict?:
                // The server refused it: the text stays in the composer, and the item leaves the
                // outbox so it is not sent again behind the user's back.
                try? store.dropOutboxItem(id: queued.id)
                throw ForaError.other(item?.reason ?? "the server refused the post")
            default:
                return SendReceipt(
                    message: "queued: it will be sent when the site answers (fora outbox send)" + problem)
            }
        }
        return hooks
    }

    /// The post number of a created post, looked up by its id (nil when that fails: the
    /// reader then simply reloads).
    static func postNumber(of postID: Int?, http: DiscourseHTTP) async -> Int? {
        guard let postID else { return nil }
        return await http.postNumber(ofPost: postID)
    }

    /// A new private message is sent at once, as `fora pm send` does: the outbox's actions
    /// have no recipients yet. A failure keeps the text in the composer.
    static func sendMessage(_ post: ComposedPost, to recipients: String, service: DiscourseService) async throws
        -> SendReceipt
    {
        let created = try await service.createPost(
            NewPost(raw: post.raw, title: post.title, targetRecipients: recipients))
        switch created {
        case .created: return SendReceipt(message: "message sent to \(recipients) (P lists your messages)")
        case .enqueued: return SendReceipt(message: "message held for approval by the moderators")
        }
    }

    /// One draft per reply target: the topic, or the new topic being written.
    static func key(for topicID: Int?) -> String { topicID.map { "topic_\($0)" } ?? "new_topic" }

    /// A new private message keeps its own draft (Discourse's key for it), apart from a new topic's.
    static func key(for post: ComposedPost) -> String {
        if let edit = post.edit { return "edit_post_\(edit.postID)" }
        return post.recipients == nil ? key(for: post.topicID) : "new_private_message"
    }

    /// An edit has no title: its draft's title column keeps the text the edit started from, so
    /// a kept edit comes back with its conflict check intact (no schema change for one field).
    static func draft(for post: ComposedPost) -> ForaStore.Draft {
        ForaStore.Draft(
            key: key(for: post), topicID: post.topicID, replyToPostNumber: post.replyToPostNumber,
            title: post.edit?.originalRaw ?? post.title, categoryID: post.categoryID, body: post.raw)
    }
}
