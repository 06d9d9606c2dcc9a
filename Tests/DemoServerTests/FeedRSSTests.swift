// The RSS feeds, parsed with Foundation's XMLParser as an RSS reader would, and compared with
// what the JSON API says about the same topics and posts.
import Foundation
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The channel title and items of an RSS document.
final class RSSReader: NSObject, XMLParserDelegate {
    struct Item {
        var fields: [String: String] = [:]
        var title: String { fields["title"] ?? "" }
    }

    private(set) var channelTitle = ""
    private(set) var items: [Item] = []
    private var current: Item?
    private var text = ""

    static func read(_ data: Data) throws -> RSSReader {
        let reader = RSSReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.propertyListReadCorrupt) }
        return reader
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if name == "item" { current = Item() }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, foundCDATA block: Data) { text += String(decoding: block, as: UTF8.self) }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "item", let item = current {
            items.append(item)
            current = nil
        } else if current != nil {
            current?.fields[qualifiedName ?? name] = text.trimmingCharacters(in: .whitespacesAndNewlines)
        } else if name == "title" && channelTitle.isEmpty {
            channelTitle = text
        }
    }
}

final class FeedRSSTests: WriteServerTestCase {
    func feed(_ path: String) async throws -> RSSReader {
        let response = try await client.get(path)
        XCTAssertEqual(response.status, 200, response.text)
        XCTAssertEqual(response.headers["content-type"], "application/rss+xml; charset=utf-8")
        return try RSSReader.read(response.body)
    }

    func testLatestFeedListsTheNewestTopics() async throws {
        let reader = try await feed("/latest.rss")
        XCTAssertEqual(reader.channelTitle, "Fixture Community - Latest topics")
        let expected = Fixture.makeData().topics.values.filter { !$0.isPrivateMessage }
            .sorted { $0.createdAt > $1.createdAt }.prefix(30).map(\.title)
        XCTAssertEqual(reader.items.map(\.title), Array(expected))
        let solved = try XCTUnwrap(reader.items.first { $0.title == "Printer driver crashes on resume" })
        XCTAssertEqual(solved.fields["dc:creator"], "alice")
        XCTAssertEqual(solved.fields["category"], "Support")
        XCTAssertEqual(
            solved.fields["link"],
            "http://127.0.0.1:\(server.port)/t/printer-driver-crashes-on-resume/\(Fixture.solvedTopicId)")
        let firstPost = try await getJSON("/t/\(Fixture.solvedTopicId).json").object("post_stream")?.array("posts")
            .first
        XCTAssertTrue(solved.fields["description"]?.hasPrefix(firstPost?.string("cooked") ?? "-") ?? false)
        XCTAssertFalse(reader.items.contains { $0.title == "A private word" })
    }

    func testTopicFeedCarriesThePostsOfTheJSON() async throws {
        let reader = try await feed("/t/printer-driver-crashes-on-resume/\(Fixture.solvedTopicId).rss")
        let topic = try await getJSON("/t/\(Fixture.solvedTopicId).json")
        let posts = (topic.object("post_stream")?.array("posts") ?? []).filter { $0.int("post_type") == 1 }
        XCTAssertEqual(reader.items.count, posts.count)
        XCTAssertEqual(Set(reader.items.map(\.title)), ["Printer driver crashes on resume"])
        for (item, post) in zip(reader.items, posts.reversed()) {
            XCTAssertEqual(item.fields["dc:creator"], post.string("username"))
            XCTAssertEqual(item.fields["description"], post.string("cooked"))
            XCTAssertTrue(item.fields["link"]?.hasSuffix("/\(post.int("post_number") ?? 0)") ?? false)
        }
        let byId = try await feed("/t/\(Fixture.solvedTopicId).rss")
        XCTAssertEqual(byId.items.map { $0.fields["link"] }, reader.items.map { $0.fields["link"] })
        let privateFeed = try await client.get("/t/\(Fixture.privateMessageId).rss")
        XCTAssertEqual(privateFeed.status, 403)
    }

    func testTopicFeedTakesALimitOfLatestPosts() async throws {
        let all = try await feed("/t/\(Fixture.solvedTopicId).rss?limit=100000")
        let byDefault = try await feed("/t/\(Fixture.solvedTopicId).rss")
        XCTAssertGreaterThan(all.items.count, 1)
        XCTAssertEqual(all.items.map { $0.fields["link"] }, byDefault.items.map { $0.fields["link"] })
        let newest = try await feed("/t/\(Fixture.solvedTopicId).rss?limit=1")
        XCTAssertEqual(newest.items.map { $0.fields["link"] }, [all.items.first?.fields["link"]])
    }

    func testCategoryFeedAndHostileText() async throws {
        let reply = try await sendJSON(
            "POST", "/posts.json",
            [
                "topic_id": Fixture.unsolvedTopicId,
                "raw": "Terminal noise \u{1B}[2J and \u{1B}]52;c;aGk=\u{07} inside a reply.",
            ], headers: alice)
        XCTAssertEqual(reply.status, 200)
        let category = try await feed("/c/support/\(Fixture.supportCategoryId).rss")
        XCTAssertEqual(
            Set(category.items.map(\.title)),
            ["Printer driver crashes on resume", "Keyboard layout resets after update"])
        let topic = try await feed("/t/\(Fixture.unsolvedTopicId).rss")
        XCTAssertEqual(topic.items.count, 2)
        XCTAssertTrue(topic.items.first?.fields["description"]?.contains("Terminal noise") ?? false)
        let wrongSlugStatus = try await client.get("/c/wrong-slug/\(Fixture.supportCategoryId).rss").status
        XCTAssertEqual(wrongSlugStatus, 404)
    }
}
