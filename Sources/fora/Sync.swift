import ArgumentParser
import DiscourseBackend
import ForaCore
import ForaNet
import ForaStore
import Foundation

/// `fora sync`: fills the local store for offline reading, incrementally and resumably.
struct Sync: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fetch lists and their topics' posts into the local store for offline reading.")
    @OptionGroup var globals: GlobalOptions
    @Option(name: .customLong("category"), help: "A category slug to sync (repeatable); default: latest.")
    var categories: [String] = []
    @Option(name: .customLong("tag"), help: "A tag to sync (repeatable).") var tags: [String] = []
    @Option(help: "Topics per list at most.") var limit = 30
    @Flag(help: "Every topic of the lists, however many.") var all = false
    @Option(help: "Topics fetched in parallel.") var concurrency = 4
    @Flag(help: "Only topics: leave notifications, bookmarks and the review queue as they are.")
    var topicsOnly = false

    mutating func run() async throws {
        let service = try globals.service()
        let store = try StoreAccess.open(service.site)
        var lists: [SyncList] = []
        // Categories are always stored: offline lists show their names and colours.
        let known = try await withFailures { try await service.categories() }
        try await StoreAccess.run { try store.saveCategories(known) }
        if !categories.isEmpty {
            for slug in categories {
                guard let category = known.first(where: { $0.slug == slug }) else {
                    throw CommandFailure(.usage("no category with the slug \(slug) (see `fora categories`)"))
                }
                lists.append(.category(slug: category.slug, id: category.id))
            }
        }
        lists += tags.map(SyncList.tag)
        if lists.isEmpty { lists = [.latest] }
        var options = SyncEngine.Options()
        options.lists = lists
        options.topicLimit = all ? nil : limit
        options.concurrency = max(1, concurrency)
        let site = service.site
        if !topicsOnly, site.apiKey != nil || site.userAPIKey != nil {
            // Bookmarks are listed per user; a User API Key does not name its user.
            var username = site.accountUsername
            if username == nil { username = try? await service.currentUser().username }
            options.account = SyncEngine.AccountLists(username: username)
        }
        let engine = SyncEngine(
            store: store, source: DiscourseSyncSource(http: StoreAccess.http(service)), options: options)
        let showProgress = isatty(STDERR_FILENO) == 1 && !globals.json
        // One line of progress instead of a line per paced request: the pacing is visible in
        // the rate and ETA.
        service.client.observe(nil)
        let summary = try await StoreAccess.run {
            try await engine.run { progress in
                guard showProgress else { return }
                Output.progress(progress.line)
            }
        }
        if showProgress { Output.progress(nil) }
        let limits = try globals.cacheLimits()
        let evicted = try await StoreAccess.run { try CacheLimitsEnforcement.apply(limits, to: store) }
        let waiting = try await StoreAccess.run { try store.stats().outboxUnsent }
        if globals.json {
            try Output.json([
                "topics": summary.topics, "posts": summary.posts, "requests": summary.requests,
                "seconds": summary.elapsed, "outbox_unsent": waiting, "evicted_topics": evicted,
            ])
            return
        }
        Output.line(summary.line)
        if evicted > 0 { Output.line("evicted \(evicted) least recently read topics to stay within [cache] limits") }
        if waiting > 0 {
            Output.line("\(waiting) \(waiting == 1 ? "write" : "writes") waiting to be sent: fora outbox send")
        }
    }
}
