import ArgumentParser
import ForaCore
import ForaNet
import ForaRender
import Foundation

/// `fora read TOPIC`: every post of a topic, rendered, under a header line each.
struct Read: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print a whole topic.")
    @OptionGroup var globals: GlobalOptions
    @Argument(help: "The topic's id or URL.") var topic: String
    @Option(help: "Wrap posts to this many columns (default: the terminal's width, else 80).") var width: Int?
    @Flag(help: "Colours and hyperlinks even in a pipe (never with NO_COLOR unless given).") var color = false
    @Flag(help: "Show folded blocks (details, spoilers) open, as the web does once clicked.") var reveal = false

    mutating func run() async throws {
        guard let id = Read.topicID(topic) else {
            throw CommandFailure(.usage("TOPIC is a topic id or a topic URL such as https://site/t/slug/123"))
        }
        if globals.offline {
            return try await OfflineReading.read(
                topicID: id, width: max(20, width ?? Read.terminalWidth() ?? 80), color: color, reveal: reveal,
                globals: globals)
        }
        let service = try globals.service()
        let detail = try await withFailures { try await service.topic(id: id) }
        try Read.present(
            detail, width: max(20, width ?? Read.terminalWidth() ?? 80), color: color, baseURL: service.site.baseURL,
            json: globals.json, reveal: reveal)
    }

    /// Prints a topic, fetched or stored, the same way: `--offline` shares this with online
    /// reading so the two say the same things.
    static func present(
        _ detail: TopicDetail, width columns: Int, color: Bool, baseURL: String?, json: Bool, reveal: Bool = false
    ) throws {
        let renderer = CookedRenderer(options: PostTextOutput.options(reveal: reveal, baseURL: baseURL))
        if json {
            try Output.json(
                JSONSchemas.thread(detail, texts: detail.posts.map { renderer.postText($0.cooked, width: columns) }))
            return
        }
        let documents = detail.posts.map { renderer.render($0.cooked, width: columns) }
        // Colour and OSC 8 links only on a terminal, never with NO_COLOR; a pipe gets no escapes.
        let writer = DocumentWriter(
            style: DocumentWriter.style(
                isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment, force: color))
        Output.line([(Output.clean(detail.title), .bold), (ReadMarks.topic(detail), nil)])
        let solution = detail.acceptedAnswerPostNumber
        for (post, document) in zip(detail.posts, documents) {
            let isSolution = post.acceptedAnswer || post.postNumber == solution
            Output.line("")
            if post.postType == SmallAction.postType {
                Output.line("#\(post.postNumber) " + Output.clean(ReadMarks.smallAction(post)), style: .cyan)
                continue
            }
            var header = "#\(post.postNumber) \(Output.clean(post.username)) \(Output.shortDate(post.createdAt))"
            header += ReadMarks.badges(post)
            if let reply = post.replyToPostNumber { header += " ↩ #\(reply)" }
            if post.likeCount > 0 { header += " ♥ \(post.likeCount)" }
            Output.line(
                [(header, .cyan)] + (isSolution ? [(" ", nil), ("✓ solution", .green)] : [])
                    + [(ReadMarks.states(post), nil)])
            Output.rendered(writer.write(document))
            if let notice = PostTextOutput.notice(for: document) { Output.line(notice, style: .dim) }
        }
    }

    /// "123", "/t/slug/123", "https://site/t/slug/123/4" → 123.
    static func topicID(_ text: String) -> Int? {
        if let id = Int(text), id > 0 { return id }
        let parts = text.split(separator: "/").map(String.init)
        guard let t = parts.firstIndex(of: "t") else { return nil }
        let rest = parts[(t + 1)...]
        if let first = rest.first, let id = Int(first) { return id }
        return rest.dropFirst().first.flatMap { Int($0) }
    }

    static func terminalWidth() -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
