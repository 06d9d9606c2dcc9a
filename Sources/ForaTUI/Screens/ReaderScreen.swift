import ForaCore
import ForaRender
import Foundation

/// One topic's post stream: header lines, rendered bodies (cached per post and width), a
/// focused post that every post action targets (`j`/`k` move it, `NG` jumps to it, a bar
/// marks it), scrolling by page, jumps to a post number, unread posts and the solution.
/// Posts load lazily through `onNeedPosts`; the screen never waits for them.
@MainActor
public final class ReaderScreen: Screen {
    public let context = KeyContext.reader
    public let hintGroups: [[OperationID]] = [
        [.moveDown, .moveUp], [.nextPost, .previousPost], [.nextUnread], [.solution], [.links], [.help], [.back],
    ]

    public internal(set) var stream: PostStream
    public private(set) var viewport = ReaderViewport()
    public private(set) var foldQuotes = true
    /// Spoilers and `details` are hidden until the reader asks (`v`).
    public private(set) var revealHidden = false
    /// Asked (on the UI thread) to load the posts at these positions; answer with `receive`.
    public var onNeedPosts: ((Range<Int>) -> Void)?
    public var onRefresh: (() -> Void)?
    /// Shown while the topic itself is loading (or why it failed).
    public var loadingMessage: String?

    let renderer: any PostRendering
    /// The same rendering with spoilers revealed and `details` open (a test's own renderer is
    /// used as it is).
    var revealingRenderer: any PostRendering {
        renderer is CookedRenderer
            ? CookedRenderer(options: RenderOptions(revealSpoilers: true, expandDetails: true)) : renderer
    }
    var cache: [CacheKey: (lines: [ReaderLine], links: [String])] = [:]
    private var failed: Set<Int> = []
    /// Body rows and columns of the last draw (the maths for keys uses them).
    private var bodyRows = 20
    private var width = 80
    /// After `G`, stay at the end while the last posts load and change height.
    var followEnd = false
    /// A post number asked for before its window was loaded.
    private var pendingJump: (number: Int, attempts: Int)?
    /// The focused post's position in the stream: like, reply, quote, hide, delete, flag, edit
    /// and solve act on it, whatever else is on the screen.
    public private(set) var focus = 0
    /// The row (in the reader's own region, 0 is the title) where the focused post starts on
    /// screen after the last draw, nil when it is not on screen: the terminal cursor goes here.
    public private(set) var focusedScreenRow: Int?
    private var lastQuery: String?
    /// A search that reached posts not loaded yet: it resumes at `slot` as they arrive, so
    /// `/` searches the whole topic, not only what was on screen.
    private var pendingSearch: (query: String, forward: Bool, slot: Int)?
    /// Whether the last search that had to wait for posts found its text.
    private var searchHit = false
    /// Tells the status line something that happened later (a search that ends "not found").
    public var onMessage: ((String) -> Void)?
    /// How many windows of posts a search asks for at once.
    static let searchWindows = 10
    /// Lines of a post marked to quote (ReaderScreen+LineMark); nil: none.
    var lineMark: LineMark?
    /// The clock for the linear mode's "2 hours ago".
    public var now: () -> Date = Date.init

    struct CacheKey: Hashable {
        var postID: Int
        var width: Int
        var folded: Bool
        var revealed: Bool
    }

    public init(topic: ReaderTopic, renderer: any PostRendering = CookedRenderer()) {
        stream = PostStream(topic: topic)
        self.renderer = renderer
    }

    public var topic: ReaderTopic { stream.topic }

    /// The focused post's position.
    public var currentPosition: Int { focus }
    public var currentPostNumber: Int? { stream[focus]?.number }
    /// The focused post, which post actions target (nil while it loads).
    public var currentPost: ReaderPost? { stream[focus] }

    public var position: String? {
        guard stream.count > 0 else { return nil }
        let number = stream[focus]?.number ?? focus + 1
        return "post \(number) (\(focus + 1)/\(stream.count))"
    }

    // MARK: Loading

    public func receive(_ posts: [ReaderPost], at start: Int) {
        stream.insert(posts, at: start)
        for position in start..<start + posts.count { failed.remove(position) }
        if let jump = pendingJump { resolve(jump) }
        if let pending = pendingSearch { continueSearch(pending) }
        if followEnd {
            viewport = ReaderViewport.end(count: stream.count, rows: bodyRows, height: height)
            focus = max(0, stream.count - 1)
        }
        focus = min(focus, max(0, stream.count - 1))
    }

    public func loadFailed(_ positions: Range<Int>) {
        stream.forget(positions)
        failed.formUnion(positions)
        if let pending = pendingSearch, positions.contains(pending.slot) {
            pendingSearch = nil
            onMessage?("search stopped: posts \(positions.lowerBound + 1)–\(positions.upperBound) could not be loaded")
        }
    }

    /// Asks for the windows around the screen (a screenful before and two after).
    private func requestVisibleWindows() {
        guard let onNeedPosts, stream.count > 0 else { return }
        let lastVisible = visibleSlots().last ?? viewport.slot
        let wanted = max(0, viewport.slot - 5)..<min(stream.count, lastVisible + 10)
        for range in stream.windowsToLoad(covering: wanted) { onNeedPosts(range) }
    }

    // MARK: Layout

    private func layout(at slot: Int) -> (lines: [ReaderLine], links: [String]) {
        guard let post = stream[slot] else {
            return (PostLayout.placeholder(position: slot, failed: failed.contains(slot)), [])
        }
        let key = CacheKey(postID: post.id, width: width, folded: foldQuotes, revealed: revealHidden)
        if let cached = cache[key] { return cached }
        if cache.count > 4_000 { cache.removeAll(keepingCapacity: true) }
        let laid = PostLayout.lines(
            for: post, width: width, foldQuotes: foldQuotes, renderer: revealHidden ? revealingRenderer : renderer)
        cache[key] = laid
        return laid
    }

    private func height(_ slot: Int) -> Int { layout(at: slot).lines.count }

    func visibleSlots() -> [Int] {
        var slots: [Int] = []
        var used = 0
        var slot = viewport.slot
        var skip = viewport.line
        while slot < stream.count, used < bodyRows {
            slots.append(slot)
            used += height(slot) - skip
            skip = 0
            slot += 1
        }
        return slots
    }

    // MARK: Drawing

    public func draw(on terminal: any Terminal, focused: Bool) {
        let (rows, columns) = terminal.size
        terminal.clear()
        width = columns
        bodyRows = max(1, rows - 1)
        var title = [StyledSegment(topic.title, .header)]
        if let category = topic.categoryName {
            title.append(StyledSegment(" · ", .header))
            title.append(StyledSegment(category, topic.categoryColor.map(TextStyle.category) ?? .header))
        }
        for mark in topic.stateMarks { title.append(StyledSegment(" [\(mark)]", .header)) }
        terminal.draw(String(repeating: " ", count: columns), row: 0, column: 0, style: .header)
        Self.draw(ReaderLine(title), on: terminal, row: 0)
        if followEnd {
            viewport = ReaderViewport.end(count: stream.count, rows: bodyRows, height: height)
        } else {
            viewport.clampToEnd(count: stream.count, rows: bodyRows, height: height)
        }
        var row = 1
        var slot = viewport.slot
        var skip = viewport.line
        focusedScreenRow = nil
        while row <= bodyRows, slot < stream.count {
            let lines = layout(at: slot).lines
            for (index, line) in lines.enumerated().dropFirst(skip) {
                guard row <= bodyRows else { break }
                Self.draw(
                    index == 0 ? introduction(of: slot, header: line, linear: terminal.presentation.linear) : line,
                    on: terminal, row: row)
                if slot == focus {
                    if focusedScreenRow == nil { focusedScreenRow = row }
                    // Not colour alone: a bar in the body's indent marks every row of the focus.
                    // The linear mode says it in words (the post's introduction, the cursor)
                    // instead: a bar there would be read aloud on every line.
                    if !terminal.presentation.linear, index > 0, index < lines.count - 1 || lines.count == 1 {
                        terminal.draw("┃", row: row, column: 0, style: .accent)
                    }
                }
                row += 1
            }
            skip = 0
            slot += 1
        }
        if stream.count == 0 {
            let text = loadingMessage ?? "This topic has no posts you can see."
            terminal.draw(text, row: 2, column: 2, style: .dim)
        }
        drawLineMark(on: terminal, rows: rows, columns: columns)
        requestVisibleWindows()
    }

    private static func draw(_ line: ReaderLine, on terminal: any Terminal, row: Int) {
        var column = 0
        for segment in line.segments {
            terminal.draw(segment.text, row: row, column: column, style: segment.style)
            column += DisplayWidth.of(segment.text)
        }
    }

    /// The rows the reader shows now, as plain text (tests and search read this).
    public func lines(ofPosition position: Int) -> [String] { layout(at: position).lines.map(\.plainText) }
    public func links(ofPosition position: Int) -> [String] { layout(at: position).links }

    // MARK: Operations

    public func perform(_ operation: OperationID, count: Int?) -> ScreenAction {
        if let action = lineMarkAction(operation, count: count) { return action }
        let n = count ?? 1
        if operation != .last { followEnd = false }
        switch operation {
        case .moveDown, .nextPost: moveFocus(by: n)
        case .moveUp, .previousPost: moveFocus(by: -n)
        case .pageDown: scroll(max(1, bodyRows - 2) * n)
        case .pageUp: scroll(-max(1, bodyRows - 2) * n)
        case .halfPageDown: scroll(max(1, bodyRows / 2) * n)
        case .halfPageUp: scroll(-max(1, bodyRows / 2) * n)
        case .first:
            pendingJump = nil
            viewport = ReaderViewport()
            focus = 0
        case .last:
            if let count {
                followEnd = false
                return goto(postNumber: count)
            }
            pendingJump = nil
            followEnd = true
            viewport = ReaderViewport.end(count: stream.count, rows: bodyRows, height: height)
            focus = max(0, stream.count - 1)
        case .gotoPost:
            guard let count else { return .message("type the post number first (12#) or :goto-post 12") }
            return goto(postNumber: count)
        case .nextUnread: return unread(forward: true)
        case .previousUnread: return unread(forward: false)
        case .replyTarget:
            guard let number = stream[focus]?.replyToPostNumber else {
                return .message("this post is not a reply to another post")
            }
            return goto(postNumber: number)
        case .solution:
            guard let number = topic.acceptedAnswerPostNumber else { return .message("this topic has no solution") }
            return goto(postNumber: number)
        case .toggleHidden:
            revealHidden.toggle()
            viewport.line = 0
            return .message(revealHidden ? "spoilers and details shown" : "spoilers and details hidden")
        case .toggleQuotes:
            foldQuotes.toggle()
            viewport.line = 0
            return .message(foldQuotes ? "quotes folded" : "quotes unfolded")
        case .links, .openLink, .copyLink: return linkAction(operation, count: count)
        case .searchNext, .searchPrevious:
            guard let query = lastQuery else { return .message("no search yet: / searches") }
            return search(query, forward: operation == .searchNext) ? .none : .message("not found: \(query)")
        case .refresh: onRefresh?()
        case .reply, .replyToPost, .quotePost: return replyAction(operation, count: count)
        case .followQuote: return followQuote(count: count)
        case .back: return .back
        default: return .unhandled
        }
        return .none
    }

    /// Scrolls `rows` rows (the mouse wheel), the focus following as with paging.
    public func scrollRows(_ rows: Int) {
        followEnd = false
        scroll(rows)
    }

    /// Scrolls by lines; a focused post scrolled off the screen hands the focus to the
    /// nearest post still on it.
    private func scroll(_ lines: Int) {
        pendingJump = nil
        pendingSearch = nil
        viewport.scroll(by: lines, count: stream.count, rows: bodyRows, height: height)
        let visible = visibleSlots()
        guard let top = visible.first, let bottom = visible.last else { return }
        if focus < top || (focus == top && viewport.line > 0 && visible.count > 1) {
            focus = viewport.line > 0 && visible.count > 1 ? top + 1 : top
        } else if focus > bottom {
            focus = bottom
        }
    }

    /// Moves the focus `steps` posts and scrolls only as far as needed to show the focused
    /// post's header (and the start of its body).
    private func moveFocus(by steps: Int) {
        pendingJump = nil
        guard stream.count > 0 else { return }
        focus = min(max(0, focus + steps), stream.count - 1)
        if focus < viewport.slot || (focus == viewport.slot && viewport.line > 0) {
            viewport = ReaderViewport(slot: focus, line: 0)
            return
        }
        var offset = -viewport.line
        for slot in viewport.slot..<focus { offset += height(slot) }
        let wanted = min(height(focus), max(1, bodyRows / 2))
        if offset + wanted > bodyRows {
            viewport.scroll(by: offset + wanted - bodyRows, count: stream.count, rows: bodyRows, height: height)
        }
    }

    private func show(slot: Int) {
        pendingJump = nil
        focus = min(max(0, slot), max(0, stream.count - 1))
        viewport = ReaderViewport(slot: focus, line: 0)
        viewport.clampToEnd(count: stream.count, rows: bodyRows, height: height)
    }

    /// Focuses post `number` when it is loaded (a count before a post action names it); false
    /// when it is not, and nothing moves.
    public func focusLoadedPost(number: Int) -> Bool {
        guard let position = stream.loadedPosition(ofNumber: number) else { return false }
        followEnd = false
        show(slot: position)
        return true
    }

    /// Jumps to post `number`; when it is not loaded yet, to where it should be, and again
    /// once its window arrives.
    public func goto(postNumber number: Int) -> ScreenAction {
        guard stream.count > 0 else { return .message("no posts") }
        if let position = stream.loadedPosition(ofNumber: number) {
            show(slot: position)
            return .none
        }
        show(slot: stream.estimatedPosition(ofNumber: number))
        pendingJump = (number, 0)
        return .none
    }

    private func resolve(_ jump: (number: Int, attempts: Int)) {
        if let position = stream.loadedPosition(ofNumber: jump.number) {
            show(slot: position)
            return
        }
        let guess = stream.estimatedPosition(ofNumber: jump.number)
        guard stream[guess] != nil else { return }  // still loading where we looked
        guard jump.attempts < 3, guess != focus else {
            pendingJump = nil
            return
        }
        show(slot: guess)
        pendingJump = (jump.number, jump.attempts + 1)
    }

    private func isUnread(_ position: Int) -> Bool {
        if let post = stream[position] { return !post.isRead }
        guard let lastRead = topic.lastReadPostNumber else { return false }
        return position + 1 > lastRead
    }

    private func unread(forward: Bool) -> ScreenAction {
        let candidates: [Int] =
            forward
            ? Array(stride(from: focus + 1, to: stream.count, by: 1))
            : Array(stride(from: focus - 1, through: 0, by: -1))
        guard let position = candidates.first(where: isUnread) else {
            return .message(forward ? "no unread posts below" : "no unread posts above")
        }
        show(slot: position)
        return .none
    }

    private func linkAction(_ operation: OperationID, count: Int?) -> ScreenAction {
        let links = layout(at: focus).links
        guard !links.isEmpty else { return .message("this post has no links") }
        guard operation != .links, let count else { return .showLinks(links) }
        guard links.indices.contains(count - 1) else { return .message("this post has \(links.count) links") }
        return operation == .openLink ? .openURL(links[count - 1]) : .copy(links[count - 1])
    }

    /// Searches the whole topic from the line below the top of the screen (or above it). The
    /// loaded posts are searched at once; when the search reaches posts not loaded yet it asks
    /// for them (the store has them after a sync, else the site) and goes on as they arrive.
    /// True when found, or when still searching (the end is reported through `onMessage`).
    public func search(_ query: String, forward: Bool) -> Bool {
        lastQuery = query
        pendingSearch = nil
        guard stream.count > 0, !query.isEmpty else { return false }
        switch scan(query, forward: forward, from: viewport.slot, skipping: viewport.line) {
        case .found: return true
        case .notFound: return false
        case .needs(let slot):
            searchHit = false
            wait(for: (query, forward, slot))
            // Posts can arrive at once (from the store): then the search is over already.
            guard pendingSearch != nil else { return searchHit }
            onMessage?("searching the rest of the topic for \(query)…")
            return true
        }
    }

    private enum ScanResult {
        case found
        case notFound
        /// Reached post `slot`, not loaded yet.
        case needs(Int)
    }

    /// Searches slot by slot from `start` until a hit, the end, or a post not loaded yet. In
    /// the first slot only the lines after (or before) `line` count; nil: all of them.
    private func scan(_ query: String, forward: Bool, from start: Int, skipping line: Int?) -> ScanResult {
        let slots =
            forward
            ? Array(stride(from: start, to: stream.count, by: 1)) : Array(stride(from: start, through: 0, by: -1))
        for slot in slots {
            guard stream[slot] != nil else { return .needs(slot) }
            let lines = layout(at: slot).lines
            let from = slot == start ? line : nil
            let indexes =
                forward
                ? Array(stride(from: from.map { $0 + 1 } ?? 0, to: lines.count, by: 1))
                : Array(stride(from: from.map { $0 - 1 } ?? lines.count - 1, through: 0, by: -1))
            if let hit = indexes.first(where: { lines[$0].plainText.localizedCaseInsensitiveContains(query) }) {
                followEnd = false
                pendingJump = nil
                viewport = ReaderViewport(slot: slot, line: hit)
                viewport.clampToEnd(count: stream.count, rows: bodyRows, height: height)
                focus = slot
                return .found
            }
        }
        return .notFound
    }

    /// Asks for the windows from `pending.slot` on in the search's direction, and keeps the
    /// search to resume when they arrive.
    private func wait(for pending: (query: String, forward: Bool, slot: Int)) {
        pendingSearch = pending
        let span = Self.searchWindows * PostStream.windowSize
        let wanted =
            pending.forward
            ? pending.slot..<min(stream.count, pending.slot + span)
            : max(0, pending.slot - span + 1)..<(pending.slot + 1)
        for range in stream.windowsToLoad(covering: wanted) { onNeedPosts?(range) }
    }

    private func continueSearch(_ pending: (query: String, forward: Bool, slot: Int)) {
        guard stream[pending.slot] != nil else { return }
        switch scan(pending.query, forward: pending.forward, from: pending.slot, skipping: nil) {
        case .found:
            pendingSearch = nil
            searchHit = true
            onMessage?("found \(pending.query) in post #\(stream[viewport.slot]?.number ?? viewport.slot + 1)")
        case .notFound:
            pendingSearch = nil
            onMessage?("not found: \(pending.query)")
        case .needs(let slot): wait(for: (pending.query, pending.forward, slot))
        }
    }
}
