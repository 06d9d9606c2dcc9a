import ForaCore
import Foundation
import Synchronization

/// Fills the store from a `SyncSource`, incrementally and resumably:
/// 1. the chosen lists, page by page (topic metadata only);
/// 2. every listed topic whose `highest_post_number` or `last_posted_at` differs from what
///    was last fully stored: its stream, then only the posts not stored yet, in chunks.
/// Every page and chunk is its own transaction, and a topic is marked synced only after its
/// last chunk, so a sync killed at any point leaves a consistent store and the next run
/// fetches only what is still missing.
public final class SyncEngine: Sendable {
    public struct Options: Sendable {
        public var lists: [SyncList] = [.latest]
        /// Topics per list at most (nil: the whole list).
        public var topicLimit: Int? = 30
        /// Topics fetched in parallel.
        public var concurrency = 4
        /// Post ids per `posts` request (as the Discourse backend's `DiscourseService.postBatchSize`).
        public var postsPerRequest = 50
        /// Retries of a transient failure (server error, dropped body) before giving up.
        public var maxRetries = 4
        /// The wait when a 429 does not say how long.
        public var defaultRateLimitWait = 5
        /// Also keep the account's own lists (notifications, bookmarks, the review queue
        /// when visible) for offline use, when the source can serve them; nil: topics only.
        public var account: AccountLists?

        public init() {}
    }

    /// Which of the account's lists a sync keeps.
    public struct AccountLists: Sendable {
        /// Bookmarks are listed per user: without a username they are skipped.
        public var username: String?
        public var reviewQueue = true

        public init(username: String?, reviewQueue: Bool = true) {
            self.username = username
            self.reviewQueue = reviewQueue
        }
    }

    let store: Store
    let source: any SyncSource
    private let options: Options
    private let state = Mutex(SyncProgress())
    private let clock = ContinuousClock()

    public init(store: Store, source: any SyncSource, options: Options = Options()) {
        self.store = store
        self.source = source
        self.options = options
    }

    /// Runs one sync (one at a time per engine). `progress` is called from background tasks
    /// after each step.
    public func run(progress: @escaping @Sendable (SyncProgress) -> Void = { _ in }) async throws -> SyncSummary {
        let start = clock.now
        state.withLock { $0 = SyncProgress() }
        let clock = self.clock
        let report: @Sendable ((inout SyncProgress) -> Void) -> Void = { [self] change in
            let snapshot = self.state.withLock { value in
                change(&value)
                value.elapsed = Self.seconds(clock.now - start)
                return value
            }
            progress(snapshot)
        }
        var listed: [Int] = []
        for list in options.lists {
            listed += try await syncList(list, report: report)
        }
        if let account = options.account, let accountSource = source as? any AccountSyncSource {
            try await syncAccount(account, from: accountSource, report: report)
        }
        let work = try store.topicsNeedingPosts(among: listed)
        report {
            $0.phase = .topics
            $0.topicsTotal = work.count
            $0.postsTotal = work.reduce(0) { $0 + $1.missingEstimate }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = work.makeIterator()
            for _ in 0..<max(1, options.concurrency) {
                guard let topic = next.next() else { break }
                group.addTask { try await self.syncTopic(topic, report: report) }
            }
            while try await group.next() != nil {
                guard let topic = next.next() else { continue }
                group.addTask { try await self.syncTopic(topic, report: report) }
            }
        }
        report { $0.phase = .done }
        let final = state.withLock { $0 }
        return SyncSummary(
            topics: final.topicsDone, posts: final.postsDone, requests: final.requests, elapsed: final.elapsed,
            waited: final.waited, changedTopicIDs: final.changedTopicIDs)
    }

    /// Syncs one list's pages; returns the listed topic ids in order.
    func syncList(_ list: SyncList, report: @Sendable ((inout SyncProgress) -> Void) -> Void) async throws
        -> [Int]
    {
        let generation = try store.beginListSync(list.key)
        var ids: [Int] = []
        var seen: Set<Int> = []
        var page = 0
        while true {
            let pageNumber = page
            let result = try await fetch(report: report) { try await self.source.listPage(list, page: pageNumber) }
            // Activity can move a topic to a later page mid-sync: keep its first position.
            var topics = result.topics.filter { seen.insert($0.topic.id).inserted }
            if let limit = options.topicLimit { topics = Array(topics.prefix(max(0, limit - ids.count))) }
            try store.saveListPage(
                list.key, generation: generation, startPosition: ids.count, topics: topics, users: result.users)
            ids += topics.map(\.topic.id)
            report { $0.listPages += 1 }
            page += 1
            if !result.hasMore || result.topics.isEmpty { break }
            if let limit = options.topicLimit, ids.count >= limit { break }
        }
        try store.finishListSync(list.key, generation: generation)
        return ids
    }

    /// Fetches a topic's missing posts, chunk by chunk, then marks it synced. On the way it
    /// brings the stored copy in line with the server: posts the stream no longer lists
    /// (deleted there) are dropped, posts it lists as deleted (what staff see) are kept and
    /// marked, as the site shows them, and posts whose `version` moved (edited there) are
    /// replaced, for the posts this visit sees: the stream's inline first posts and, on an
    /// update of a topic synced before, its most recent stored posts (one request more).
    func syncTopic(_ work: TopicWork, report: @Sendable ((inout SyncProgress) -> Void) -> Void) async throws {
        let topicID = work.id
        let stream: SyncTopicStream
        do {
            stream = try await fetch(report: report) { try await self.source.topicStream(topicID: topicID) }
        } catch ForaError.notFound {
            // Deleted since it was listed: forget it here too.
            try store.deleteTopic(id: topicID)
            report { $0.topicsDone += 1 }
            return
        } catch ForaError.forbidden {
            // Hidden from this account since it was listed: nothing to fetch.
            report { $0.topicsDone += 1 }
            return
        }
        let stored = try store.storedPostVersions(topicID: topicID)
        let storedDeleted = try store.deletedPostIDs(topicID: topicID)
        let changed = { (post: StoredPost) -> Bool in
            Self.isNewOrEdited(post, stored: stored) || post.deletedOnServer != storedDeleted.contains(post.id)
        }
        let listed = Set(stream.postIDs)
        // Gone: no longer listed (deleted there, and this account may not see deleted posts).
        let gone = listed.isEmpty ? [] : stored.keys.filter { !listed.contains($0) }.sorted()
        try store.deletePosts(ids: gone)
        let inline = stream.posts.filter(changed)
        try store.savePosts(inline)
        var have = Set(stored.keys).subtracting(gone).union(stream.posts.map(\.id))
        let missing = stream.postIDs.filter { !have.contains($0) }
        report {
            $0.postsDone += inline.count
            $0.postsTotal += max(0, inline.count + missing.count - Self.estimate(stream.summary, stored: stored.count))
        }
        if work.wasSynced {
            let seenInline = Set(stream.posts.map(\.id))
            let recent = Array(
                stream.postIDs.filter { stored[$0] != nil && !seenInline.contains($0) && !gone.contains($0) }.suffix(
                    options.postsPerRequest))
            if !recent.isEmpty {
                let fetched = try await fetch(report: report) {
                    try await self.source.posts(topicID: topicID, postIDs: recent)
                }
                let edited = fetched.filter(changed)
                try store.savePosts(edited)
                report {
                    $0.postsDone += edited.count
                    $0.postsTotal += edited.count
                }
            }
        }
        var index = 0
        while index < missing.count {
            let chunk = Array(missing[index..<min(missing.count, index + options.postsPerRequest)])
            let posts = try await fetch(report: report) {
                try await self.source.posts(topicID: topicID, postIDs: chunk)
            }
            try store.savePosts(posts)
            have.formUnion(posts.map(\.id))
            report { $0.postsDone += posts.count }
            index += chunk.count
        }
        if stream.postIDs.allSatisfy(have.contains) {
            try store.markTopicSynced(stream.summary)
        }
        report {
            $0.topicsDone += 1
            $0.changedTopicIDs.append(topicID)
        }
    }

    /// A post not stored yet, or stored at another version than the server now has (a
    /// post stored without a version is taken as unchanged unless the server has edited
    /// it: version above 1).
    static func isNewOrEdited(_ post: StoredPost, stored: [Int: Int?]) -> Bool {
        guard let known = stored[post.id] else { return true }
        guard let version = post.version else { return false }
        return known.map { $0 != version } ?? (version > 1)
    }

    /// Notifications, bookmarks and (when this account may see it) the review queue: one
    /// request each. A list the site does not offer or the account may not see is skipped,
    /// and a review queue kept from before is then dropped.
    private func syncAccount(
        _ account: AccountLists, from source: any AccountSyncSource,
        report: @Sendable ((inout SyncProgress) -> Void) -> Void
    ) async throws {
        if let notifications = try await optional(report, { try await source.notifications() }) {
            try store.replaceNotifications(notifications)
        }
        if let username = account.username,
            let bookmarks = try await optional(report, { try await source.bookmarks(username: username) })
        {
            try store.replaceSyncedBookmarks(bookmarks)
        }
        guard account.reviewQueue else { return }
        if let body = try await optional(report, { try await source.reviewQueue() }) {
            let queue = try JSONDecoder().decode(ReviewQueue.self, from: Data(body))
            try store.saveReviewables(
                queue.reviewables.map { item in
                    StoredReviewable(
                        id: item.id, type: item.type, status: item.status, topicID: item.topicID,
                        postID: item.targetType == "Post" ? item.targetID : nil, createdAt: item.createdAt)
                })
            try store.saveDocument(Store.reviewQueueKey, body: body)
        } else {
            try store.saveReviewables([])
            try store.removeDocument(Store.reviewQueueKey)
        }
    }

    /// A request whose refusal (not found, forbidden, not logged in) means "not offered here".
    private func optional<T: Sendable>(
        _ report: @Sendable ((inout SyncProgress) -> Void) -> Void, _ request: @Sendable () async throws -> T
    ) async throws -> T? {
        do {
            return try await fetch(report: report, request)
        } catch ForaError.notFound, ForaError.forbidden, ForaError.notLoggedIn {
            return nil
        }
    }

    /// One request, retried on transient failures and after rate-limit waits.
    private func fetch<T: Sendable>(
        report: @Sendable ((inout SyncProgress) -> Void) -> Void, _ request: @Sendable () async throws -> T
    ) async throws -> T {
        var failures = 0
        while true {
            try Task.checkCancellation()
            report { $0.requests += 1 }
            do {
                return try await request()
            } catch ForaError.rateLimited(let wait) {
                let seconds = wait ?? options.defaultRateLimitWait
                report { $0.phase = .waiting(seconds) }
                try await Task.sleep(for: .seconds(seconds))
                report {
                    $0.waited += Double(seconds)
                    $0.phase = .topics
                }
            } catch let error as ForaError {
                switch error {
                case .serverError, .malformedResponse, .other:
                    failures += 1
                    if failures > options.maxRetries { throw error }
                    try await Task.sleep(for: .milliseconds(100 << min(failures, 6)))
                default:
                    throw error
                }
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                // A transport failure the source did not classify: retry like a server error.
                failures += 1
                if failures > options.maxRetries { throw error }
                try await Task.sleep(for: .milliseconds(100 << min(failures, 6)))
            }
        }
    }

    static func estimate(_ summary: SyncTopicSummary, stored: Int) -> Int {
        max(0, summary.topic.postsCount - stored)
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        let parts = duration.components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}
