import ArgumentParser
import ForaCore
import ForaNet
import ForaStore
import Foundation

/// The super-user's work lists, oldest first: questions nobody answered yet, and questions
/// in categories with solutions enabled that have none accepted, and topics the user posted in
/// that have new replies.
enum WorkQueue {
    case unanswered, unsolved, mine

    func topics(category: String?, limit: Int, globals: GlobalOptions) async throws -> [Topic] {
        let service = try globals.service()
        return try await withFailures {
            let categories = try await service.categories()
            var slug: String?
            var categoryRef: TopicListQuery.CategoryRef?
            if let category {
                guard let found = categories.first(where: { $0.slug == category || String($0.id) == category }) else {
                    throw ForaError.notFound("no category \"\(category)\" (see `fora categories`)")
                }
                slug = found.slug
                categoryRef = .init(slug: found.slug, id: found.id)
            }
            let topics: [Topic]
            switch self {
            case .unanswered:
                // No search filter for "no replies" exists on every server; the lists do.
                var query = TopicListQuery(filter: .latest)
                query.category = categoryRef
                topics = try await service.topics(query, upTo: max(limit * 4, 120)).filter {
                    $0.replyCount == 0 && $0.postsCount <= 1 && !$0.closed && !$0.pinned
                }
            case .unsolved:
                // The solved plugin's search filter knows which categories accept solutions.
                let term = "status:unsolved status:open order:latest" + (slug.map { " category:\($0)" } ?? "")
                topics = try await service.search(term, page: 1).topics.filter { !$0.hasAcceptedAnswer && !$0.closed }
            case .mine:
                // Topics I posted in (`/posted.json`) with posts I have not read yet.
                var query = TopicListQuery(filter: .posted)
                query.category = categoryRef
                topics = try await service.topics(query, upTo: max(limit * 4, 120)).filter {
                    $0.unreadPosts > 0 && !$0.closed
                }
            }
            // Topics marked done (`fora done`) stay hidden until they get a new post.
            let store = try? StoreAccess.open(try globals.configuration())
            let marks = (try? store?.doneTopics()) ?? [:]
            let open = topics.filter { topic in
                store.map { !$0.isDone(topicID: topic.id, highestPostNumber: topic.postsCount, marks: marks) } ?? true
            }
            return Array(open.sorted { ($0.createdAt ?? "") < ($1.createdAt ?? "") }.prefix(limit))
        }
    }
}

struct WorkQueueOptions: ParsableArguments {
    @Option(help: "Only this category (slug or id).") var category: String?
    @Option(help: "At most this many topics.") var limit = 30

    func run(_ queue: WorkQueue, globals: GlobalOptions) async throws {
        guard limit > 0 else { throw CommandFailure(.usage("--limit must be at least 1")) }
        let topics = try await queue.topics(category: category, limit: limit, globals: globals)
        if globals.json {
            try Output.json(topics.map(JSONSchemas.topic))
            return
        }
        if topics.isEmpty {
            switch queue {
            case .unanswered: Output.line("every question has an answer")
            case .unsolved: Output.line("every question is solved")
            case .mine: Output.line("no new replies in your topics")
            }
            return
        }
        var rows = [["ID", "ASKED", "REPLIES", "TOPIC"]]
        for topic in topics {
            rows.append([
                String(topic.id), Output.shortDate(topic.createdAt), String(topic.replyCount),
                DisplayWidth.truncate(topic.title, to: 70),
            ])
        }
        for (index, line) in Output.table(rows, rightAligned: [0, 2]).enumerated() {
            Output.line(line, style: index == 0 ? .bold : nil)
        }
    }
}

struct Unanswered: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Questions with no reply yet, oldest first.")
    @OptionGroup var globals: GlobalOptions
    @OptionGroup var options: WorkQueueOptions
    mutating func run() async throws { try await options.run(.unanswered, globals: globals) }
}

struct Unsolved: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open questions without an accepted solution (in categories that use solutions), oldest first.")
    @OptionGroup var globals: GlobalOptions
    @OptionGroup var options: WorkQueueOptions
    mutating func run() async throws { try await options.run(.unsolved, globals: globals) }
}

struct Mine: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Topics you posted in that have new replies, oldest first (as the TUI's :mine).")
    @OptionGroup var globals: GlobalOptions
    @OptionGroup var options: WorkQueueOptions
    mutating func run() async throws { try await options.run(.mine, globals: globals) }
}
