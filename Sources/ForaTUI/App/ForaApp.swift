import ForaCore
import ForaStore
import Foundation

/// Runs the interface full-screen until the user quits: the ncurses terminal, the input loop
/// (asleep in `poll()` until a key, a resize or a background result), and the controller.
@MainActor
public final class ForaApp {
    private let service: any CommunityService
    private let siteTitle: String
    private let readerSource: (any ReaderDataSource)?
    private let reviewSource: (any ReviewDataSource)?
    private let mailbox = UIMailbox()
    /// What the composer sends and where its drafts go (the binary wires the outbox and store).
    public var composerHooks = ComposerHooks()
    /// The list synced last, shown (marked offline) when the site cannot be reached.
    /// Moderates the open topic (staff).
    public var topicModerator: (any TopicModerator)?
    /// Fetches the site's `min_post_length` and `max_post_length`.
    public var postLengthLimits: (@Sendable () async throws -> (Int, Int))?
    /// Commits a write to the outbox and sends it (like, bookmark from the reader).
    public var queueWrite: (@Sendable (OutboxAction) async throws -> OutboxItem)?
    /// Where "done" marks of the work lists are kept.
    public var doneMarks: (any DoneMarks)?
    /// Who is logged in, for the private messages list.
    public var username: String?
    public var offlineList: (@Sendable () throws -> ([Topic], [ForaCore.Category]))?
    /// The cache's community-health figures (nil: no store).
    public var health: HealthSource?
    /// The outbox's items for `:outbox` (nil: no store).
    public var outboxSource: OutboxSource?
    /// The outbox's counts for the status bar and its background sender.
    public var outbox = OutboxWiring()
    /// Notifications and bookmarks as sync stored them, shown when the site cannot be reached.
    public var offlineAccountLists: OfflineAccountLists?
    /// `--theme NAME`: wins over `FORA_THEME` and `[tui] theme`.
    public var themeName: String?
    /// `--screen-reader`: the linear mode, whatever `FORA_SCREEN_READER` and `[ui]` say.
    public var screenReader = false
    /// The `[sites.NAME]` of config.toml for the site picker, and the one this app is for.
    public var siteChoices: [String] = []
    public var currentSite: String?
    /// Wires fora for another site of config.toml (store, service, reader…), for the picker.
    public var openSite: ((String) throws -> ForaApp)?
    /// Live updates (message bus or polling) and the store path they refresh through.
    public var liveUpdates: (any LiveUpdateSource)?
    public var liveStore: (any LiveStoreSync)?
    /// Connects the HTTP client's waits (pacing, 429s, retries) to the status bar: called once
    /// with the handler to give the client's observer.
    public var observeNetworkWaits: ((@escaping @Sendable (NetworkWait) -> Void) -> Void)?
    /// Whether drafts are copied to the site too (a logged-in user; `[tui] site-drafts` can say no).
    public var keepsDraftsOnSite = false

    /// `readerSource` nil: the list works and opening a topic says it is not available.
    public init(
        service: any CommunityService, siteTitle: String, readerSource: (any ReaderDataSource)? = nil,
        reviewSource: (any ReviewDataSource)? = nil
    ) {
        self.reviewSource = reviewSource
        self.service = service
        self.siteTitle = siteTitle
        self.readerSource = readerSource
    }

    /// Returns the process exit code.
    public func run() -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        var config = TUIConfig.load(path: XDGPaths(environment: environment).config + "/config.toml")
        config.accessibility.apply(environment: environment)
        if screenReader { config.accessibility.screenReader = true }
        let themeName =
            [self.themeName, environment["FORA_THEME"]].compactMap { $0 }.first { !$0.isEmpty } ?? config.theme
        let theme: Theme
        do {
            theme = try ThemeLoader.load(named: themeName, environment: environment)
        } catch let error as Theme.ParseError {
            if case .invalid(let message) = error { config.warnings.append(message) }
            theme = .fallback
        } catch {
            theme = .fallback
        }
        let terminal = NcursesTerminal(
            theme: theme, noColor: environment["NO_COLOR"].map { !$0.isEmpty } ?? false, mouse: config.mouse,
            environment: environment)
        terminal.presentation = config.accessibility.presentation
        defer { terminal.shutdown() }
        var app = self
        while true {
            NcursesTerminal.wakeOnQuitSignal(app.mailbox.wakeDescriptor)
            let controller = app.runController(on: terminal, config: config)
            let signal = NcursesTerminal.quitSignal
            if signal != 0 { return 128 + signal }
            guard let name = controller.requestedSite, let openSite else { return 0 }
            // The next site gets the same terminal; its own store, service and reader.
            do {
                let next = try openSite(name)
                next.siteChoices = siteChoices
                next.currentSite = name
                next.openSite = openSite
                app = next
                config.warnings = []
            } catch {
                config.warnings = ["could not open site \(name): \((error as? ForaError)?.message ?? "\(error)")"]
            }
        }
    }

    /// Runs one controller for this app's site until the user quits or picks another site.
    private func runController(on terminal: NcursesTerminal, config: TUIConfig) -> AppController {
        let controller = AppController(
            terminal: terminal, service: service, siteTitle: siteTitle, readerSource: readerSource,
            runner: MailboxRunner(mailbox: mailbox), config: config, reviewSource: reviewSource)
        controller.composerHooks = composerHooks
        controller.offlineList = offlineList
        controller.health = health
        controller.outboxSource = outboxSource
        controller.outbox = outbox
        controller.offlineAccountLists = offlineAccountLists
        controller.doneMarks = doneMarks
        controller.username = username
        controller.postLengthLimits = postLengthLimits
        controller.queueWrite = queueWrite
        controller.topicModerator = topicModerator
        controller.siteChoices = openSite == nil ? [] : siteChoices
        controller.currentSite = currentSite
        if config.live { controller.liveUpdates = liveUpdates }
        controller.liveStore = liveStore
        observeNetworkWaits?(controller.networkWaitHandler)
        if keepsDraftsOnSite, config.siteDrafts {
            controller.siteDrafts = SiteDrafts(service: service, runner: MailboxRunner(mailbox: mailbox))
        }
        controller.start()
        while controller.isRunning {
            controller.draw()
            mailbox.waitForActivity()
            if NcursesTerminal.quitSignal != 0 {
                // SIGINT/SIGTERM: drafts are saved (and their journal flushed) as on `q`.
                controller.quit()
                break
            }
            mailbox.drain()
            for event in terminal.pendingEvents() where controller.isRunning {
                controller.handle(event)
            }
        }
        return controller
    }
}
