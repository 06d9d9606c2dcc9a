import ForaCore
import Foundation
import XCTest

@testable import ForaStore

/// Bookmarks made here are listed at once, before any sync; removing one forgets it.
final class LocalBookmarksTests: StoreTestCase {
    func testABookmarkOnAStoredPostIsListedAtOnceAndRemovedAgain() throws {
        try store.saveTopics([summary(7, title: "Kept topic")])
        try store.savePosts([post(7, 2)])
        let postID = 7 * 100_000 + 2
        XCTAssertTrue(try store.bookmarkLocally(postID: postID))
        XCTAssertTrue(try store.bookmarkLocally(postID: postID), "twice is still one bookmark")
        let listed = try store.bookmarks()
        XCTAssertEqual(listed.map(\.postID), [postID])
        XCTAssertEqual(listed.first?.topicID, 7)
        XCTAssertEqual(listed.first?.postNumber, 2)
        XCTAssertEqual(listed.first?.title, "Kept topic")
        XCTAssertNil(try store.remoteBookmarkID(postID: postID), "the server's id comes with the next sync")

        try store.removeBookmark(postID: postID)
        XCTAssertThrowsError(try store.bookmarks(), "nothing left, and never synced")
    }

    func testAnUnknownPostNeedsItsTopicAndTheServersIdIsKeptBySync() throws {
        XCTAssertFalse(try store.bookmarkLocally(postID: 42), "no stored post, no topic given")
        XCTAssertTrue(try store.bookmarkLocally(postID: 42, topicID: 3))
        try store.replaceSyncedBookmarks([SyncBookmark(id: 9, topicID: 3, postID: 42, postNumber: 5, title: "t")])
        XCTAssertEqual(try store.remoteBookmarkID(postID: 42), 9)
        XCTAssertEqual(try store.bookmarks().count, 1, "the server's row replaced the local one")
        try store.removeBookmark(postID: 42)
        XCTAssertEqual(try store.bookmarks(), [], "synced, and now empty")
    }
}
