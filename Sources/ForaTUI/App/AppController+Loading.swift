import ForaCore

/// Loading in the background: the topic list, a topic for the reader and the reader's post
/// windows. Results come back on the UI thread through the runner; errors land in the status
/// bar and never interrupt reading.
extension AppController {
    /// Shows another list in the thread list (and the thread list itself, from the reader).
    func switchList(to kind: TopicListKind, argument: String? = nil) {
        var argument = argument
        if kind == .category, let name = argument, !list.categories.isEmpty {
            switch CategoryLookup.find(name, in: Array(list.categories.values)) {
            case .found(let category): argument = category.slug
            case .none:
                status.lastError = "no category \"\(name)\": the list is unchanged (:categories lists them)"
                return
            case .ambiguous(let names):
                status.lastError = "\"\(name)\" could be " + names.joined(separator: ", ") + ": the list is unchanged"
                return
            }
        }
        if kind != listKind || argument != listArgument { list.startNewList() }
        if status.lastError?.hasPrefix("no category") == true { status.lastError = nil }
        listKind = kind
        listArgument = argument
        overlays.removeAll { $0 is SearchResultsScreen || $0 is SitePickerScreen }
        resultsToReturnTo = nil
        loadList()
        status.message = listTitle
    }

    /// The commands that take text: `:category NAME`, `:tag NAME`, `:find QUERY`.
    func perform(_ operation: OperationID, argument: String) {
        switch operation {
        case .showCategory: switchList(to: .category, argument: argument)
        case .showTag: switchList(to: .tag, argument: argument)
        case .findOnSite:
            openSiteSearch(argument)
            return
        case .filterList: setFilterText(argument)
        case .flagPost:
            flagCurrentPost(argument)
            return
        case .silenceUser:
            penalizeAuthor(.silence, argument: argument)
            return
        case .suspendUser:
            penalizeAuthor(.suspend, argument: argument)
            return
        case .moveTopic:
            moveOpenTopic(to: argument)
            return
        case .newMessage:
            composeMessage(to: argument)
            return
        default: status.message = ":\(operation.rawValue) takes no text"
        }
        if focused !== list, reader != nil { perform(.back, count: nil) }
    }

    var listTitle: String { listArgument.map { "\(listKind.title): \($0)" } ?? listKind.title }

    /// Marks the selected topic of a work list done: it leaves the list until someone replies.
    func markSelectedDone() {
        guard listKind.isWorkList else {
            status.message = "done marks are for the unanswered and unsolved lists and mine (t switches)"
            return
        }
        guard let topic = list.selectedTopic, let marks = doneMarks else { return }
        do {
            try marks.markDone(topic)
            status.message = "done: hidden until someone replies"
            loadList()
        } catch {
            report(error)
        }
    }

    /// Reloads the list every `[tui] refresh` seconds, so new topics and replies appear without
    /// a key; skipped while the list is loading or a prompt is open.
    func scheduleListRefresh() {
        guard let seconds = listRefreshSeconds, seconds > 0 else { return }
        runner.run {
            try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
        } then: { [weak self] _ in
            guard let self, isRunning else { return }
            if prompt == nil, list.state != .loading { loadList() }
            scheduleListRefresh()
        }
    }

    func loadList() {
        listLoadGeneration += 1
        let generation = listLoadGeneration
        list.showLoading()
        status.connection = status.connection == .online ? .syncing : .connecting
        let service = self.service
        let pages = maximumPages
        let marks = listKind.isWorkList ? doneMarks : nil
        let kind = listKind
        let argument = listArgument
        list.listTitle = listTitle
        list.showsCounts = kind != .notifications
        runner.run {
            var fetched = try await kind.fetch(from: service, maximumPages: pages, argument: argument)
            if let marks { fetched.topics = marks.withoutDone(fetched.topics) }
            let categories = (try? await service.categories()) ?? []
            return (fetched, categories)
        } then: { [weak self] result in
            guard let self, generation == listLoadGeneration else { return }
            switch result {
            case .success(let (fetched, categories)):
                listTargets = fetched.targets
                listNotificationIDs = fetched.notificationIDs
                list.show(topics: fetched.topics, categories: categories)
                status.connection = .online
                status.rateLimitWait = nil
                status.unreadTopics = list.unreadCount
                sendWaitingOutbox()
            case .failure(let error):
                refreshOutboxCount()
                if Self.isUnreachable(error), showOfflineList(kind, argument: argument, error: error) { return }
                list.show(error: Self.message(for: error))
                report(error)
            }
        }
    }

    /// Opens `topic` in the reader, at post `number` when given (a refresh keeps the place).
    func open(_ topic: Topic, at number: Int? = nil) {
        guard let source = readerSource else {
            status.message = "reading topics is not wired into this build yet"
            return
        }
        let category = topic.categoryID.flatMap { list.categories[$0] }
        let screen: ReaderScreen
        if number != nil, let current = reader, current.topic.id == topic.id {
            // A refresh: keep reading the old copy until the new one is ready.
            screen = current
            status.connection = .syncing
        } else {
            let placeholder = ReaderTopic(
                id: topic.id, title: topic.title, categoryName: category?.name, categoryColor: category?.color,
                postCount: 0, initialPosts: [])
            screen = ReaderScreen(topic: placeholder, renderer: renderer)
            screen.loadingMessage = "Loading…"
            show(screen)
        }
        runner.run {
            try await source.topic(id: topic.id)
        } then: { [weak self] result in
            guard let self, self.reader === screen else { return }
            switch result {
            case .success(var loaded):
                loaded.categoryName = loaded.categoryName ?? category?.name
                loaded.categoryColor = loaded.categoryColor ?? category?.color
                let ready = ReaderScreen(topic: loaded, renderer: renderer)
                show(ready)
                // A topic opens where the user left it: the first unread post.
                if let number = number ?? loaded.resumePostNumber { _ = ready.goto(postNumber: number) }
                status.connection = .online
            case .failure(let error):
                if screen.stream.count == 0 {
                    screen.loadingMessage = "Could not open this topic: " + Self.message(for: error)
                }
                report(error)
            }
        }
    }

    func show(_ screen: ReaderScreen) {
        screen.onNeedPosts = { [weak self, weak screen] range in
            guard let self, let screen else { return }
            loadPosts(range, into: screen)
        }
        screen.onMessage = { [weak self] message in self?.status.message = message }
        screen.onRefresh = { [weak self, weak screen] in
            guard let self, let screen else { return }
            // `r` asks the site, not the stored copy (which changes only at the next sync).
            readerSource?.invalidate(topicID: screen.topic.id)
            let topic =
                list.allTopics.first { $0.id == screen.topic.id }
                ?? Topic(id: screen.topic.id, title: screen.topic.title)
            open(topic, at: screen.currentPostNumber)
        }
        reader = screen
        focusOnList = false
        overlays.removeAll()
    }

    func loadPosts(_ range: Range<Int>, into screen: ReaderScreen) {
        guard let source = readerSource else { return }
        let topicID = screen.topic.id
        runner.run {
            try await source.posts(topicID: topicID, positions: range)
        } then: { [weak self, weak screen] result in
            guard let screen else { return }
            switch result {
            case .success(let posts): screen.receive(posts, at: range.lowerBound)
            case .failure(let error):
                screen.loadFailed(range)
                self?.report(error)
            }
        }
    }

    func report(_ error: any Error) {
        status.lastError = Self.message(for: error)
        switch error as? ForaError {
        case .rateLimited(let wait): status.rateLimitWait = wait
        case .hostUnreachable, .dns, .tls: status.connection = .offline
        case .notFound, .forbidden, .validation, .conflict, .notLoggedIn, .malformedResponse, .serverError, .usage,
            .redirectRefused, .responseLimit:
            status.connection = .online  // the site answered
        default: if status.connection != .online { status.connection = .offline }
        }
    }

    /// The site could not be reached (as opposed to answering with an error).
    nonisolated static func isUnreachable(_ error: any Error) -> Bool {
        switch error as? ForaError {
        case .hostUnreachable?, .dns?, .tls?, .other?: return true
        default: return !(error is ForaError)
        }
    }

    static func message(for error: any Error) -> String {
        (error as? ForaError)?.message ?? String(describing: error)
    }
}
