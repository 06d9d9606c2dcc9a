import ForaCore
import ForaRender
import XCTest

@testable import ForaTUI

/// `/` in the reader searches the whole topic: posts not loaded yet are fetched (from the
/// store or the site) and the search goes on as they arrive; "not found" only once every
/// post was searched.
final class WholeTopicSearchTests: XCTestCase {
    /// Delivers asked-for windows only when the test says so, as a slow site would.
    @MainActor private final class DeferredLoader {
        var asked: [Range<Int>] = []
        var messages: [String] = []
        let source: FakeReaderSource
        weak var reader: ReaderScreen?
        init(_ source: FakeReaderSource) { self.source = source }
        func deliverAll() {
            while !asked.isEmpty {
                let range = asked.removeFirst()
                reader?.receive(range.clamped(to: 0..<source.postCount).map(source.post(at:)), at: range.lowerBound)
            }
        }
    }

    @MainActor private static func reader(posts: Int) -> (ReaderScreen, DeferredLoader) {
        let source = FakeReaderSource(postCount: posts)
        let topic = ReaderTopic(
            id: 1, title: "Megathread", postCount: posts, initialPosts: (0..<20).map(source.post(at:)))
        let reader = ReaderScreen(topic: topic, renderer: FakeRenderer())
        let loader = DeferredLoader(source)
        loader.reader = reader
        reader.onNeedPosts = { [weak loader] range in loader?.asked.append(range) }
        reader.onMessage = { [weak loader] message in loader?.messages.append(message) }
        reader.draw(on: GridTerminal(rows: 24, columns: 80), focused: true)
        return (reader, loader)
    }

    func testASearchFromTheTopFindsAPostFarBelowTheLoadedOnes() {
        MainActor.assumeIsolated {
            let (reader, loader) = Self.reader(posts: 1_500)
            XCTAssertTrue(reader.search("post 602", forward: true), "still searching, not \"not found\"")
            XCTAssertFalse(loader.asked.isEmpty, "the missing posts are asked for")
            loader.deliverAll()
            XCTAssertEqual(reader.currentPostNumber, 602)
            XCTAssertEqual(loader.messages.last, "found post 602 in post #602")
        }
    }

    func testNotFoundOnlyAfterTheWholeTopicWasSearched() {
        MainActor.assumeIsolated {
            let (reader, loader) = Self.reader(posts: 300)
            XCTAssertTrue(reader.search("nothing like this", forward: true))
            loader.deliverAll()
            XCTAssertEqual(loader.messages.last, "not found: nothing like this")
            XCTAssertEqual(reader.currentPostNumber, 1, "the reader stays where it was")
        }
    }

    func testASearchBackwardsLoadsThePostsAbove() {
        MainActor.assumeIsolated {
            let source = FakeReaderSource(postCount: 200)
            let topic = ReaderTopic(
                id: 1, title: "t", postCount: 200, initialPosts: (0..<20).map(source.post(at:)))
            let reader = ReaderScreen(topic: topic, renderer: FakeRenderer())
            reader.onNeedPosts = { [weak reader] range in
                reader?.receive(range.map(source.post(at:)), at: range.lowerBound)
            }
            reader.draw(on: GridTerminal(rows: 24, columns: 80), focused: true)
            _ = reader.perform(.last, count: nil)
            XCTAssertTrue(reader.search("post 12", forward: false))
            XCTAssertEqual(reader.currentPostNumber, 129, "the nearest match above: post 129 holds \"post 12\"")
        }
    }
}
