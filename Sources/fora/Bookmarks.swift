import ArgumentParser
import DiscourseBackend
import ForaCore
import ForaStore
import Foundation

/// `fora bookmarks`: the signed-in user's bookmarks, fetched from the site (and kept in the
/// store), or with `--offline` as the last `fora sync` kept them.
struct Bookmarks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List your bookmarks (needs a login).")
    @OptionGroup var globals: GlobalOptions

    mutating func run() async throws {
        let bookmarks: [StoredBookmark]
        if globals.offline {
            let store = try OfflineReading.store(globals)
            bookmarks = try await StoreAccess.run { try store.bookmarks() }
        } else {
            let service = try globals.service()
            var username = service.site.apiUsername
            if username == nil { username = try? await service.currentUser().username }
            guard let username else { throw CommandFailure(.notLoggedIn) }
            let source = DiscourseSyncSource(http: StoreAccess.http(service))
            let listed = try await StoreAccess.run { try await source.bookmarks(username: username) }
            // Keep them for offline use; a store that cannot be opened does not stop the listing.
            if let store = try? StoreAccess.open(service.site) { try? store.replaceSyncedBookmarks(listed) }
            bookmarks = listed.map {
                StoredBookmark(
                    id: $0.id, topicID: $0.topicID, postID: $0.postID, postNumber: $0.postNumber, title: $0.title,
                    excerpt: $0.excerpt, name: $0.name)
            }
        }
        if globals.json {
            try Output.json(
                bookmarks.map { item -> [String: Any] in
                    [
                        "id": Output.nullable(item.id), "topic_id": item.topicID,
                        "post_id": Output.nullable(item.postID),
                        "post_number": Output.nullable(item.postNumber), "title": item.title,
                        "excerpt": Output.nullable(item.excerpt), "name": Output.nullable(item.name),
                    ]
                })
            return
        }
        if bookmarks.isEmpty {
            Output.line("no bookmarks")
            return
        }
        var rows = [["TOPIC", "TITLE", "EXCERPT"]]
        for item in bookmarks {
            rows.append([
                "\(item.topicID)" + (item.postNumber.map { "/\($0)" } ?? ""), DisplayWidth.truncate(item.title, to: 50),
                DisplayWidth.truncate(item.name ?? item.excerpt ?? "", to: 50),
            ])
        }
        for (index, line) in Output.table(rows).enumerated() {
            Output.line(line, style: index == 0 ? .bold : nil)
        }
    }
}
