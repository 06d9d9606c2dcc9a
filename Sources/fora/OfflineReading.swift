import ForaCore
import ForaRender
import ForaStore
import Foundation

/// The reading commands with `--offline`: served from the local store only (what `fora sync`
/// fetched), never the network. Something not synced is a clear error that says so.
enum OfflineReading {
    static func store(_ globals: GlobalOptions) throws -> Store {
        try StoreAccess.open(try globals.configuration())
    }

    /// A synced list: `latest`, `c/<slug>` or `tag/<name>`.
    static func topics(listKey: String, limit: Int, globals: GlobalOptions) async throws
        -> (topics: [Topic], categories: [Int: String])
    {
        let store = try store(globals)
        return try await StoreAccess.run {
            let entries = try store.topics(inList: listKey, limit: limit)
            let categories = try store.categories()
            return (entries.map(\.topic), Dictionary(categories.map { ($0.id, $0.name) }) { first, _ in first })
        }
    }

    /// `fora read TOPIC --offline`: every stored post, rendered as online.
    static func read(topicID: Int, width: Int, color: Bool, reveal: Bool, globals: GlobalOptions) async throws {
        let store = try store(globals)
        let (entry, posts) = try await StoreAccess.run {
            let entry = try store.topic(id: topicID)
            var posts: [StoredPost] = []
            var next = 1
            while true {
                let window = try store.posts(topicID: topicID, from: next, limit: 500)
                posts += window
                guard let last = window.last, window.count == 500 else { break }
                next = last.postNumber + 1
            }
            return (entry, posts)
        }
        let renderer = CookedRenderer(options: PostTextOutput.options(reveal: reveal, baseURL: nil))
        if globals.json {
            try Output.json([
                "id": entry.topic.id, "title": entry.topic.title,
                "category_id": Output.nullable(entry.topic.categoryID),
                "posts_count": entry.topic.postsCount, "accepted_answer_post_number": NSNull(),
                "posts": posts.map { post -> [String: Any] in
                    PostTextOutput.merge(
                        [
                            "id": post.id, "post_number": post.postNumber, "username": post.username,
                            "created_at": Output.nullable(post.createdAt),
                            "reply_to_post_number": Output.nullable(post.replyToPostNumber),
                            "like_count": post.likeCount,
                            "is_solution": false, "cooked": post.cooked,
                        ], renderer.postText(post.cooked, width: width))
                },
            ])
            return
        }
        let documents = posts.map { renderer.render($0.cooked, width: width) }
        let writer = DocumentWriter(
            style: DocumentWriter.style(
                isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment, force: color))
        Output.line(Output.styled(Output.clean(entry.topic.title), .bold))
        for (post, document) in zip(posts, documents) {
            var header = "#\(post.postNumber) \(Output.clean(post.username)) \(Output.shortDate(post.createdAt))"
            if let reply = post.replyToPostNumber { header += " ↩ #\(reply)" }
            if post.likeCount > 0 { header += " ♥ \(post.likeCount)" }
            Output.line("")
            Output.line(Output.styled(header, .cyan))
            FileHandle.standardOutput.write(Data(writer.write(document).utf8))
            if let notice = PostTextOutput.notice(for: document) { Output.line(Output.styled(notice, .dim)) }
        }
    }

    /// `fora search --offline QUERY`: full-text search over the store, ranked, with snippets.
    static func search(_ text: String, globals: GlobalOptions) async throws {
        let store = try store(globals)
        let hits = try await StoreAccess.run { try store.search(text, limit: 30) }
        if globals.json {
            try Output.json(
                hits.map { hit -> [String: Any] in
                    [
                        "topic_id": hit.topicID, "topic_title": hit.topicTitle,
                        "post_number": Output.nullable(hit.postNumber), "username": Output.nullable(hit.username),
                        "snippet": hit.snippet,
                    ]
                })
            return
        }
        if hits.isEmpty {
            FileHandle.standardError.write(Data("fora: nothing found in the local store for \(text)\n".utf8))
            return
        }
        for hit in hits {
            let place = "\(hit.topicID)" + (hit.postNumber.map { "/\($0)" } ?? "")
            Output.line(
                Output.styled(place, .cyan) + "  \(Output.clean(hit.topicTitle))"
                    + (hit.username.map { "  @\(Output.clean($0))" } ?? ""))
            Output.line("    " + Output.clean(hit.snippet))
        }
    }
}
