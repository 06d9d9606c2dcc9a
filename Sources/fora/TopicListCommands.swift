import ArgumentParser
import ForaCore
import ForaNet
import Foundation

/// Options of the topic-list commands (`latest`, `new`, `unread`, `top`).
struct TopicListOptions: ParsableArguments {
    @Option(help: "Only this category (its slug or id).") var category: String?
    @Option(help: "Only topics with this tag.") var tag: String?
    @Option(help: "At most this many topics.") var limit: Int = 30

    /// Runs the list and prints it as columns or as the documented JSON array.
    func run(_ filter: TopicListQuery.Filter, globals: GlobalOptions) async throws {
        guard limit > 0 else { throw CommandFailure(.usage("--limit must be at least 1")) }
        if globals.offline {
            guard filter == .latest else {
                throw CommandFailure(.usage("--offline serves the synced lists: latest, --category or --tag"))
            }
            let key = category.map { "c/\($0)" } ?? tag.map { "tag/\($0)" } ?? "latest"
            let (topics, categories) = try await OfflineReading.topics(listKey: key, limit: limit, globals: globals)
            if globals.json {
                try Output.json(topics.map(JSONSchemas.topic))
            } else {
                printColumns(topics, categories: categories)
            }
            return
        }
        let service = try globals.service()
        // Categories are fetched only when needed: a user API key has 20 requests a minute.
        let needsCategories = category != nil || !globals.json
        let (topics, categories) = try await withFailures {
            let categories = needsCategories ? try await service.categories() : []
            var query = TopicListQuery(filter: filter, tag: tag)
            if let category {
                guard let found = categories.first(where: { $0.slug == category || String($0.id) == category })
                else { throw ForaError.notFound("no category \"\(category)\" (see `fora categories`)") }
                query.category = .init(slug: found.slug, id: found.id)
            }
            return (try await service.topics(query, upTo: limit), categories)
        }
        if globals.json {
            try Output.json(topics.map(JSONSchemas.topic))
        } else {
            printColumns(topics, categories: Dictionary(categories.map { ($0.id, $0.name) }) { first, _ in first })
        }
    }

    private func printColumns(_ topics: [Topic], categories: [Int: String]) {
        var rows = [["ID", "", "TOPIC", "CATEGORY", "REPLIES", "VIEWS", "ACTIVITY"]]
        for topic in topics {
            let marks = (topic.hasAcceptedAnswer ? "✓" : " ") + (topic.pinned ? "P" : " ") + (topic.closed ? "C" : " ")
            let activity = topic.lastActivity.map { ForaDate.relative($0) } ?? ""
            rows.append([
                String(topic.id), marks, DisplayWidth.truncate(topic.title, to: 60),
                topic.categoryID.flatMap { categories[$0] } ?? "", String(topic.replyCount), String(topic.views),
                activity,
            ])
        }
        for (index, line) in Output.table(rows, rightAligned: [0, 4, 5]).enumerated() {
            Output.line(line, style: index == 0 ? .bold : nil)
        }
    }
}

struct Latest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the latest topics.")
    @OptionGroup var globals: GlobalOptions
    @OptionGroup var list: TopicListOptions
    mutating func run() async throws { try await list.run(.latest, globals: globals) }
}

struct New: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List topics new to you (needs a login).")
    @OptionGroup var globals: GlobalOptions
    @OptionGroup var list: TopicListOptions
    mutating func run() async throws { try await list.run(.new, globals: globals) }
}

struct Unread: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List topics with unread posts (needs a login).")
    @OptionGroup var globals: GlobalOptions
    @OptionGroup var list: TopicListOptions
    mutating func run() async throws { try await list.run(.unread, globals: globals) }
}

struct Top: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the top topics of a period.")
    @OptionGroup var globals: GlobalOptions
    @OptionGroup var list: TopicListOptions
    @Option(help: "all, yearly, quarterly, monthly, weekly or daily.") var period: String = "monthly"

    mutating func run() async throws {
        guard let parsed = TopicListQuery.TopPeriod(rawValue: period) else {
            throw CommandFailure(.usage("--period is one of: all, yearly, quarterly, monthly, weekly, daily"))
        }
        try await list.run(.top(parsed), globals: globals)
    }
}
