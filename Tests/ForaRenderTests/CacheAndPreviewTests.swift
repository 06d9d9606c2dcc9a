import Foundation
import Synchronization
import XCTest

@testable import ForaRender

final class CacheAndPreviewTests: XCTestCase {
    func testCacheRendersOncePerPostAndWidth() {
        let cache = RenderCache(capacity: 10)
        let first = cache.document(post: 1, cooked: "<p>hello world</p>", width: 40)
        let again = cache.document(post: 1, cooked: "<p>hello world</p>", width: 40)
        XCTAssertEqual(first, again)
        XCTAssertEqual(cache.statistics.hits, 1)
        XCTAssertEqual(cache.statistics.misses, 1)
        _ = cache.document(post: 1, cooked: "<p>hello world</p>", width: 5)
        XCTAssertEqual(cache.statistics.misses, 2, "another width is another rendering")
        let edited = cache.document(post: 1, cooked: "<p>edited</p>", width: 40)
        XCTAssertEqual(edited.plainText, "edited", "an edited post is rendered again")
    }

    func testCacheEvictsWhenFull() {
        let cache = RenderCache(capacity: 4)
        for post in 0..<20 { _ = cache.document(post: post, cooked: "<p>\(post)</p>", width: 40) }
        XCTAssertLessThanOrEqual(cache.count, 4)
        _ = cache.document(post: 19, cooked: "<p>19</p>", width: 40)
        XCTAssertEqual(cache.statistics.hits, 1, "the most recent post stays cached")
    }

    func testMarkdownPreviewUsesGFMExtensions() {
        let markdown = """
            # Title

            Some **bold** and ~~struck~~ text, see https://example.org

            | a | b |
            |---|--:|
            | 1 | 22 |

            - [x] done
            - [ ] todo
            """
        let document = MarkdownPreview.render(markdown, width: 60)
        let lines = document.lines.map(\.plainText)
        XCTAssertEqual(lines.first, "Title")
        XCTAssertTrue(lines.contains("Some bold and struck text, see https://example.org[1]"), "\(lines)")
        XCTAssertTrue(lines.contains("a │  b"), "\(lines)")
        XCTAssertTrue(lines.contains("1 │ 22"), "\(lines)")
        XCTAssertTrue(lines.contains("• [x] done"), "\(lines)")
        XCTAssertTrue(document.lines.contains { $0.runs.contains { $0.role == .strikethrough && $0.text == "struck" } })
        XCTAssertEqual(document.links, ["https://example.org"])
    }

    func testPreviewMatchesRenderingOfTheSameHTML() {
        let markdown = "Hello *there*\n\n> quoted"
        XCTAssertEqual(
            MarkdownPreview.render(markdown, width: 30),
            CookedRenderer().render(MarkdownPreview.html(markdown), width: 30))
    }
}

final class ConcurrencyAndPreviewDetailTests: XCTestCase {
    /// Renders from many threads at once through one cache: libxml2 parsers and the cache's
    /// lock must hold up, and every thread must see the same result.
    func testConcurrentRenderingThroughOneCache() {
        let cache = RenderCache(capacity: 64)
        let posts = (0..<16).map { "<p>post \($0) with <a href=\"https://x.example/\($0)\">a link</a></p>" }
        let expected = posts.map { CookedRenderer().render($0, width: 30) }
        let mismatches = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 64) { iteration in
            let post = iteration % posts.count
            let document = cache.document(post: post, cooked: posts[post], width: 30)
            if document != expected[post] { mismatches.withLock { $0 += 1 } }
        }
        XCTAssertEqual(mismatches.withLock { $0 }, 0)
        XCTAssertEqual(cache.count, posts.count)
    }

    func testShortcodesAreNotCookedInsideCode() {
        let document = MarkdownPreview.render("`:smile: @bob` then :smile: and mail@example.com", width: 60)
        // The autolink extension makes the address a mailto link.
        XCTAssertEqual(document.plainText, ":smile: @bob then 😄 and mail@example.com[1]")
        XCTAssertEqual(document.links, ["mailto:mail@example.com"])
        XCTAssertFalse(document.lines[0].runs.contains { $0.role == .mention }, "an e-mail address is not a mention")
    }

    func testCookedPostsKeepShortcodeTextAsIs() {
        XCTAssertEqual(CookedRenderer().render("<p>:smile: @bob</p>", width: 40).plainText, ":smile: @bob")
    }
}
