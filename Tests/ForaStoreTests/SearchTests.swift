import ForaCore
import XCTest

@testable import ForaStore

final class SearchTests: StoreTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try store.saveTopics([
            summary(1, title: "Backup fails with a timeout"), summary(2, title: "Sharing albums"),
            summary(3, title: "Keyboard shortcuts"),
        ])
        try store.savePosts([
            post(1, 1, text: "My nightly <b>backup</b> stops after an hour."),
            post(2, 1, text: "How do I share an album with my family?"),
            post(2, 2, text: "Open the album, then press share. The backup runs later."),
            post(3, 1, text: "Is there a list of shortcuts &amp; gestures?"),
        ])
    }

    func testRanksTitleMatchesFirstAndHighlights() throws {
        let hits = try store.search("backup")
        XCTAssertEqual(hits.first?.topicID, 1)
        XCTAssertNil(hits.first?.postNumber)
        XCTAssertEqual(hits.first?.snippet, "[Backup] fails with a timeout")
        XCTAssertEqual(Set(hits.compactMap { $0.postNumber == nil ? nil : $0.topicID }), [1, 2])
        XCTAssertTrue(hits.contains { $0.snippet.contains("nightly [backup] stops") })
        XCTAssertEqual(hits.map(\.rank), hits.map(\.rank).sorted())
    }

    func testAllWordsMustMatchAndTheLastIsAPrefixWhileTyping() throws {
        XCTAssertEqual(try store.search("album fam", prefixLastWord: true).map(\.topicID), [2])
        XCTAssertEqual(try store.search("shortc", prefixLastWord: true).map(\.topicID), [3, 3])
        XCTAssertEqual(try store.search("shortc"), [])
        XCTAssertEqual(try store.search("fam album"), [])
        XCTAssertEqual(try store.search("album nonsense"), [])
        XCTAssertEqual(try store.searchMatchCount("album"), 2)
        XCTAssertEqual(try store.searchMatchCount("  "), 0)
    }

    func testBroadQueriesRankOnlyTheMostRecentMatches() throws {
        try store.saveTopics([summary(4, title: "Another topic")])
        try store.savePosts((1...5).map { post(4, $0, text: "backup backup backup number \($0)") })
        let all = try store.search("backup", limit: 50)
        XCTAssertTrue(all.contains { $0.topicID == 1 && $0.postNumber == 1 }, "the oldest match is ranked")
        let recent = try store.search("backup", limit: 50, rankingWindow: 3)
        XCTAssertEqual(recent.compactMap(\.postNumber).sorted(), [3, 4, 5], "only the 3 newest posts")
        XCTAssertEqual(recent.filter { $0.postNumber == nil }.map(\.topicID), [1], "titles have their own window")
    }

    func testTheBestOfTitlesAndPostsTogetherGetSnippetsWithTheGivenMarkers() throws {
        try store.saveTopics([summary(5, title: "Album backup checklist")])
        try store.savePosts((1...6).map { post(5, $0, text: "album talk \($0) then album again and album") })
        let markers = SnippetMarkers(open: "<<", close: ">>")
        let hits = try store.search("album", limit: 3, markers: markers)
        XCTAssertEqual(hits.count, 3)
        XCTAssertEqual(hits.map(\.rank), hits.map(\.rank).sorted())
        XCTAssertEqual(hits.first?.postNumber, nil, "a title match ranks above body-only matches")
        XCTAssertTrue(hits.allSatisfy { $0.snippet.lowercased().contains("<<album>>") }, "\(hits.map(\.snippet))")
        XCTAssertTrue(hits.allSatisfy { !$0.snippet.contains("[") })
        let everything = try store.search("album", limit: 50, markers: markers)
        XCTAssertEqual(Array(everything.prefix(3)), hits, "the first three of all hits, in the same order")
        XCTAssertEqual(try store.search("album", limit: 0), [])
    }

    func testQueriesCannotBreakFTSSyntax() throws {
        for query in ["\"", "AND", "a OR", "NEAR(", "*", "col:backup", "-", "(", "gestures\""] {
            XCTAssertNoThrow(try store.search(query), query)
        }
        XCTAssertEqual(try store.search("   "), [])
        XCTAssertEqual(try store.search("gestures\"").map(\.topicID), [3])
    }

    func testIndexFollowsEditsAndDeletes() throws {
        var edited = post(3, 1, text: "Renamed to hotkeys")
        edited.cooked = "<p>Renamed to hotkeys</p>"
        try store.savePosts([edited])
        XCTAssertEqual(try store.search("gestures"), [])
        XCTAssertEqual(try store.search("hotkeys").map(\.topicID), [3])
        try store.saveTopics([summary(3, title: "Hotkey list")])
        XCTAssertEqual(try store.search("keyboard"), [])
        _ = try store.evict(keepingAtMost: 0)
        XCTAssertEqual(try store.search("hotkeys"), [])
        XCTAssertEqual(try store.search("backup"), [])
    }

    func testPlainTextFromCooked() {
        XCTAssertEqual(
            PlainText.fromCooked("<p>Tom &amp; Jerry&nbsp;said &quot;hi&quot;</p>\n<pre><code>x &lt; 3</code></pre>"),
            "Tom & Jerry said \"hi\" x < 3")
        XCTAssertEqual(PlainText.fromCooked("a &unknown; b & c &#233;"), "a &unknown; b & c é")
        XCTAssertEqual(PlainText.fromCooked("<img alt=\":smile:\">line<br>next"), "line next")
    }
}
