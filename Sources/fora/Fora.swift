import ArgumentParser
import DiscourseBackend
import ForaCore
import ForaNet
import ForaStore
import ForaTUI
import Foundation

/// Prints a ForaError's message on stderr and exits with its code.
struct CommandFailure: Error {
    let error: ForaError
    init(_ error: ForaError) { self.error = error }
}

@main
struct Fora: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fora",
        abstract: "A terminal client for community forums.",
        discussion: "Exit codes: 0 success, 1 other failure, 2 usage, 3 network unreachable, "
            + "4 authentication required or denied, 5 not found, 6 rate limited, 7 server error, 8 conflict.",
        version: "fora \(ForaVersion.current)",
        subcommands: [
            Categories.self, Latest.self, New.self, Unread.self, Top.self, Read.self, Search.self,
            Notifications.self, UserCommand.self, Login.self, Logout.self, Sync.self, Outbox.self, Cache.self,
            Reply.self, NewTopic.self, Edit.self, Like.self, Bookmark.self, Unbookmark.self, Bookmarks.self, Solve.self,
            Unsolve.self,
            FlagPost.self,
            Review.self, TopicModeration.self, Unanswered.self, Unsolved.self, Mine.self, Done.self,
            PrivateMessage.self, Stats.self, Doctor.self,
        ])

    @OptionGroup var globals: GlobalOptions

    static func main() async {
        ForaLog.start(LogFile(paths: XDGPaths()))
        let commands = Set(configuration.subcommands.map { $0._commandName })
        let arguments = GlobalArguments.reorder(Array(CommandLine.arguments.dropFirst()), commands: commands)
        // The library versions are looked up only when asked for, not on every start.
        if arguments == ["--version"] {
            Output.line(VersionReport.text)
            return
        }
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            Output.error("fora: \(failure.error.message)")
            Foundation.exit(failure.error.exitCode)
        } catch let error as ForaError {
            Output.error("fora: \(error.message)")
            Foundation.exit(error.exitCode)
        } catch {
            // Usage errors exit 2, as README and man page document (ArgumentParser's own is 64).
            if exitCode(for: error) == .validationFailure {
                Output.error(fullMessage(for: error))
                Foundation.exit(ForaError.usage("").exitCode)
            }
            exit(withError: error)
        }
    }

    @MainActor
    mutating func run() async throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandFailure(
                .usage("not a terminal: the interactive client needs one (try `fora latest` or `fora --help`)"))
        }
        let site = try globals.configuration()
        let app = Self.makeApp(for: site)
        let theme = globals.theme
        app.themeName = theme
        let screenReader = globals.screenReader
        app.screenReader = screenReader
        // The site picker lists config.toml's sites; picking one wires fora anew for it.
        if let resolver = try? SiteResolver.load() {
            app.siteChoices = resolver.config.sites.keys.sorted()
            app.currentSite = [
                globals.site, ProcessInfo.processInfo.environment["FORA_SITE"], resolver.config.defaultSite,
            ]
            .compactMap { $0 }.first { !$0.isEmpty }
            app.openSite = { name in
                guard let chosen = resolver.resolve(site: name, apiKey: nil, apiUsername: nil) else {
                    throw ForaError.usage("no site \(name) in config.toml")
                }
                let next = Self.makeApp(for: chosen)
                next.themeName = theme
                next.screenReader = screenReader
                return next
            }
        }
        let status = app.run()
        if status != 0 { throw ExitCode(status) }
    }

    /// The interface wired for one site: its service, store, reader, review queue and composer.
    @MainActor
    static func makeApp(for site: SiteConfiguration) -> ForaApp {
        // The one place the interface picks a backend folder by the site's `backend` key.
        let service: DiscourseService
        switch site.backend {
        case .discourse: service = DiscourseService(site: site)
        }
        // The reader and the review queue share the service's client, pacing and credentials.
        let http = StoreAccess.http(service)
        let reader = DiscourseReaderSource { path in try await http.get(path) }
        let review = DiscourseReviewSource { method, path in
            method == "GET" ? try await http.get(path) : try await http.send(method, path, [])
        }
        // Without a readable store fora still works online; drafts then live for the session.
        let store = try? StoreAccess.open(site)
        let readerSource: any ReaderDataSource =
            store.map { StoreFirstReaderSource(store: $0, network: reader) } ?? reader
        // Offline, the review queue is the one sync stored.
        let reviewSource: any ReviewDataSource =
            store.map { OfflineReviewSource(network: review, store: $0, username: site.accountUsername ?? "") }
            ?? review
        let app = ForaApp(
            service: service, siteTitle: site.baseURL, readerSource: readerSource, reviewSource: reviewSource)
        app.topicModerator = DiscourseTopicModerator(service: service)
        // Pacing, 429 and retry waits show in the status bar while they last.
        app.observeNetworkWaits = { show in
            service.client.observe { event in
                let kind: NetworkWait.Kind
                switch event.kind {
                case .pacing: kind = .pacing
                case .rateLimited: kind = .rateLimited
                case .retrying: kind = .retrying
                }
                show(NetworkWait(kind: kind, seconds: event.seconds))
            }
        }
        app.username = site.accountUsername
        app.keepsDraftsOnSite = !(site.accountUsername ?? "").isEmpty
        // Live updates share the service's client and pacing; what they bring in is stored.
        let tui = TUIConfig.load(
            path: XDGPaths(environment: ProcessInfo.processInfo.environment).config + "/config.toml")
        if tui.live {
            var options = LiveUpdateClient.Options()
            options.fallbackInterval = tui.livePollSeconds
            app.liveUpdates = LiveUpdateClient(service: service, options: options)
        }
        app.postLengthLimits = {
            let settings = try await service.siteSettings()
            return (settings.minPostLength ?? 20, settings.maxPostLength ?? 32_000)
        }
        if let store {
            app.composerHooks = ComposerWiring.hooks(
                store: store, service: service, username: site.accountUsername ?? "")
            // Unreachable site: the list synced last is shown instead, marked offline.
            app.doneMarks = StoreDoneMarks(store: store)
            // The status bar counts the outbox; what waits is sent once the site answers.
            let transport = DiscourseOutboxTransport(username: site.accountUsername ?? "", http: http)
            app.outbox = OutboxWiring(
                counts: { try store.outboxCounts() },
                send: {
                    // Called once a list load succeeded: the site answers, so what waits for
                    // the end of a back-off is due now.
                    _ = try? store.wakeWaitingOutboxItems()
                    _ = try await OutboxDrainGate.shared.drain(
                        OutboxSender(store: store, transport: transport), wait: false)
                })
            // Likes and bookmarks from the reader: committed first, then sent (one drain at a time).
            app.queueWrite = { action in
                let queued = try store.enqueue(action)
                _ = try await OutboxDrainGate.shared.drain(
                    OutboxSender(store: store, transport: transport), wait: true)
                return try store.outboxItem(id: queued.id)
            }
            app.liveStore = StoreLiveSync(store: store, source: DiscourseSyncSource(http: http))
            app.offlineAccountLists = OfflineAccountLists(store: store)
            app.health = HealthSource(
                categories: { try store.categories() }, compute: { try store.communityHealth($0) })
            app.outboxSource = OutboxSource(
                items: { try store.outboxItems() }, retry: { try store.retryOutboxItem(id: $0) },
                drop: { try store.dropOutboxItem(id: $0) })
            app.offlineList = {
                let topics = try store.topics(inList: "latest", limit: 60).map(\.topic)
                return (topics, try store.categories())
            }
        }
        return app
    }
}
