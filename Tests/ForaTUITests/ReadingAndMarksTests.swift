import ForaCore
import ForaRender
import Foundation
import XCTest

@testable import ForaTUI

/// Reading is measured as the site's web client measures it, and a post's states show as
/// words in its header; a small action is one line.
final class ReadingAndMarksTests: XCTestCase {
    func testPostsOnScreenGetTheTimeTheyWereShownAndLeavingSendsOneBatch() {
        var tracker = ReadingTracker()
        tracker.flushInterval = 3_600
        let start = Date(timeIntervalSince1970: 1_000)
        XCTAssertNil(tracker.show(topicID: 7, postNumbers: [1, 2], at: start))
        XCTAssertNil(tracker.show(topicID: 7, postNumbers: [2, 3], at: start.addingTimeInterval(2)))
        // Left idle for ten minutes: counted up to the cap only.
        XCTAssertNil(tracker.show(topicID: 7, postNumbers: [3], at: start.addingTimeInterval(2 + 600 - 29)))
        let batch = tracker.show(topicID: nil, postNumbers: [], at: start.addingTimeInterval(2 + 600))
        XCTAssertEqual(batch?.topicID, 7)
        XCTAssertEqual(batch?.timings[1], 2_000)
        XCTAssertEqual(batch?.timings[2], 2_000 + 60_000)
        XCTAssertEqual(batch?.timings[3], 60_000 + 29_000)
        XCTAssertEqual(batch?.postNumbers, [1, 2, 3])
        XCTAssertNil(tracker.take(), "sent once")
    }

    func testAReaderStayingInATopicSendsEveryFlushInterval() {
        var tracker = ReadingTracker()
        let start = Date(timeIntervalSince1970: 1_000)
        _ = tracker.show(topicID: 7, postNumbers: [1], at: start)
        XCTAssertNil(tracker.show(topicID: 7, postNumbers: [1], at: start.addingTimeInterval(10)))
        let batch = tracker.show(topicID: 7, postNumbers: [1], at: start.addingTimeInterval(31))
        XCTAssertEqual(batch?.timings, [1: 31_000])
    }

    func testStatesAndBadgesAreWordsInTheHeader() {
        var post = ReaderPost(id: 1, number: 4, username: "mod", trustLevel: 4, badge: .moderator, cooked: "<p>x</p>")
        post.userTitle = "Team"
        post.moderation.deleted = true
        post.moderation.hidden = true
        post.wiki = true
        let header = PostLayout.header(for: post).plainText
        XCTAssertTrue(header.contains(" moderator "), header)
        XCTAssertTrue(header.contains("(Team)"), header)
        XCTAssertTrue(header.contains("[deleted]"), header)
        XCTAssertTrue(header.contains("[hidden]"), header)
        XCTAssertTrue(header.contains("[wiki]"), header)
    }

    func testASmallActionIsOneLine() {
        var post = ReaderPost(
            id: 1, number: 7, username: "moderator", createdAt: "2020-01-01T00:00:00Z", cooked: "")
        post.postType = 3
        post.actionCode = "closed.enabled"
        let lines = PostLayout.lines(for: post, width: 80, foldQuotes: true, renderer: CookedRenderer()).lines
        XCTAssertEqual(lines.count, 2, "the line and the separator")
        XCTAssertTrue(lines[0].plainText.hasPrefix("#7 moderator closed the topic "), lines[0].plainText)
        XCTAssertTrue(lines[0].plainText.hasSuffix(" ago"), lines[0].plainText)
    }

    func testAClosedTopicRefusesRepliesUnlessTheSiteAllowsThem() {
        var topic = ReaderTopic(id: 1, title: "t", postCount: 1, initialPosts: [])
        XCTAssertNil(topic.replyRefusal)
        topic.closed = true
        XCTAssertEqual(topic.replyRefusal, "this topic is closed: only staff can reply")
        XCTAssertEqual(topic.stateMarks, ["closed"])
        topic.canReply = true
        XCTAssertNil(topic.replyRefusal, "the site lets this account (staff) reply")
    }

    func testATopicOpensAtTheFirstUnreadPostOrTheLastOne() {
        var topic = ReaderTopic(id: 1, title: "t", postCount: 9, lastReadPostNumber: 4, initialPosts: [])
        topic.highestPostNumber = 9
        XCTAssertEqual(topic.resumePostNumber, 5)
        topic.lastReadPostNumber = 9
        XCTAssertEqual(topic.resumePostNumber, 9)
        topic.lastReadPostNumber = nil
        XCTAssertNil(topic.resumePostNumber)
        topic.lastReadPostNumber = 4
        topic.highestPostNumber = nil
        XCTAssertNil(topic.resumePostNumber, "how far the topic goes is not known")
    }
}
