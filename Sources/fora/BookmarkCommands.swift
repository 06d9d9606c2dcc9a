import ArgumentParser
import DiscourseBackend
import ForaCore
import ForaStore
import Foundation

/// `fora bookmark POST`: queued and sent like every write, and recorded in the store at once,
/// so `fora bookmarks --offline` (and the TUI's offline bookmark list) shows it before the
/// next sync. A bookmark the server refuses is taken out again.
struct Bookmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Bookmark a post.")
    @OptionGroup var globals: GlobalOptions
    @Argument(help: "The post id.") var post: Int

    mutating func run() async throws {
        let store = try StoreAccess.open(try globals.configuration())
        let postID = post
        var recorded = try await StoreAccess.run { try store.bookmarkLocally(postID: postID) }
        if !recorded, !globals.offline, let service = try? globals.service(),
            let topicID = try? await service.post(id: postID).topicID
        {
            // Not in the store: the site says which topic the post is in.
            recorded = try await StoreAccess.run { try store.bookmarkLocally(postID: postID, topicID: topicID) }
        }
        do {
            try await OutboxSubmission.submit(
                .bookmark(postID: post, topicID: nil), globals: globals, done: "bookmarked post \(post)")
        } catch {
            if recorded { try? store.removeBookmark(postID: postID) }
            throw error
        }
    }
}

/// `fora unbookmark POST`: removes the bookmark on the site at once (it needs the site: the
/// bookmark's id comes from the store or the site's list), and from the store.
struct Unbookmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Remove your bookmark from a post.")
    @OptionGroup var globals: GlobalOptions
    @Argument(help: "The post id.") var post: Int

    mutating func run() async throws {
        if globals.offline { throw CommandFailure(.usage("removing a bookmark needs the site (drop --offline)")) }
        let service = try globals.service()
        let store = try StoreAccess.open(service.site)
        let postID = post
        var bookmarkID = try await StoreAccess.run { try store.remoteBookmarkID(postID: postID) }
        if bookmarkID == nil {
            var username = service.site.apiUsername
            if username == nil { username = try? await service.currentUser().username }
            guard let username else { throw CommandFailure(.notLoggedIn) }
            let source = DiscourseSyncSource(http: StoreAccess.http(service))
            let listed = try await StoreAccess.run { try await source.bookmarks(username: username) }
            bookmarkID = listed.first { $0.postID == postID }?.id
        }
        guard let bookmarkID else {
            try await StoreAccess.run { try store.removeBookmark(postID: postID) }
            throw CommandFailure(.notFound("post \(postID) is not bookmarked"))
        }
        try await withFailures { try await service.deleteBookmark(id: bookmarkID) }
        try await StoreAccess.run { try store.removeBookmark(postID: postID) }
        if globals.json {
            try Output.json(["post_id": postID, "bookmark_id": bookmarkID, "bookmarked": false])
        } else {
            Output.line("removed the bookmark from post \(postID)")
        }
    }
}
