import ArgumentParser
import ForaCore
import ForaNet
import Foundation

/// `fora latest`: the latest topics as aligned columns, or JSON for scripts.
struct Latest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the latest topics.")

    @OptionGroup var siteOptions: SiteOptions
    @Flag(help: "Print a JSON array instead of columns.") var json = false
    @Option(help: "At most this many topics.") var limit: Int = 30

    mutating func run() async throws {
        let site = try siteOptions.configuration()
        let service = DiscourseService(site: site)
        let topics: [Topic]
        do {
            topics = try await service.latestTopics(upTo: limit)
        } catch let error as ForaError {
            throw CommandFailure(error)
        }
        if json {
            try printJSON(topics)
        } else {
            printColumns(topics)
        }
    }

    private func printJSON(_ topics: [Topic]) throws {
        let objects: [[String: Any]] = topics.map { topic in
            [
                "id": topic.id, "title": topic.title, "slug": topic.slug,
                "category_id": topic.categoryID.map { $0 as Any } ?? NSNull(),
                "posts_count": topic.postsCount, "reply_count": topic.replyCount, "views": topic.views,
                "like_count": topic.likeCount,
                "created_at": topic.createdAt.map { $0 as Any } ?? NSNull(),
                "last_posted_at": topic.lastPostedAt.map { $0 as Any } ?? NSNull(),
                "has_accepted_answer": topic.hasAcceptedAnswer, "pinned": topic.pinned, "closed": topic.closed,
            ]
        }
        let data = try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    private func printColumns(_ topics: [Topic]) {
        let idWidth = topics.map { String($0.id).count }.max() ?? 2
        for topic in topics {
            let id = String(repeating: " ", count: idWidth - String(topic.id).count) + String(topic.id)
            let marks = (topic.hasAcceptedAnswer ? "✓" : " ") + (topic.pinned ? "P" : " ")
            let activity = topic.lastActivity.map { ForaDate.relative($0) } ?? ""
            let counts = [(String(topic.replyCount), 5), (String(topic.views), 7), (activity, 5)]
                .map { text, width in String(repeating: " ", count: max(0, width - text.count)) + text }
                .joined(separator: " ")
            print("\(id) \(marks) \(counts)  \(topic.title)")
        }
    }
}
