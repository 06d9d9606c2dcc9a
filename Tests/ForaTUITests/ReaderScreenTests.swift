import ForaCore
import ForaRender
import Foundation
import XCTest

@testable import ForaTUI

final class ReaderViewportTests: XCTestCase {
    private let heights = [3, 5, 2, 4]
    private func height(_ slot: Int) -> Int { heights[slot] }

    func testScrollingCrossesPostsBothWaysAndStopsAtTheEnds() {
        var viewport = ReaderViewport()
        viewport.scroll(by: 4, count: 4, rows: 3, height: height)
        XCTAssertEqual(viewport, ReaderViewport(slot: 1, line: 1))
        viewport.scroll(by: -2, count: 4, rows: 3, height: height)
        XCTAssertEqual(viewport, ReaderViewport(slot: 0, line: 2))
        viewport.scroll(by: -10, count: 4, rows: 3, height: height)
        XCTAssertEqual(viewport, ReaderViewport())
        viewport.scroll(by: 100, count: 4, rows: 3, height: height)
        // The last screenful: 3 rows = the last 3 of post 3's 4 lines.
        XCTAssertEqual(viewport, ReaderViewport(slot: 3, line: 1))
    }

    func testEndOfAShortTopicIsTheTop() {
        XCTAssertEqual(ReaderViewport.end(count: 2, rows: 50, height: height), ReaderViewport())
    }
}

final class PostStreamTests: XCTestCase {
    private func topic(count: Int, loaded: Int) -> ReaderTopic {
        let source = FakeReaderSource(postCount: count, gapAfter: 30)
        return ReaderTopic(id: 1, title: "t", postCount: count, initialPosts: (0..<loaded).map(source.post(at:)))
    }

    func testWindowsAreAskedForOnce() {
        var stream = PostStream(topic: topic(count: 100, loaded: 20))
        XCTAssertEqual(stream.windowsToLoad(covering: 0..<25), [20..<40])
        XCTAssertEqual(stream.windowsToLoad(covering: 0..<45), [40..<60])
        XCTAssertEqual(stream.windowsToLoad(covering: 95..<200), [80..<100])
        stream.forget(40..<60)
        XCTAssertEqual(stream.windowsToLoad(covering: 41..<42), [40..<60])
    }

    func testPositionsOfPostNumbersAcrossAGap() {
        var stream = PostStream(topic: topic(count: 100, loaded: 20))
        let source = FakeReaderSource(postCount: 100, gapAfter: 30)
        XCTAssertEqual(stream.loadedPosition(ofNumber: 5), 4)
        XCTAssertEqual(stream.estimatedPosition(ofNumber: 50), 49, "a guess before the gap is seen")
        stream.insert((20..<40).map(source.post(at:)), at: 20)
        XCTAssertEqual(stream.estimatedPosition(ofNumber: 50), 48, "corrected by the loaded post before it")
        XCTAssertEqual(stream.loadedPosition(ofNumber: 32), 30)
        XCTAssertNil(stream.loadedPosition(ofNumber: 31), "post 31 was deleted")
    }
}

final class ReaderScreenTests: XCTestCase, @unchecked Sendable {
    /// The windows the reader asked for, in order.
    private final class RequestLog {
        var ranges: [Range<Int>] = []
    }
    private let log = RequestLog()

    /// A reader over the fake source, with windows loaded synchronously as the screen asks.
    @MainActor
    private func reader(_ source: FakeReaderSource) -> ReaderScreen {
        let topic = ReaderTopic(
            id: 1, title: "Topic number 1", postCount: source.postCount,
            acceptedAnswerPostNumber: source.solution, lastReadPostNumber: source.lastRead,
            initialPosts: (0..<min(20, source.postCount)).map(source.post(at:)))
        let reader = ReaderScreen(topic: topic, renderer: FakeRenderer())
        let log = self.log
        reader.onNeedPosts = { [weak reader] range in
            log.ranges.append(range)
            reader?.receive(range.clamped(to: 0..<source.postCount).map(source.post(at:)), at: range.lowerBound)
        }
        return reader
    }

    func testHeadersAndBodiesAt80x24() {
        MainActor.assumeIsolated {
            let reader = reader(FakeReaderSource(postCount: 10, solution: 4))
            let grid = GridTerminal(rows: 23, columns: 80)
            reader.draw(on: grid, focused: true)
            XCTAssertTrue(grid.line(0).hasPrefix("Topic number 1"))
            XCTAssertEqual(grid.line(1).trimmingCharacters(in: .whitespaces), "#1 alice TL1 · 2026-03-04 14:05 · ♥ 1")
            XCTAssertEqual(grid.line(2), "┃ Body of post 1".padding(toLength: 80, withPad: " ", startingAt: 0))
            XCTAssertTrue(grid.line(4).contains("#2 user2  moderator  · 2026-03-04 14:05 · ↩ #1 · ♥ 2"), grid.line(4))
            XCTAssertEqual(grid.style(row: 1, column: 3), .ui(.author))
            XCTAssertTrue(grid.text.contains("#4 user4 TL0 ✓ Solution · 2026-03-04 14:05 · ↩ #3 · ♥ 4"), grid.text)
            XCTAssertEqual(reader.position, "post 1 (1/10)")
        }
    }

    func testFocusMovesByPostAndPagingScrollsByLine() {
        MainActor.assumeIsolated {
            let reader = reader(FakeReaderSource(postCount: 50))
            let grid = GridTerminal(rows: 11, columns: 60)
            reader.draw(on: grid, focused: true)
            _ = reader.perform(.moveDown, count: nil)
            XCTAssertEqual(reader.currentPostNumber, 2, "j focuses the next post")
            XCTAssertEqual(reader.viewport, ReaderViewport(), "which is on screen: nothing scrolls")
            _ = reader.perform(.moveDown, count: 5)
            XCTAssertEqual(reader.currentPostNumber, 7)
            reader.draw(on: grid, focused: true)
            let row = reader.focusedScreenRow ?? -1
            XCTAssertTrue(grid.line(row).hasPrefix("#7 "), "the focused post is on screen:\n\(grid.text)")
            _ = reader.perform(.nextPost, count: 3)
            XCTAssertEqual(reader.currentPostNumber, 10)
            _ = reader.perform(.previousPost, count: nil)
            XCTAssertEqual(reader.currentPostNumber, 9)
            let before = reader.viewport
            _ = reader.perform(.halfPageDown, count: nil)  // 10 body rows: 5 lines
            XCTAssertNotEqual(reader.viewport, before, "paging scrolls lines")
            _ = reader.perform(.pageUp, count: 9)
            XCTAssertEqual(reader.viewport, ReaderViewport())
            reader.draw(on: grid, focused: true)
            XCTAssertTrue(grid.line(1).hasPrefix("#1 alice"))
            XCTAssertTrue(
                (reader.currentPostNumber ?? 0) <= 4, "the focus stays on screen after paging: \(reader.position ?? "")"
            )
        }
    }

    func testLongTopicsLoadOnlyTheWindowsNearTheScreen() {
        MainActor.assumeIsolated {
            let reader = reader(FakeReaderSource(postCount: 10_000))
            let grid = GridTerminal(rows: 24, columns: 80)
            reader.draw(on: grid, focused: true)
            XCTAssertEqual(log.ranges, [])
            _ = reader.perform(.last, count: nil)
            reader.draw(on: grid, focused: true)
            reader.draw(on: grid, focused: true)
            XCTAssertEqual(log.ranges, [9980..<10_000])
            XCTAssertTrue(grid.text.contains("Body of post 10000"), grid.text)
            XCTAssertFalse(grid.text.contains("loading"), "the end stays the end once loaded:\n\(grid.text)")
            XCTAssertEqual(grid.line(23).trimmingCharacters(in: .whitespaces), "", "the last post's separator")
            XCTAssertEqual(
                grid.line(22).trimmingCharacters(in: .whitespaces), "┃ Body of post 10000", "G focuses the last post")
            _ = reader.perform(.last, count: 5_000)
            reader.draw(on: grid, focused: true)
            reader.draw(on: grid, focused: true)
            XCTAssertTrue(log.ranges.contains(4980..<5000), "\(log.ranges)")
            XCTAssertTrue(grid.line(1).hasPrefix("#5000 "), grid.line(1))
            XCTAssertLessThanOrEqual(log.ranges.count, 4)
        }
    }

    func testJumpToAPostThatIsNotLoadedYetLandsOnItAfterLoading() {
        MainActor.assumeIsolated {
            // Post 31 was deleted, so post 60 sits at position 58.
            let source = FakeReaderSource(postCount: 100, gapAfter: 30)
            let topic = ReaderTopic(
                id: 1, title: "t", postCount: 100, initialPosts: (0..<20).map(source.post(at:)))
            let reader = ReaderScreen(topic: topic, renderer: FakeRenderer())
            var asked: [Range<Int>] = []
            reader.onNeedPosts = { asked.append($0) }
            let grid = GridTerminal(rows: 24, columns: 80)
            reader.draw(on: grid, focused: true)
            _ = reader.goto(postNumber: 60)
            reader.draw(on: grid, focused: true)
            XCTAssertTrue(grid.line(1).contains("loading"), grid.line(1))
            for range in asked { reader.receive(range.map(source.post(at:)), at: range.lowerBound) }
            reader.draw(on: grid, focused: true)
            XCTAssertTrue(grid.line(1).hasPrefix("#60 "), grid.text)
            XCTAssertEqual(reader.currentPosition, 58)
        }
    }

    func testUnreadSolutionAndQuoteFolding() {
        MainActor.assumeIsolated {
            let reader = reader(FakeReaderSource(postCount: 30, solution: 12, lastRead: 8))
            let grid = GridTerminal(rows: 24, columns: 80)
            reader.draw(on: grid, focused: true)
            XCTAssertEqual(reader.perform(.nextUnread, count: nil), .none)
            XCTAssertEqual(reader.currentPosition, 8)
            XCTAssertEqual(reader.perform(.previousUnread, count: nil), .message("no unread posts above"))
            _ = reader.perform(.solution, count: nil)
            reader.draw(on: grid, focused: true)
            XCTAssertTrue(grid.line(1).hasPrefix("#12 ") && grid.line(1).contains("✓ Solution"), grid.line(1))

            XCTAssertEqual(reader.lines(ofPosition: 6)[1], "  ▸ quote, 2 lines folded")
            _ = reader.perform(.toggleQuotes, count: nil)
            XCTAssertEqual(Array(reader.lines(ofPosition: 6)[1...2]), ["  quoted one", "  quoted two"])
        }
    }

    func testLinksListOpenAndCopyWithCounts() {
        MainActor.assumeIsolated {
            let reader = reader(FakeReaderSource(postCount: 10))
            reader.draw(on: GridTerminal(rows: 24, columns: 80), focused: true)
            XCTAssertEqual(reader.perform(.links, count: nil), .message("this post has no links"))
            _ = reader.perform(.nextPost, count: 2)
            let links = ["https://example.com/a", "https://example.com/b"]
            XCTAssertEqual(reader.perform(.links, count: nil), .showLinks(links))
            XCTAssertEqual(reader.perform(.openLink, count: 2), .openURL(links[1]))
            XCTAssertEqual(reader.perform(.copyLink, count: 1), .copy(links[0]))
            XCTAssertEqual(reader.perform(.openLink, count: 3), .message("this post has 2 links"))
        }
    }

    func testSearchMovesToTheMatchingLineAndRepeats() {
        MainActor.assumeIsolated {
            let reader = reader(FakeReaderSource(postCount: 30))
            reader.draw(on: GridTerminal(rows: 24, columns: 80), focused: true)
            XCTAssertTrue(reader.search("post 1", forward: true))
            XCTAssertEqual(reader.viewport, ReaderViewport(slot: 0, line: 1), "the search starts below the top line")
            _ = reader.perform(.searchNext, count: nil)
            XCTAssertEqual(reader.viewport, ReaderViewport(slot: 9, line: 1))
            _ = reader.perform(.searchNext, count: nil)
            XCTAssertEqual(reader.viewport.slot, 10)
            _ = reader.perform(.searchPrevious, count: nil)
            XCTAssertEqual(reader.viewport.slot, 9)
            XCTAssertFalse(reader.search("nothing like this", forward: true))
        }
    }

    func testNarrowAndTinyPanesNeverWritePastTheirEdge() {
        MainActor.assumeIsolated {
            let reader = reader(FakeReaderSource(postCount: 5))
            let grid = GridTerminal(rows: 10, columns: 40)
            reader.draw(on: RegionTerminal(grid, rect: Rect(row: 0, column: 0, rows: 9, columns: 20)), focused: true)
            for row in 0..<10 {
                XCTAssertEqual(grid.line(row).dropFirst(20).trimmingCharacters(in: .whitespaces), "", "row \(row)")
            }
        }
    }
}

/// Counts renders, to prove bodies are rendered once per post and width, and only near the screen.
private final class CountingRenderer: PostRendering, @unchecked Sendable {
    struct Call: Hashable {
        var cooked: String
        var width: Int
    }
    private let lock = NSLock()
    private var log: [Call] = []
    var calls: [Call] { lock.withLock { log } }
    func render(_ cooked: String, width: Int) -> RenderedDocument {
        lock.withLock { log.append(Call(cooked: cooked, width: width)) }
        return FakeRenderer().render(cooked, width: width)
    }
}

final class ReaderRenderCacheTests: XCTestCase {
    func testBodiesRenderOncePerWidthAndOnlyNearTheScreen() {
        MainActor.assumeIsolated {
            let source = FakeReaderSource(postCount: 10_000)
            let renderer = CountingRenderer()
            let topic = ReaderTopic(
                id: 1, title: "t", postCount: 10_000, initialPosts: (0..<20).map(source.post(at:)))
            let reader = ReaderScreen(topic: topic, renderer: renderer)
            reader.onNeedPosts = { [weak reader] range in
                reader?.receive(range.map(source.post(at:)), at: range.lowerBound)
            }
            let grid = GridTerminal(rows: 24, columns: 80)
            reader.draw(on: grid, focused: true)
            let first = renderer.calls.count
            XCTAssertGreaterThan(first, 0)
            XCTAssertLessThan(first, 20, "only the posts on screen are rendered")
            reader.draw(on: grid, focused: true)
            _ = reader.perform(.moveDown, count: 1)
            reader.draw(on: grid, focused: true)
            XCTAssertEqual(renderer.calls.count, first, "a redraw and a one-line scroll render nothing new")
            for _ in 0..<200 {
                _ = reader.perform(.pageDown, count: nil)
                reader.draw(on: grid, focused: true)
            }
            XCTAssertEqual(Set(renderer.calls).count, renderer.calls.count, "no post is rendered twice at one width")
            XCTAssertLessThan(
                renderer.calls.count, reader.currentPosition + 30, "what scrolled past, plus a screenful")
            grid.resize(rows: 24, columns: 60)
            let beforeResize = renderer.calls.count
            reader.draw(on: grid, focused: true)
            XCTAssertTrue(
                renderer.calls.dropFirst(beforeResize).allSatisfy { $0.width == 58 }, "re-wrapped at the new width")
            XCTAssertGreaterThan(renderer.calls.count, beforeResize)
        }
    }
}

final class ReaderRevealTests: XCTestCase {
    func testSpoilersStayHiddenUntilRevealed() {
        MainActor.assumeIsolated {
            let post = ReaderPost(
                id: 1, number: 1, username: "alice",
                cooked: "<p>The killer is <span class=\"spoiler\">the butler</span>.</p>")
            let reader = ReaderScreen(topic: ReaderTopic(id: 1, title: "Whodunit", postCount: 1, initialPosts: [post]))
            reader.draw(on: GridTerminal(rows: 10, columns: 60), focused: true)
            XCTAssertFalse(reader.lines(ofPosition: 0).joined().contains("the butler"), "hidden at first")
            XCTAssertEqual(reader.perform(.toggleHidden, count: nil), .message("spoilers and details shown"))
            XCTAssertTrue(reader.lines(ofPosition: 0).joined().contains("the butler"), "revealed on request")
            _ = reader.perform(.toggleHidden, count: nil)
            XCTAssertFalse(reader.lines(ofPosition: 0).joined().contains("the butler"))
        }
    }
}
