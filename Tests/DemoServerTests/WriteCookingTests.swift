// Cooking markdown into Discourse's HTML, checked on the markup a client renders (quotes,
// code, lists, mentions, emoji, links, escaping), and a quote alerting the quoted user.
import DemoCommunity
import Foundation
import XCTest

@testable import DemoServer

final class WriteCookingTests: WriteServerTestCase {
    let cooker = Fixture.makeData().cooker

    func testParagraphsKeepSoftLineBreaksAndEscapeHTML() {
        XCTAssertEqual(
            cooker.cook("First line\nsecond <b>line</b> & more\n\nNext paragraph"),
            "<p>First line<br>\nsecond &lt;b&gt;line&lt;/b&gt; &amp; more</p>\n<p>Next paragraph</p>")
    }

    func testInlineMarkup() {
        XCTAssertEqual(
            cooker.cook("**bold** *em* ~~gone~~ `a*b*c` [docs](https://example.com/a_b_c) :smile:"),
            "<p><strong>bold</strong> <em>em</em> <s>gone</s> <code>a*b*c</code> "
                + "<a href=\"https://example.com/a_b_c\">docs</a> <img src=\"/images/emoji/twitter/smile.png?v=12\" "
                + "title=\":smile:\" class=\"emoji\" alt=\":smile:\" loading=\"lazy\" width=\"20\" height=\"20\"></p>")
        XCTAssertEqual(
            cooker.cook("see https://example.com/x."),
            "<p>see <a href=\"https://example.com/x\">https://example.com/x</a>.</p>")
    }

    func testMentionsOnlyForRealUsers() {
        XCTAssertEqual(
            cooker.cook("thanks @alice and @nobody, mail me@example.com"),
            "<p>thanks <a class=\"mention\" href=\"/u/alice\">@alice</a> and @nobody, mail me@example.com</p>")
    }

    func testBlocks() {
        let raw = "# Steps\n\n1. Open settings\n2. Reset\n\n- one\n- two\n\n> quoted\n\n```bash\nls -l <dir>\n```"
        XCTAssertEqual(
            cooker.cook(raw),
            """
            <h1>Steps</h1>
            <ol>
            <li>Open settings</li>
            <li>Reset</li>
            </ol>
            <ul>
            <li>one</li>
            <li>two</li>
            </ul>
            <blockquote>
            <p>quoted</p>
            </blockquote>
            <pre><code class="lang-bash">ls -l &lt;dir&gt;
            </code></pre>
            """)
    }

    func testDiscourseQuote() {
        let cooked = cooker.cook("[quote=\"alice, post:1, topic:101\"]\nMy printer crashes.\n[/quote]\nSame here.")
        XCTAssertTrue(
            cooked.hasPrefix(
                "<aside class=\"quote no-group\" data-username=\"alice\" data-post=\"1\" data-topic=\"101\">"),
            cooked)
        XCTAssertTrue(cooked.contains("<blockquote>\n<p>My printer crashes.</p>\n</blockquote>\n</aside>"), cooked)
        XCTAssertTrue(cooked.hasSuffix("</aside>\n<p>Same here.</p>"), cooked)
    }

    func testQuotingAlertsTheQuotedUser() async throws {
        let reply = try await sendJSON(
            "POST", "/posts.json",
            [
                "topic_id": Fixture.solvedTopicId,
                "raw":
                    "[quote=\"bob, post:2, topic:\(Fixture.solvedTopicId)\"]\nWhich version?\n[/quote]\nVersion 4.2 here.",
            ], headers: carol)
        XCTAssertEqual(reply.status, 200, reply.text)
        let notifications = try await getJSON("/notifications.json", headers: bob).array("notifications")
        XCTAssertTrue(
            notifications.contains { $0.int("notification_type") == 3 && $0.int("topic_id") == Fixture.solvedTopicId })
        // The topic's author hears about the new post too, as its watcher.
        let alices = try await getJSON("/notifications.json", headers: alice).array("notifications")
        XCTAssertTrue(
            alices.contains { $0.int("notification_type") == 9 && $0.int("topic_id") == Fixture.solvedTopicId })
    }
}
