import DiscourseBackend
import ForaCore
import XCTest

@testable import ForaTUI

/// A count a server sends never sizes an allocation, and no config value can make a sleep
/// time that traps.
final class ServerSizedMemoryTests: XCTestCase {
    func testAnAbsurdPostsCountWithoutAStreamCountsWhatArrived() async throws {
        let json = """
            {"id": 7, "title": "Claims ten trillion posts", "posts_count": 10000000000000,
             "highest_post_number": 10000000000000,
             "post_stream": {"posts": [{"id": 70, "post_number": 1, "username": "alice", "cooked": "<p>Hi</p>"}]}}
            """
        let source = DiscourseReaderSource { _ in Array(json.utf8) }
        let topic = try await source.topic(id: 7)
        XCTAssertEqual(topic.postCount, 1, "bounded by what was received")
    }

    func testAPostStreamClaimingHugeCountsAllocatesOnlyWhatIsLoaded() {
        let post = ReaderPost(id: 1, number: 1, username: "alice", cooked: "<p>x</p>")
        var stream = PostStream(
            topic: ReaderTopic(id: 1, title: "t", postCount: 10_000_000_000_000, initialPosts: [post]))
        XCTAssertEqual(stream.count, 10_000_000_000_000)
        XCTAssertEqual(stream[0]?.number, 1)
        XCTAssertNil(stream[9_999_999_999_999])
        XCTAssertEqual(stream.windowsToLoad(covering: 9_999_999_999_990..<10_000_000_000_000).count, 1)
        stream.extend(to: Int.max, with: [], at: 0)
        XCTAssertEqual(stream.estimatedPosition(ofNumber: Int.max), Int.max - 1)
        XCTAssertEqual(stream.estimatedPosition(ofNumber: Int.min), 0)
        XCTAssertEqual(stream.loadedPositions, [0])
    }

    func testHugeTimesInTheConfigAreClampedNotTrapped() {
        let config = TUIConfig.parse(
            """
            [tui]
            refresh = 9223372036854775807
            live-poll = 9223372036854775807
            split = 500
            [review]
            poll = 9223372036854775807
            """)
        XCTAssertEqual(config.listRefreshSeconds, 86_400)
        XCTAssertEqual(config.livePollSeconds, 86_400)
        XCTAssertEqual(config.reviewPollSeconds, 86_400)
        XCTAssertEqual(config.layout.listPercent, 75)
    }

    func testTheWakePipeIsClosedOnExec() {
        let mailbox = UIMailbox()
        for fd in [mailbox.readEnd, mailbox.writeEnd] {
            XCTAssertNotEqual(fcntl(fd, F_GETFD) & FD_CLOEXEC, 0, "$EDITOR and $BROWSER must not inherit fd \(fd)")
            XCTAssertNotEqual(fcntl(fd, F_GETFL) & O_NONBLOCK, 0)
        }
    }
}
