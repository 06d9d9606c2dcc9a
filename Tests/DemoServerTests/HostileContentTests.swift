// The demo server's hostile mode: every string of every JSON answer carries terminal escapes,
// and every cooked post integer attributes at the limits; other answers are left alone.
import Foundation
import XCTest

@testable import DemoServer

final class HostileContentTests: XCTestCase {
    private let answer = APIResponse.json([
        "errors": ["Body is too short"], "title": "A title", "created_at": "2026-11-01T07:30:00Z",
        "post_stream": ["posts": [["id": 7, "cooked": "<p>hi</p>", "username": "ann"]]],
        "bundles": [["id": "agree", "actions": [["id": "agree_and_keep", "label": "Keep"]]]],
        "count": 3, "flag": true,
    ])

    private func rewritten(_ content: HostileContent) throws -> [String: Any] {
        let body = content.apply(to: answer).body
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: body) as? [String: Any])
    }

    func testHostileTextReachesEveryStringAndNothingElse() throws {
        let json = try rewritten(HostileContent(text: true))
        let escapes = HostileContent.escapes
        XCTAssertEqual(json["errors"] as? [String], ["Body is too short" + escapes])
        XCTAssertEqual(json["title"] as? String, "A title" + escapes)
        XCTAssertEqual(json["created_at"] as? String, "2026-11-01T07:30:00Z" + escapes)
        let post = try XCTUnwrap(((json["post_stream"] as? [String: Any])?["posts"] as? [[String: Any]])?.first)
        XCTAssertEqual(post["username"] as? String, "ann" + escapes)
        XCTAssertEqual(post["cooked"] as? String, "<p>hi</p>" + escapes)
        XCTAssertEqual(post["id"] as? Int, 7, "numbers are left alone")
        let bundle = try XCTUnwrap((json["bundles"] as? [[String: Any]])?.first)
        XCTAssertEqual(bundle["id"] as? String, "agree" + escapes)
        let action = try XCTUnwrap((bundle["actions"] as? [[String: Any]])?.first)
        XCTAssertEqual(action["id"] as? String, "agree_and_keep" + escapes)
        XCTAssertEqual(action["label"] as? String, "Keep" + escapes)
        XCTAssertEqual(json["count"] as? Int, 3)
        XCTAssertEqual(json["flag"] as? Bool, true)
        for control: Unicode.Scalar in ["\u{1B}", "\u{07}", "\u{7F}", "\u{9B}", "\u{202E}"] {
            XCTAssertTrue(escapes.unicodeScalars.contains(control))
        }
    }

    func testHostileIntegersGoIntoCookedPostsOnly() throws {
        let json = try rewritten(HostileContent(integers: true))
        let post = try XCTUnwrap(((json["post_stream"] as? [String: Any])?["posts"] as? [[String: Any]])?.first)
        XCTAssertEqual(post["cooked"] as? String, "<p>hi</p>" + HostileContent.integerHTML)
        XCTAssertTrue(HostileContent.integerHTML.contains("<ol start=\"9223372036854775807\">"))
        XCTAssertEqual(json["title"] as? String, "A title")
    }

    func testOffOrNotJSONLeavesTheAnswerAsItIs() {
        XCTAssertEqual(HostileContent().apply(to: answer).body, answer.body)
        let page = APIResponse.text("<html>\u{1B}</html>", contentType: "text/html")
        XCTAssertEqual(HostileContent(text: true, integers: true).apply(to: page).body, page.body)
    }
}
