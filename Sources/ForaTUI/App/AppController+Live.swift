import ForaCore

/// The store side of live updates, wired by the binary over the sync engine, so what live
/// updates bring in is stored for offline reading exactly as `fora sync` stores it.
public protocol LiveStoreSync: Sendable {
    /// Fetches a topic's posts that are not stored yet into the store.
    func refreshTopic(_ topicID: Int) async throws
    /// Fetches posts that changed (edits, likes) into the store again.
    func refreshPosts(topicID: Int, postIDs: [Int]) async throws
    /// Refreshes the latest list in the store (metadata only) and returns it as stored.
    func refreshLatest() async throws -> (topics: [Topic], categories: [ForaCore.Category])
}

/// What the app keeps for live updates: the sources, the watched topic and the refreshes in
/// flight (one of each at a time; news arriving meanwhile asks for one more afterwards).
struct LiveWiring {
    var source: (any LiveUpdateSource)?
    var store: (any LiveStoreSync)?
    var watchedTopic: Int?
    var fetchingPosts = false
    var postsAgain = false
    var refreshingList = false
    var listAgain = false
    /// List refreshes are at least this many seconds apart: a busy site bumps `/latest`
    /// every few seconds, and each refresh costs requests against the site's rate limits.
    var minimumListInterval: Double = 10
    var lastListRefresh: ContinuousClock.Instant?
    var listDelayed = false
}

/// Live updates from the app's side (issues 3, 6, 8): one background listener at a time asks
/// the source for news; new posts of the open topic are stored, then appended to the reader
/// with the "new" marker without moving the reading position; the thread list refreshes in
/// place; the status bar's notification and review counts follow the messages, whatever
/// screen is showing. Everything runs through the runner, so the UI thread never waits.
extension AppController {
    public var liveUpdates: (any LiveUpdateSource)? {
        get { live.source }
        set { live.source = newValue }
    }

    public var liveStore: (any LiveStoreSync)? {
        get { live.store }
        set { live.store = newValue }
    }

    /// Starts listening a moment after launch, so the first list load has the connections
    /// (and, on a slow link, the bandwidth) to itself.
    func startLive() {
        guard live.source != nil else { return }
        watchOpenTopic()
        runner.run {
            try await Task.sleep(nanoseconds: 500_000_000)
        } then: { [weak self] _ in
            self?.listenLive()
        }
    }

    /// The next wait for news; it re-arms itself after each answer until the app stops.
    private func listenLive() {
        guard let source = live.source, isRunning else { return }
        runner.run {
            await source.nextEvents()
        } then: { [weak self] result in
            guard let self, isRunning else { return }
            if case .success(let events) = result { apply(events) }
            listenLive()
        }
    }

    /// Tells the source which topic the reader shows (called when the reader changes).
    func watchOpenTopic() {
        guard let source = live.source else { return }
        let topicID = reader?.topic.id
        guard topicID != live.watchedTopic else { return }
        live.watchedTopic = topicID
        runner.run {
            await source.watchTopic(topicID)
        } then: { _ in
            // Nothing to show: the source's next wait includes the topic.
        }
    }

    /// Acts on one batch of events; several of a kind make one refresh.
    public func apply(_ events: [LiveEvent]) {
        var refreshTopic = false
        var refreshList = false
        var changedPosts: Set<Int> = []
        for event in events {
            switch event {
            case .topicChanged(let topicID, let postNumber, let kind):
                guard topicID == reader?.topic.id else { break }
                if ["created", "recovered", "reload"].contains(kind) {
                    refreshTopic = true
                } else if Self.postChanges.contains(kind), let number = postNumber {
                    changedPosts.insert(number)
                }
            case .listChanged(let topicID):
                refreshList = true
                // A reply also bumps `/latest`: that catches posts made before the topic's
                // own channel was subscribed.
                if let topicID, topicID == reader?.topic.id { refreshTopic = true }
            case .notificationCounts(let unread, let highPriority):
                status.unreadNotifications = unread + highPriority
            case .reviewCount(let count):
                let changed = status.pendingReviews != count
                status.pendingReviews = count
                if changed, let queue = reviewScreen { queue.reload() }
            case .mode(.polling):
                status.message = "live updates: the site has no message bus; polling instead"
            case .mode(.messageBus):
                break
            }
        }
        if refreshTopic, let reader { fetchLivePosts(into: reader) }
        if let reader {
            for number in changedPosts.sorted() { fetchChangedPost(number, into: reader) }
        }
        if refreshList { refreshListLive() }
    }

    /// Stores the open topic's new posts, then appends them to the reader, marked new.
    func fetchLivePosts(into screen: ReaderScreen) {
        guard let source = readerSource, screen.stream.count > 0 else { return }
        guard !live.fetchingPosts else {
            live.postsAgain = true
            return
        }
        live.fetchingPosts = true
        let topicID = screen.topic.id
        let known = screen.stream.count
        let store = live.store
        runner.run {
            // Through the store when there is one (a failure there still shows the posts).
            try? await store?.refreshTopic(topicID)
            let topic = try await source.topic(id: topicID)
            guard topic.postCount > known else { return (topic.postCount, [ReaderPost]()) }
            if topic.initialPosts.count >= topic.postCount {
                return (topic.postCount, Array(topic.initialPosts[known...]))
            }
            return (topic.postCount, try await source.posts(topicID: topicID, positions: known..<topic.postCount))
        } then: { [weak self, weak screen] result in
            guard let self else { return }
            live.fetchingPosts = false
            if let screen, reader === screen, case .success(let (total, posts)) = result, !posts.isEmpty {
                screen.receiveLive(posts, at: known, total: total)
                status.message =
                    posts.count == 1 ? "1 new post in this topic" : "\(posts.count) new posts in this topic"
            }
            if live.postsAgain {
                live.postsAgain = false
                if let reader { fetchLivePosts(into: reader) }
            }
        }
    }
}

/// Posts of the open topic that change while it is open (an edit, a like).
extension AppController {
    /// The `/topic/{id}` message types that change one post in place.
    static let postChanges: Set<String> = ["revised", "rebaked", "liked", "unliked"]

    /// Stores the changed post again, then shows it where it stands (loaded posts only: one
    /// not loaded yet is fetched fresh when it is scrolled to).
    func fetchChangedPost(_ number: Int, into screen: ReaderScreen) {
        guard let source = readerSource, let position = screen.stream.loadedPosition(ofNumber: number),
            let postID = screen.stream[position]?.id
        else { return }
        let topicID = screen.topic.id
        let store = live.store
        runner.run {
            try? await store?.refreshPosts(topicID: topicID, postIDs: [postID])
            return try await source.posts(topicID: topicID, positions: position..<position + 1)
        } then: { [weak self, weak screen] result in
            guard let self, let screen, reader === screen, case .success(let posts) = result, let post = posts.first
            else { return }
            screen.replaceLive(post, at: position)
        }
    }
}
