import ForaCore
import ForaRender
import ForaStore

/// The interface's brain, free of ncurses so tests drive it on a `GridTerminal`: the screen
/// stack (thread list, an open reader, overlays such as help and links), the layout, the
/// status model, key dispatch through the keymap and the `:`/`/` prompt.
@MainActor
public final class AppController {
    public let terminal: any Terminal
    public internal(set) var status: StatusModel
    public private(set) var keymap: Keymap
    public private(set) var layout: PaneLayout
    public let list: ThreadListScreen
    public internal(set) var reader: ReaderScreen? {
        didSet {
            watchOpenTopic()
            if reader == nil { trackReading() }
        }
    }
    /// The reader's on-screen times, sent as timings (AppController+Reading).
    var reading = ReadingTracker()
    /// The pane below the reader for writing (issue 7 fills it; the layout already makes room).
    public private(set) var composer: (any Screen)?
    private var composerRows = 0
    /// With the composer open, whether the reader above it has the focus (switch-pane).
    public internal(set) var focusOnReader = false
    /// What every composer gets: sending, drafts, site limits (the lead wires them).
    public var composerHooks = ComposerHooks()
    /// The site's copy of the drafts (nil: drafts stay local).
    public var siteDrafts: SiteDrafts?
    /// Which list the thread list shows (`t` cycles).
    public internal(set) var listKind: TopicListKind = .latest
    /// The category, tag or query of a `.category`, `.tag` or `.search` list.
    var listArgument: String?
    /// How often the thread list reloads itself (nil or 0: never).
    let listRefreshSeconds: Double?
    /// Moderates the open topic (nil: not offered).
    public var topicModerator: (any TopicModerator)?
    /// Who is looking, for the moderation preconditions (nil until known: a member).
    var moderationViewer: ModerationViewer?
    /// The site's category names, which `:move` completes (PostModeration).
    var moderationCategoryNames: [String] = []
    /// Fetches the site's post length limits (nil: the composer keeps Discourse's defaults).
    public var postLengthLimits: (@Sendable () async throws -> (Int, Int))?
    /// Commits a write to the outbox and sends it (like, bookmark); answers the item's state.
    public var queueWrite: (@Sendable (OutboxAction) async throws -> OutboxItem)?
    /// Likes and bookmarks queued from this session, as "like:POSTID": a second `l` on the same
    /// post is refused rather than sent to fail (fora cannot unlike yet).
    var queuedPostWrites: Set<String> = []
    /// "Done" marks of the work lists, kept by the store (nil: none kept).
    public var doneMarks: (any DoneMarks)?
    /// The post a row of the current list leads to (a notification's post), by row.
    var listTargets: [Int: Int] = [:]
    /// The notification behind a row of the notifications list, by row (marked read when opened).
    var listNotificationIDs: [Int: Int] = [:]
    /// Counts list loads: a load's answer is shown only when no later load was started, so a
    /// slow answer for the list the user left never replaces the list they switched to.
    var listLoadGeneration = 0
    /// The search results a topic was opened from: `q` in that reader shows them again.
    var resultsToReturnTo: SearchResultsScreen?
    /// The health screen a topic was opened from: `q` in that reader shows it again.
    var healthToReturnTo: HealthScreen?
    /// The cache's community-health figures (nil: no store).
    public var health: HealthSource?
    /// The outbox's items for `:outbox` (nil: no store).
    public var outboxSource: OutboxSource?
    /// Counts network waits shown: a wait's end clears the status only if no later one came.
    var networkWaitGeneration = 0
    /// Who is logged in (the private messages list needs the name; nil: anonymous).
    public var username: String?
    /// The list synced last, for when the site cannot be reached (nil: no store).
    public var offlineList: (@Sendable () throws -> ([Topic], [ForaCore.Category]))?
    /// The outbox's counts for the status bar, and its background sender (AppController+Outbox).
    public var outbox = OutboxWiring()
    /// Notifications and bookmarks as sync stored them, for when the site cannot be reached.
    public var offlineAccountLists: OfflineAccountLists?
    /// Screens over the panes (help, links), top last.
    public internal(set) var overlays: [any Screen] = []
    /// In side-by-side mode, whether the list has the focus.
    public internal(set) var focusOnList = false
    public private(set) var prompt: CommandPrompt?
    /// The `[sites.NAME]` of config.toml for the site picker, and the one open (nil: a URL).
    public var siteChoices: [String] = []
    public var currentSite: String?
    /// The site the user picked; the app reopens everything for it once the loop ends.
    public private(set) var requestedSite: String?
    public private(set) var isRunning = true {
        didSet {
            if !isRunning {
                saveOpenDrafts()
                flushReading()
                composerHooks.flushDrafts()
            }
        }
    }

    /// Ends the loop as `q` does, drafts saved (SIGINT, SIGTERM).
    public func quit() { isRunning = false }

    let service: any CommunityService
    let readerSource: (any ReaderDataSource)?
    let runner: any BackgroundRunner
    let renderer: any PostRendering
    private let opener: any URLOpener
    let siteURL: String
    private var dispatcher = KeyDispatcher()
    private var history: [CommandPrompt.Kind: [String]] = [:]
    /// The review queue's source, viewer and settings (AppController+Review).
    var review = ReviewWiring()
    /// Live updates: the source, the store path and the refreshes in flight (AppController+Live).
    var live = LiveWiring()
    /// Where the next list load stops (about 60 topics).
    let maximumPages = 3
    /// `[ui] cursor`: whether the cursor on the focus shows (nil: the default for the mode).
    let cursorVisibility: CursorVisibility?

    public init(
        terminal: any Terminal, service: any CommunityService, siteTitle: String,
        readerSource: (any ReaderDataSource)?, runner: any BackgroundRunner, config: TUIConfig = TUIConfig(),
        renderer: any PostRendering = CookedRenderer(), opener: any URLOpener = BrowserOpener(),
        reviewSource: (any ReviewDataSource)? = nil
    ) {
        self.terminal = terminal
        self.service = service
        self.readerSource = readerSource
        self.runner = runner
        self.renderer = renderer
        self.opener = opener
        siteURL = siteTitle
        keymap = config.keymap
        listRefreshSeconds = config.listRefreshSeconds
        layout = config.layout
        cursorVisibility = config.accessibility.cursor
        status = StatusModel(site: siteTitle)
        status.lastError = config.warnings.first
        list = ThreadListScreen(siteTitle: siteTitle)
        list.onRefresh = { [weak self] in self?.loadList() }
        review = ReviewWiring(
            source: reviewSource, savedFilters: config.reviewFilters, pollSeconds: config.reviewPollSeconds)
    }

    public func start() {
        refreshOutboxCount()
        loadList()
        startReview()
        loadPostLengthLimits()
        loadModerationViewer()
        scheduleListRefresh()
        startLive()
    }

    /// The site's `min_post_length` and `max_post_length`, for the composer's live count.
    private func loadPostLengthLimits() {
        guard let loader = postLengthLimits else { return }
        runner.run(loader) { [weak self] result in
            guard let self, case .success(let (minimum, maximum)) = result, minimum > 0, maximum >= minimum else {
                return
            }
            composerHooks.minimumPostLength = minimum
            composerHooks.maximumPostLength = maximum
        }
    }

    /// Opens `screen` in a pane of `rows` rows below the reader, with the focus.
    public func openComposer(_ screen: any Screen, rows: Int = 8) {
        composer = screen
        composerRows = rows
        focusOnReader = false
    }

    public func closeComposer() {
        composer = nil
        composerRows = 0
        focusOnReader = false
    }

    /// The screen that gets the keys.
    public var focused: any Screen {
        if let overlay = overlays.last { return overlay }
        if let composer, reader != nil, !focusOnReader { return composer }
        if let reader, !(focusOnList && isSideBySide) { return reader }
        return list
    }

    private var isSideBySide: Bool {
        let (rows, columns) = terminal.size
        return frame(rows: rows, columns: columns)?.sideBySide ?? false
    }

    func frame(rows: Int, columns: Int) -> PaneLayout.Frame? {
        var layout = layout
        // The linear mode shows one pane at a time: the composer too takes the whole screen.
        guard terminal.presentation.linear else {
            return layout.frame(
                rows: rows, columns: columns, readerOpen: reader != nil,
                composerRows: composer == nil ? 0 : composerRows)
        }
        layout.mode = .single
        guard var frame = layout.frame(rows: rows, columns: columns, readerOpen: reader != nil) else { return nil }
        if composer != nil { frame.composer = frame.reader }
        return frame
    }

    // MARK: Keys

    public func handle(_ event: InputEvent) {
        if event == .resize { return }
        // Nothing acts unseen: while "Terminal too small" is shown only q (or Q) does anything,
        // and it quits (open drafts are saved).
        let (rows, columns) = terminal.size
        if frame(rows: rows, columns: columns) == nil {
            if event == .character("q") || event == .character("Q") { isRunning = false }
            dispatcher.reset()
            return
        }
        if case .mouse(let mouse) = event {
            handle(mouse)
            return
        }
        if prompt != nil {
            handlePrompt(event)
            return
        }
        status.message = nil
        let screen = focused
        if screen.takeInput(event, bound: keymap.ownOperation(for: event, in: screen.context) != nil) {
            dispatcher.reset()
            return
        }
        if let count = dispatcher.pendingCount, let direct = screen as? any DirectKeyScreen, direct.ownsKey(event) {
            dispatcher.reset()
            status.message = "a count (\(count)) does not apply to that key: nothing done"
            return
        }
        if dispatcher.pendingCount == nil, let direct = screen as? any DirectKeyScreen,
            let action = direct.handleDirect(event)
        {
            apply(action, from: .open)
            return
        }
        guard let (operation, count) = dispatcher.feed(event, keymap: keymap, context: focused.context) else { return }
        perform(operation, count: count)
    }

    public func perform(_ operation: OperationID, count: Int?) {
        guard focusPostForCount(operation, count: count) else { return }
        if performDeclared(operation, count: count) { return }
        switch operation {
        case .help:
            let extra =
                ((focused as? any DirectKeyScreen)?.helpLines ?? []) + reviewUnavailableLines
                + moderationUnavailableLines
            overlays.append(HelpScreen(for: focused.context, keymap: keymap, extra: extra))
        case .reviewQueue: openReviewQueue()
        case .nextList: switchList(to: listKind.next)
        case .showLatest: switchList(to: .latest)
        case .showNew: switchList(to: .new)
        case .showUnread: switchList(to: .unread)
        case .showTop: switchList(to: .top)
        case .showUnanswered: switchList(to: .unanswered)
        case .showUnsolved: switchList(to: .unsolved)
        case .showNotifications: switchList(to: .notifications)
        case .showMine: switchList(to: .mine)
        case .showMessages: showMessages()
        case .editPost: editCurrentPost()
        case .markDone: markSelectedDone()
        case .toggleSolution: toggleSolution()
        case .showCategory, .showTag, .findOnSite, .flagPost, .newMessage:
            status.message = ":\(operation.rawValue) needs a name or text after it"
        case .closeTopic, .reopenTopic, .pinTopic, .unpinTopic, .archiveTopic, .unlistTopic, .relistTopic:
            if let moderation = operation.topicModeration { moderateTopic(moderation) }
        case .hidePost, .unhidePost, .deletePost, .recoverPost:
            if let moderation = operation.postModeration { moderatePost(moderation) }
        case .silenceUser: penalizeAuthor(.silence, argument: nil)
        case .suspendUser: penalizeAuthor(.suspend, argument: nil)
        case .moveTopic: status.message = ":move needs a category (Tab completes)"
        case .command:
            prompt = CommandPrompt(kind: .command, history: history[.command] ?? [], arguments: commandArguments)
        case .search:
            guard focused.context == .list || focused.context == .reader else { return }
            prompt = CommandPrompt(kind: .search, history: history[.search] ?? [])
        case .quit: isRunning = false
        case .toggleLayout:
            layout.toggleMode()
            status.message = layout.mode == .automatic ? "side by side when 160 columns or wider" : "one pane"
        case .splitNarrower: layout.adjustSplit(by: -(count ?? 1))
        case .splitWider: layout.adjustSplit(by: count ?? 1)
        case .switchPane:
            if composer != nil, reader != nil, overlays.isEmpty {
                focusOnReader.toggle()
            } else if isSideBySide, overlays.isEmpty {
                focusOnList.toggle()
            }
        case .newTopic: compose(.newTopic)
        case .communityHealth: openHealth()
        case .showOutbox: openOutbox()
        case .showBookmarks, .filterList, .filterUnread, .filterUnsolved, .sites, .readTopic:
            performListOperation(operation, count: count)
        case .filterPrompt: prompt = CommandPrompt(kind: .command, history: history[.command] ?? [], text: "filter ")
        case .dismissError: status.lastError = nil
        case .redraw: terminal.invalidate()
        default: apply(focused.perform(operation, count: count), from: operation)
        }
    }

    private func apply(_ action: ScreenAction, from operation: OperationID) {
        switch action {
        case .none: break
        case .back: back()
        case .backWith(let text):
            if !overlays.isEmpty { overlays.removeLast() }
            status.message = text
        case .quit: isRunning = false
        case .openTopic(let topic):
            if focused === list, openTopiclessNotification(topic) { break }
            if focused === list { markSelectedNotificationRead() }
            open(topic, at: focused === list ? list.selectedLoadedRow.flatMap { listTargets[$0] } : nil)
        case .showLinks(let links): overlays.append(LinkListScreen(links: links))
        case .openURL(let url):
            let absolute = url.hasPrefix("/") ? siteURL + url : url
            if let error = opener.open(absolute) {
                status.lastError = error
            } else {
                status.message = "opened \(absolute)"
            }
        case .copy(let text):
            terminal.copyToClipboard(text)
            status.message = "copied \(text)"
        case .message(let text): status.message = text
        case .compose(let request): compose(request)
        case .unhandled: status.message = "\(operation.rawValue) does nothing here"
        case .present(let presented): overlays.append(presented.screen)
        case .replace(let presented):
            if !overlays.isEmpty { overlays.removeLast() }
            overlays.append(presented.screen)
        case .openPost(let topicID, let postNumber):
            if let results = focused as? SearchResultsScreen {
                openFromResults(results, topicID: topicID, postNumber: postNumber)
            } else {
                openPost(topicID: topicID, postNumber: postNumber)
            }
        }
    }

    /// `q`: close the top overlay, else the reader, else quit.
    private func back() {
        if !overlays.isEmpty {
            overlays.removeLast()
        } else if composer != nil, reader != nil {
            if focusOnReader {
                focusOnReader = false
                status.message = "back to the composer (Esc there closes it)"
            } else {
                closeComposer()
            }
        } else if reader != nil {
            reader = nil
            focusOnList = false
            if let results = resultsToReturnTo {
                resultsToReturnTo = nil
                overlays.append(results)
            }
            if let health = healthToReturnTo {
                healthToReturnTo = nil
                overlays.append(health)
            }
        } else if listKind != .latest || listArgument != nil {
            // Another list (bookmarks, messages, notifications…) goes back to Latest, as search
            // results do: only Latest's q quits, so q never quits by surprise.
            switchList(to: .latest)
            status.message = "Latest (q again quits)"
        } else {
            isRunning = false
        }
    }

    private func handlePrompt(_ event: InputEvent) {
        guard var current = prompt else { return }
        let outcome = current.handle(event)
        prompt = current
        switch outcome {
        case .editing: return
        case .cancelled: prompt = nil
        case .submitted(let line):
            prompt = nil
            guard !line.isEmpty else { return }
            history[current.kind, default: []].removeAll { $0 == line }
            history[current.kind, default: []].append(line)
            if current.kind == .search, focused === list {
                openSiteSearch(line)
                return
            }
            if current.kind == .search {
                if !focused.search(line, forward: true) { status.message = "not found: \(line)" }
                return
            }
            switch ParsedCommand.parse(line) {
            case .success(let command):
                if let argument = command.argument {
                    perform(command.operation, argument: argument)
                } else {
                    perform(command.operation, count: command.count)
                }
            case .failure(let failure): status.message = failure.message
            case nil: break
            }
        }
    }

    /// Ends the loop so the app can reopen the store and the service for site `name`.
    func switchSite(to name: String) {
        requestedSite = name
        isRunning = false
    }

    // MARK: Drawing

    public func draw() {
        noteDraftProblem()
        let (rows, columns) = terminal.size
        terminal.clear()
        guard let frame = frame(rows: rows, columns: columns) else {
            drawTooSmall(rows: rows, columns: columns)
            placeFocusCursor(FocusCursor(row: 0), in: Rect(row: 0, column: 0, rows: rows, columns: columns))
            terminal.refresh()
            return
        }
        let content = Rect(row: 0, column: 0, rows: frame.status.row, columns: columns)
        let focusRect = focusedRect(in: frame, content: content)
        if let overlay = overlays.last {
            overlay.draw(on: RegionTerminal(terminal, rect: content), focused: true)
        } else if let reader, let readerRect = frame.reader {
            if frame.sideBySide {
                list.draw(on: RegionTerminal(terminal, rect: frame.list), focused: focusOnList)
                for row in 0..<frame.list.rows {
                    terminal.draw("│", row: row, column: frame.list.columns, style: .ui(.border))
                }
            }
            let readerFocused = (composer == nil || focusOnReader) && (!focusOnList || !frame.sideBySide)
            // The linear mode shows the composer or the reader, whichever has the focus.
            let alone = terminal.presentation.linear && composer != nil
            if !alone || focusOnReader {
                reader.draw(on: RegionTerminal(terminal, rect: readerRect), focused: readerFocused)
                trackReading()
            }
            if let composer, let composerRect = frame.composer, !alone || !focusOnReader {
                composer.draw(
                    on: RegionTerminal(terminal, rect: composerRect), focused: !focusOnReader && prompt == nil)
            }
        } else {
            list.draw(on: RegionTerminal(terminal, rect: frame.list), focused: true)
        }
        let screen = focused
        // With a composer open, C-c must not kill the process and the draft with it.
        terminal.setRawKeys(composer != nil || screen.context == .composer)
        status.position = screen.position
        if let prompt {
            prompt.draw(on: terminal, row: frame.status.row)
        } else if terminal.presentation.linear {
            LinearStatusLine.draw(status, on: terminal, row: frame.status.row)
        } else {
            var hints = KeyHints.text(for: screen.hintGroups, context: screen.context, keymap: keymap)
            if let direct = screen as? any DirectKeyScreen, !direct.directHints.isEmpty {
                hints = hints.isEmpty ? direct.directHints : direct.directHints + "  " + hints
            }
            if let count = dispatcher.pendingCount { hints = "count \(count)  " + hints }
            if let overflow = StatusBar.overflow(status, width: columns, dismissHint: dismissHint) {
                let first = max(0, frame.status.row - overflow.lines.count)
                for (offset, line) in overflow.lines.enumerated() where first + offset < frame.status.row {
                    terminal.draw(
                        DisplayWidth.pad(line, to: columns), row: first + offset, column: 0,
                        style: overflow.isError ? .ui(.statusError) : .ui(.notice))
                }
            }
            StatusBar.draw(status, hints: hints, on: terminal, row: frame.status.row, dismissHint: dismissHint)
        }
        if let prompt {
            placeFocusCursor(prompt.cursorPosition(width: columns), in: frame.status)
        } else {
            placeFocusCursor(screen.cursorPosition ?? FocusCursor(row: 0), in: focusRect)
        }
        terminal.refresh()
    }

    /// How the status bar says to dismiss an error: the key that really does it on the focused
    /// screen (the review queue's `x` marks), else the command.
    var dismissHint: String {
        let context = focused.context
        let key = keymap.keys(for: .dismissError, in: context).first {
            keymap.operation(for: $0, in: context) == .dismissError
        }
        return (key.map(KeyName.name) ?? ":dismiss-error") + " dismisses"
    }

    private func drawTooSmall(rows: Int, columns: Int) {
        let size = PaneLayout.minimumSize
        terminal.draw(DisplayWidth.truncate("Terminal too small", to: columns), row: 0, column: 0, style: .accent)
        if rows > 1 {
            let text = "need \(size.columns)x\(size.rows), have \(columns)x\(rows); q quits"
            terminal.draw(DisplayWidth.truncate(text, to: columns), row: 1, column: 0, style: .dim)
        }
    }
}
