import Foundation
import XCTest

@testable import DemoCommunity

/// The seeded posts exercise every piece of cooked HTML a client must render, as Discourse
/// writes it, and every body is well-formed.
final class MarkupCoverageTests: XCTestCase {
    private let posts = Generated.allPosts

    private func assertSomePost(
        _ fragments: [String], raw: String? = nil, file: StaticString = #filePath, line: UInt = #line
    ) {
        let found = posts.first { post in fragments.allSatisfy { post.cooked.contains($0) } }
        XCTAssertNotNil(found, "no post has \(fragments)", file: file, line: line)
        if let raw, let found {
            XCTAssertTrue(found.raw.contains(raw), "raw of post \(found.id) lacks \(raw)", file: file, line: line)
        }
    }

    func testInlineAndBlockMarkup() {
        assertSomePost(["<h2><a name=\"", "class=\"anchor\""], raw: "## ")
        assertSomePost(["<strong>"], raw: "**")
        assertSomePost(["<em>"], raw: "*")
        assertSomePost(["<s>"], raw: "~~")
        assertSomePost(["<code>"], raw: "`")
        assertSomePost(["<kbd>Ctrl</kbd>"], raw: "<kbd>Ctrl</kbd>")
        assertSomePost(["<pre><code class=\"lang-bash\">"], raw: "```bash")
        assertSomePost(["<pre><code class=\"lang-json\">"], raw: "```json")
        XCTAssertTrue(
            posts.contains { $0.raw.hasPrefix("> ") && $0.cooked.hasPrefix("<blockquote>\n<p>") }, "a plain block quote"
        )
        assertSomePost(["<ol>\n<li>", "<li>Run the commands\n<ul>"], raw: "   * ")
        assertSomePost(["<div class=\"md-table\">", "<th>Plan</th>"], raw: "|---|")
    }

    func testDiscourseSpecificMarkup() {
        assertSomePost(["<aside class=\"quote no-group\" data-username=", "<blockquote>"], raw: "[quote=\"")
        assertSomePost(["<a href=\"https://", "rel=\"noopener nofollow ugc\""], raw: "](https://")
        assertSomePost(["<div class=\"lightbox-wrapper\"><a class=\"lightbox\"", "<img src=\"", "alt=\""], raw: "![")
        assertSomePost(
            ["<img src=\"/images/emoji/twitter/smile.png?v=12\" title=\":smile:\" class=\"emoji\" alt=\":smile:\""],
            raw: ":smile:")
        assertSomePost(["<a class=\"mention\" href=\"/u/"], raw: "@")
        assertSomePost(["<a class=\"hashtag-cooked\" href=\"/c/"], raw: "#")
        assertSomePost(["<aside class=\"onebox"])
        assertSomePost(["<details>\n<summary>"], raw: "[details=")
        assertSomePost(["<span class=\"spoiler\">"], raw: "[spoiler]")
        assertSomePost(["<div class=\"poll\""], raw: "[poll")
        assertSomePost(["<sup class=\"footnote-ref\">", "footnotes-list"], raw: "[^1]")
    }

    func testScriptsAndHostileBytes() throws {
        let texts = posts.map(\.raw)
        let scripts: [(String, ClosedRange<UInt32>)] = [
            ("hiragana", 0x3040...0x309F), ("han", 0x4E00...0x9FFF),
            ("arabic", 0x0600...0x06FF), ("hebrew", 0x0590...0x05FF),
        ]
        for (name, range) in scripts {
            XCTAssertTrue(texts.contains { $0.unicodeScalars.contains { range.contains($0.value) } }, name)
        }
        let hostile = try XCTUnwrap(posts.first { $0.raw.contains("\u{1B}]52;c;") })
        XCTAssertTrue(hostile.cooked.contains("\u{1B}[2J"), "escape bytes pass through, as on real servers")
        let data = Generated.seeded.data
        XCTAssertEqual(
            data.users[
                try XCTUnwrap(posts.first { $0.raw.unicodeScalars.contains { (0x3040...0x309F).contains($0.value) } })
                    .userId]?.username, "yuki")
        XCTAssertEqual(
            data.users[
                try XCTUnwrap(posts.first { $0.raw.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } })
                    .userId]?.username, "layla")
    }

    func testEveryCookedBodyIsWellFormed() {
        let templates = ScaledTemplates.questions.map(\.body) + ScaledTemplates.replies
        for cooked in posts.map(\.cooked) + templates.map(\.cooked) where !cooked.isEmpty {
            for tag in [
                "p", "ul", "ol", "li", "table", "tr", "td", "th", "aside", "blockquote", "details", "pre", "code", "h2",
                "h3", "strong", "em", "a",
            ] {
                let opened =
                    cooked.components(separatedBy: "<\(tag)>").count - 1
                    + cooked.components(separatedBy: "<\(tag) ").count - 1
                let closed = cooked.components(separatedBy: "</\(tag)>").count - 1
                XCTAssertEqual(opened, closed, "<\(tag)> is balanced in: \(cooked.prefix(120))")
            }
        }
    }
}
