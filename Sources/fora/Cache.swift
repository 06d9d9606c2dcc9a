import ArgumentParser
import ForaCore
import ForaStore
import Foundation

/// `fora cache stats|vacuum|clear|evict`: the local store's size and housekeeping. Drafts,
/// the outbox, read state and bookmarks always survive.
struct Cache: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show, shrink or clear the local store.")
    @OptionGroup var globals: GlobalOptions
    @Argument(help: "stats, vacuum, clear or evict.") var action = "stats"
    @Option(help: "For evict: keep at most this many topics.") var maxTopics: Int?
    @Option(help: "For evict: keep the store under about this many megabytes.") var maxMegabytes: Int?

    mutating func run() async throws {
        let site = try globals.configuration()
        let store = try StoreAccess.open(site)
        try await StoreAccess.run {
            switch action {
            case "stats": try printStats(store)
            case "vacuum":
                try store.vacuum()
                try printStats(store)
            case "clear":
                try store.clearCache()
                try store.vacuum()
                if !globals.json { Output.line("cache cleared (drafts, outbox, read state and bookmarks kept)") }
            case "evict":
                var evicted = 0
                if let maxTopics { evicted += try store.evict(keepingAtMost: maxTopics) }
                if let maxMegabytes { evicted += try store.evict(toFitBytes: Int64(maxMegabytes) * 1_048_576) }
                guard maxTopics != nil || maxMegabytes != nil else {
                    throw CommandFailure(.usage("fora cache evict needs --max-topics or --max-megabytes"))
                }
                try store.vacuum()
                if !globals.json { Output.line("evicted \(evicted) topics") }
            default:
                throw CommandFailure(.usage("unknown cache action \(action): use stats, vacuum, clear or evict"))
            }
        }
    }

    private func printStats(_ store: Store) throws {
        let stats = try store.stats()
        if globals.json {
            try Output.json([
                "path": store.path, "bytes": stats.fileBytes, "topics": stats.topics, "posts": stats.posts,
                "drafts": stats.drafts, "outbox_unsent": stats.outboxUnsent, "outbox_failed": stats.outboxFailed,
                "bookmarks": stats.bookmarks, "lists": stats.lists,
            ])
            return
        }
        Output.line("store: \(store.path)")
        Output.line(String(format: "size: %.1f MB", Double(stats.fileBytes) / 1_048_576))
        Output.line("topics: \(stats.topics), posts: \(stats.posts), lists: \(stats.lists)")
        Output.line(
            "drafts: \(stats.drafts), unsent writes: \(stats.outboxUnsent), failed: \(stats.outboxFailed), "
                + "bookmarks: \(stats.bookmarks)")
    }
}
