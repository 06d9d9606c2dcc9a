import ForaCore
import ForaRender

/// Opening composers: a reply pane under the reader (to the topic or a post, with a quote),
/// a new topic over the whole screen; drafts come back through `composerHooks.loadDraft`.
extension AppController {
    func compose(_ request: ComposeRequest) {
        switch request {
        case .reply, .quote:
            // Refused now, with the reason, rather than after writing a reply the site rejects.
            if let refusal = reader?.topic.replyRefusal, moderationViewer?.isStaff != true {
                status.message = refusal
                return
            }
        case .newTopic: break
        }
        switch request {
        case .newTopic:
            guard !(overlays.last is ComposerScreen) else { return }
            let categories = list.categories.values.sorted { $0.name < $1.name }
            let initial = composerHooks.loadDraft(nil)
            let screen = makeComposer(
                target: .newTopic, initial: initial, participants: [], categories: categories,
                editorContext: nil, variables: [:])
            overlays.append(screen)
            if initial == nil { restoreFromSite(screen, topicID: nil) }
            startInEditorIfConfigured(screen)
        case .reply(let number):
            guard let reader else { return }
            if let open = composer as? ComposerScreen {
                if let number { open.retarget(replyTo: number, username: reader.post(number: number)?.username) }
                focusOnReader = false
                status.message = "now " + open.target.summary
                return
            }
            startInEditorIfConfigured(openReplyComposer(to: number, in: reader))
        case .quote(let quoted):
            guard let reader else { return }
            let screen = (composer as? ComposerScreen) ?? openReplyComposer(to: quoted.postNumber, in: reader)
            screen.insertQuote(quoted)
            focusOnReader = false
        }
    }

    /// `:pm USER`: a new private message over the whole screen, with a title field.
    func composeMessage(to recipients: String) {
        let names = recipients.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map {
            $0.hasPrefix("@") ? String($0.dropFirst()) : String($0)
        }
        guard !names.isEmpty else {
            status.message = ":pm needs a username"
            return
        }
        overlays.removeAll { $0 is ComposerScreen }
        let screen = makeComposer(
            target: .message(to: names.joined(separator: ",")), initial: nil, participants: names, categories: [],
            editorContext: nil, variables: ["username": names[0]])
        overlays.append(screen)
        startInEditorIfConfigured(screen)
    }

    /// `e` in the reader: the focused post, if it is the user's, in the composer pane with its
    /// markdown (fetched: the reader holds only cooked HTML).
    func editCurrentPost() {
        guard let reader = activeReader, let post = reader.currentPost else { return }
        guard reader === self.reader else {
            status.message = "the composer opens under the topic's own reader: open it from the list to edit"
            return
        }
        if let username, !username.isEmpty, post.username.lowercased() != username.lowercased() {
            status.message = "you can edit only your own posts (post #\(post.number) is by \(post.username))"
            return
        }
        if composer != nil {
            status.message = "close the composer first (Esc)"
            return
        }
        let service = self.service
        let topic = reader.topic
        runner.run {
            try await service.post(id: post.id)
        } then: { [weak self] result in
            guard let self, self.reader === reader, composer == nil else { return }
            switch result {
            case .success(let full):
                guard let raw = full.raw else {
                    status.message = "the site did not send this post's markdown"
                    return
                }
                // A kept draft of this edit wins over the site's text; it keeps the text the
                // edit started from, so a change on the site since is still shown as a conflict.
                let kept = composerHooks.loadEditDraft(post.id)
                let edit = PostEdit(postID: post.id, postNumber: post.number, originalRaw: kept?.originalRaw ?? raw)
                var target = ComposerTarget(topicID: topic.id, topicTitle: topic.title)
                target.edit = edit
                let screen = makeComposer(
                    target: target, initial: ComposedPost(raw: kept?.raw ?? raw, topicID: topic.id, edit: edit),
                    participants: reader.participants, categories: [], editorContext: nil, variables: [:])
                openComposer(screen, rows: composerHooks.paneRows)
                status.message =
                    kept == nil
                    ? "editing #\(post.number): C-x saves" : "editing #\(post.number): your kept draft is back"
            case .failure(let error): report(error)
            }
        }
    }

    /// `P`, `:messages`: the user's private message threads; Enter reads one.
    func showMessages() {
        guard let username, !username.isEmpty else {
            status.message = "private messages need a login (fora login)"
            return
        }
        switchList(to: .messages, argument: username)
    }

    @discardableResult
    private func openReplyComposer(to number: Int?, in reader: ReaderScreen) -> ComposerScreen {
        let topic = reader.topic
        let draft = composerHooks.loadDraft(topic.id)
        let replyTo = number ?? draft?.replyToPostNumber
        let answered = replyTo.flatMap(reader.post(number:)) ?? reader.post(number: 1)
        let target = ComposerTarget(
            topicID: topic.id, topicTitle: topic.title, replyToPostNumber: replyTo,
            replyToUsername: replyTo.flatMap(reader.post(number:))?.username)
        let context = answered.map { "#\($0.number) by \($0.username):\n\n" + reader.plainText(of: $0) }
        var variables = ["username": answered?.username ?? "", "topic_title": topic.title, "solution_link": ""]
        if let solution = topic.acceptedAnswerPostNumber {
            variables["solution_link"] = QuoteMarkup.postLink(baseURL: siteURL, topicID: topic.id, postNumber: solution)
        }
        let screen = makeComposer(
            target: target, initial: draft, participants: reader.participants, categories: [], editorContext: context,
            variables: variables)
        openComposer(screen, rows: composerHooks.paneRows)
        if draft != nil { status.message = "draft restored" } else { restoreFromSite(screen, topicID: topic.id) }
        return screen
    }

    private func makeComposer(
        target: ComposerTarget, initial: ComposedPost?, participants: [String], categories: [ForaCore.Category],
        editorContext: String?, variables: [String: String]
    ) -> ComposerScreen {
        var hooks = siteDrafts?.wrap(composerHooks) ?? composerHooks
        if let work = hooks.sendInBackground {
            let runner = self.runner
            // Sent or queued, the outbox changed: the status bar recounts it.
            hooks.send = { [weak self] post, done in
                runner.run(
                    { try await work(post) },
                    then: { result in
                        self?.refreshOutboxCount()
                        done(result)
                    })
            }
        }
        let screen = ComposerScreen(
            target: target, initial: initial, hooks: hooks, participants: participants, categories: categories,
            // The preview cooks :emoji: and @mentions as the server will.
            renderer: renderer is CookedRenderer
                ? CookedRenderer(options: RenderOptions(cookShortcodes: true)) : renderer,
            editorContext: editorContext, snippetVariables: variables)
        let terminal = self.terminal
        let runner = self.runner
        screen.suspend = { body in terminal.suspend(body) }
        screen.schedule = { delay, work in
            runner.run {
                try await Task.sleep(for: delay)
            } then: { _ in
                work()
            }
        }
        screen.onFinish = { [weak self, weak screen] message, postNumber in
            guard let self, let screen else { return }
            dismissComposer(screen)
            status.message = message
            if let postNumber { showNewPost(postNumber) }
        }
        return screen
    }

    private func startInEditorIfConfigured(_ screen: ComposerScreen) {
        if composerHooks.alwaysExternalEditor { _ = screen.perform(.externalEditor, count: nil) }
    }

    /// After a reply was created: reload the topic at the new post.
    /// The topic is read from the site from now on (its stored copy lacks the new post), so
    /// the reply or message shows at once, without `r`.
    private func showNewPost(_ number: Int) {
        guard let reader else { return }
        let topic =
            list.allTopics.first { $0.id == reader.topic.id } ?? Topic(id: reader.topic.id, title: reader.topic.title)
        readerSource?.invalidate(topicID: topic.id)
        open(topic, at: number)
    }

    /// Quitting with a composer open keeps what it holds as a draft.
    func saveOpenDrafts() {
        let open = ([composer] + overlays).compactMap { $0 as? ComposerScreen }
        for screen in open where !screen.isEmpty { screen.saveDraftNow() }
    }

    /// Closes `screen`, the pane or the new-topic overlay.
    func dismissComposer(_ screen: ComposerScreen) {
        if composer === screen {
            closeComposer()
        } else {
            overlays.removeAll { $0 === screen }
        }
    }
}
