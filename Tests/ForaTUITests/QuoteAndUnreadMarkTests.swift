import ForaCore
import XCTest

@testable import ForaTUI

/// Following a quote to its source post, the list's "+" mark for topics with new posts, and
/// the CLI's `:search QUERY`.
final class QuoteAndUnreadMarkTests: XCTestCase {
    @MainActor
    private static func reader() -> ReaderScreen {
        let quoting = """
            <aside class="quote no-group" data-username="ann" data-post="3" data-topic="40">
            <blockquote><p>third</p></blockquote></aside>
            <p>and from elsewhere</p>
            <aside class="quote" data-username="bob" data-post="9" data-topic="77"><blockquote>x</blockquote></aside>
            """
        let posts = (1...30).map { number in
            ReaderPost(
                id: 100 + number, number: number, username: "user\(number)",
                cooked: number == 20 ? quoting : "<p>Body of post \(number)</p>")
        }
        return ReaderScreen(
            topic: ReaderTopic(id: 40, title: "Quotes", postCount: 30, initialPosts: posts), renderer: FakeRenderer())
    }

    func testFollowingAQuoteJumpsInTheTopicOrOpensTheOtherTopic() {
        MainActor.assumeIsolated {
            let reader = Self.reader()
            reader.draw(on: GridTerminal(rows: 24, columns: 80), focused: true)
            XCTAssertEqual(reader.perform(.followQuote, count: nil), .message("this post quotes no other post"))
            _ = reader.goto(postNumber: 20)
            XCTAssertEqual(reader.currentPostNumber, 20)
            XCTAssertEqual(reader.perform(.followQuote, count: 2), .openPost(topicID: 77, postNumber: 9))
            XCTAssertEqual(reader.perform(.followQuote, count: 3), .message("this post has 2 quotes"))
            XCTAssertEqual(reader.perform(.followQuote, count: nil), .none)
            XCTAssertEqual(reader.currentPostNumber, 3, "the first quote is from post 3 of this topic")
        }
    }

    func testTheFKeyFollowsQuotesInTheReader() {
        XCTAssertEqual(Keymap().operation(for: .character("f"), in: .reader), .followQuote)
        XCTAssertEqual(Keymap().operation(for: .character("f"), in: .list), .filterPrompt)
    }

    func testTopicsWithNewPostsGetAPlusAndCountAsUnread() {
        MainActor.assumeIsolated {
            let screen = ThreadListScreen(siteTitle: "demo")
            screen.show(
                topics: [
                    Topic(id: 1, title: "Read", unread: false),
                    Topic(id: 2, title: "New posts", unread: false, unreadPosts: 3),
                    Topic(id: 3, title: "Never opened", unread: true),
                ], categories: [])
            let grid = GridTerminal(rows: 6, columns: 80)
            screen.draw(on: grid, focused: true)
            XCTAssertTrue(grid.line(2).hasPrefix("  +"), grid.line(2))
            XCTAssertEqual(grid.style(row: 2, column: 2), .ui(.newMarker))
            XCTAssertTrue(grid.line(3).hasPrefix("  •"), grid.line(3))
            screen.filter.onlyUnread = true
            XCTAssertEqual(screen.topics.map(\.id), [2, 3])
        }
    }

    func testUnreadPostsDecodeFromEitherName() throws {
        let json = #"{"topic_list": {"topics": [{"id": 1, "unread_posts": 4}, {"id": 2, "new_posts": 2}, {"id": 3}]}}"#
        let list = try JSONDecoder().decode(TopicList.self, from: Data(json.utf8))
        XCTAssertEqual(list.topics.map(\.unreadPosts), [4, 2, 0])
    }

    func testSearchWithTextIsTheCLIsSearch() throws {
        XCTAssertEqual(
            try ParsedCommand.parse("search sync stalls")?.get(),
            ParsedCommand(operation: .findOnSite, count: nil, argument: "sync stalls"))
        XCTAssertEqual(try ParsedCommand.parse("search")?.get(), ParsedCommand(operation: .search, count: nil))
    }
}
