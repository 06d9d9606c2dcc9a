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

    /// `fora read TOPIC --offline`: every stored post, printed by the same code as online.
    static func read(topicID: Int, width: Int, color: Bool, reveal: Bool, globals: GlobalOptions) async throws {
        let store = try store(globals)
        let detail = try await StoreAccess.run { try store.topicDetail(id: topicID) }
        try Read.present(
            detail, width: width, color: color, baseURL: try? globals.configuration().baseURL, json: globals.json,
            reveal: reveal)
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
            Output.error("fora: nothing found in the local store for \(text)")
            return
        }
        for hit in hits {
            let place = "\(hit.topicID)" + (hit.postNumber.map { "/\($0)" } ?? "")
            Output.line([
                (place, .cyan),
                ("  \(Output.clean(hit.topicTitle))" + (hit.username.map { "  @\(Output.clean($0))" } ?? ""), nil),
            ])
            Output.line("    " + Output.clean(hit.snippet))
        }
    }
}
