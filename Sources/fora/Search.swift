import ArgumentParser
import ForaCore
import ForaNet
import Foundation

/// `fora search QUERY`: matching posts with their topic; Discourse's filters work in QUERY
/// (`@user`, `#category`, `tags:a,b`, `status:solved`, `in:title`, `order:latest`…).
struct Search: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Search posts (Discourse's filters work in QUERY).")
    @OptionGroup var globals: GlobalOptions
    @Argument(help: "What to look for.") var query: [String]
    @Option(help: "The page of results (1-based).") var page: Int = 1

    mutating func run() async throws {
        let text = query.joined(separator: " ")
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw CommandFailure(.usage("QUERY is empty")) }
        if globals.offline { return try await OfflineReading.search(text, globals: globals) }
        let service = try globals.service()
        let page = self.page
        let result = try await withFailures { try await service.search(text, page: page) }
        if globals.json {
            try Output.json(result.posts.map { JSONSchemas.searchPost($0, topic: result.topic(for: $0)) })
            return
        }
        if result.posts.isEmpty {
            Output.error("fora: nothing found for \(text)")
            return
        }
        for post in result.posts {
            let title = result.topic(for: post)?.title ?? post.topicTitleHeadline ?? ""
            Output.line([
                ("\(post.topicID)/\(post.postNumber)", .cyan),
                ("  \(Output.clean(title))  @\(Output.clean(post.username))", nil),
            ])
            Output.line("    " + Output.clean(post.blurb))
        }
    }
}
